import crypto from 'node:crypto';
import { HSA_ID_SYSTEM } from '../../contracts/hsa-id';
import type { SignedSection } from './note-text';

/**
 * A signed note version as a FHIR R4 `document` Bundle: the Composition first
 * (one section per heading, attested by the signer, kept by the care unit),
 * then a DocumentReference to the same note as one text/plain attachment
 * (linked to the Composition through context.related, for document stores),
 * the signer as a Practitioner and the care unit as an Organization.
 *
 * Receivers need three things a collection of loose resources did not give:
 * - the same ids on every fetch of one version (ids and fullUrls are derived
 *   from the version's id, the timestamp is the signing time), so a re-sent
 *   document is recognised as a duplicate;
 * - the version chain: an amendment `replaces` the previous version, whose own
 *   DocumentReference is `superseded` once a later version exists;
 * - the encounter, referenced by its pseudonymous identifier.
 * The workbench stores no patient identity, so no resource has a subject: the
 * receiving system links the document to its patient through the encounter.
 */
export interface FhirNoteInput {
  noteId: string;
  version: number;
  /** id of version 1: the version-independent identity of the note */
  firstVersionId: string;
  amendsId: string | null;
  /** true once a later version exists */
  superseded: boolean;
  encounterId: string;
  text: string;
  sections: readonly SignedSection[];
  noteType: string;
  title: string;
  signer: { id: string; displayName: string; hsaId: string | null };
  careUnit: { id: string; code: string; name: string } | null;
  signedAt: Date;
  language: string;
}

/** Identifier systems of the workbench's own (pseudonymous) ids. */
export const FHIR_SYSTEMS = {
  /** one signed version of a note */
  noteVersion: 'urn:journalverkstan:note-version',
  /** a note across its versions (the id of its first version) */
  note: 'urn:journalverkstan:note',
  encounter: 'urn:journalverkstan:encounter',
  careUnit: 'urn:journalverkstan:care-unit',
  user: 'urn:journalverkstan:user',
} as const;

/** RFC 4122 name-based UUID (version 5) in the workbench's own namespace: the same name gives the same UUID. */
const NAMESPACE = Buffer.from('6f1d2c0a9b7e4e5f8a3d2b1c0e9f8a7b', 'hex');
export function stableUuid(name: string): string {
  const hash = crypto.createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
const fullUrl = (resourceType: string, id: string) => `urn:uuid:${stableUuid(`${resourceType}/${id}`)}`;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Narrative XHTML: one paragraph per line of the section, every character escaped. */
export function narrative(text: string): string {
  const paragraphs = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeXml(line)}</p>`);
  return `<div xmlns="http://www.w3.org/1999/xhtml">${paragraphs.join('') || '<p/>'}</div>`;
}

/** LOINC 34109-9 "Note": the generic document type; the note type itself goes in `text`. */
const noteTypeConcept = (noteType: string) => ({
  coding: [{ system: 'http://loinc.org', code: '34109-9', display: 'Note' }],
  text: noteType,
});

function practitioner(signer: FhirNoteInput['signer']) {
  const id = `user-${signer.id}`;
  const identifier = signer.hsaId ? { system: HSA_ID_SYSTEM, value: signer.hsaId } : undefined;
  const resource = {
    resourceType: 'Practitioner',
    id,
    ...(identifier ? { identifier: [identifier] } : {}),
    active: true,
    name: [{ text: signer.displayName || 'Okänd användare' }],
  };
  const url = fullUrl('Practitioner', id);
  const reference = { reference: url, type: 'Practitioner', ...(identifier ? { identifier } : {}), display: resource.name[0]!.text };
  return { resource, url, reference };
}

function organization(unit: NonNullable<FhirNoteInput['careUnit']>) {
  const id = `unit-${unit.id}`;
  const identifier = { system: FHIR_SYSTEMS.careUnit, value: unit.code };
  const resource = { resourceType: 'Organization', id, identifier: [identifier], active: true, name: unit.name };
  const url = fullUrl('Organization', id);
  return { resource, url, reference: { reference: url, type: 'Organization', identifier, display: unit.name } };
}

export function noteBundle(input: FhirNoteInput) {
  const date = input.signedAt.toISOString();
  const signer = practitioner(input.signer);
  const custodian = input.careUnit ? organization(input.careUnit) : null;
  const encounter = { type: 'Encounter', identifier: { system: FHIR_SYSTEMS.encounter, value: input.encounterId } };
  const versionIdentifier = { system: FHIR_SYSTEMS.noteVersion, value: input.noteId };
  const noteIdentifier = { system: FHIR_SYSTEMS.note, value: input.firstVersionId };
  const previous = input.amendsId ? { system: FHIR_SYSTEMS.noteVersion, value: input.amendsId } : null;

  const compositionId = `${input.noteId}-comp`;
  const compositionUrl = fullUrl('Composition', compositionId);
  const composition = {
    resourceType: 'Composition',
    id: compositionId,
    meta: { versionId: String(input.version) },
    identifier: noteIdentifier,
    status: previous ? 'amended' : 'final',
    type: noteTypeConcept(input.noteType),
    encounter,
    date,
    author: [signer.reference],
    title: input.title,
    language: input.language,
    attester: [{ mode: 'legal', time: date, party: signer.reference }],
    ...(custodian ? { custodian: custodian.reference } : {}),
    ...(previous ? { relatesTo: [{ code: 'replaces', targetIdentifier: previous }] } : {}),
    section: input.sections
      .filter((s) => s.text.trim().length > 0)
      .map((s) => ({ title: s.heading, text: { status: 'generated', div: narrative(s.text) } })),
  };
  const documentReferenceId = `${input.noteId}-doc`;
  const documentReference = {
    resourceType: 'DocumentReference',
    id: documentReferenceId,
    masterIdentifier: versionIdentifier,
    identifier: [noteIdentifier],
    status: input.superseded ? 'superseded' : 'current',
    docStatus: previous ? 'amended' : 'final',
    type: noteTypeConcept(input.noteType),
    date,
    author: [signer.reference],
    authenticator: signer.reference,
    ...(custodian ? { custodian: custodian.reference } : {}),
    description: `${input.title}, version ${input.version}`,
    ...(previous ? { relatesTo: [{ code: 'replaces', target: { type: 'DocumentReference', identifier: previous } }] } : {}),
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          language: input.language,
          data: Buffer.from(input.text, 'utf8').toString('base64'),
          title: input.title,
          creation: date,
        },
      },
    ],
    context: { encounter: [encounter], related: [{ reference: compositionUrl, type: 'Composition' }] },
  };
  const bundleId = stableUuid(`Bundle/${input.noteId}`);
  return {
    resourceType: 'Bundle',
    id: bundleId,
    // A document's identity (bdl-9): the same on every fetch of this version.
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${bundleId}` },
    type: 'document',
    timestamp: date,
    entry: [
      { fullUrl: compositionUrl, resource: composition },
      { fullUrl: fullUrl('DocumentReference', documentReferenceId), resource: documentReference },
      { fullUrl: signer.url, resource: signer.resource },
      ...(custodian ? [{ fullUrl: custodian.url, resource: custodian.resource }] : []),
    ],
  };
}
