import crypto from 'node:crypto';
import type { SignedSection } from './note-text';

/**
 * A signed note as a FHIR R4 Bundle (type collection) holding a
 * DocumentReference (the note as one text/plain attachment, ready for a
 * document store) and a Composition (one section per heading, for systems
 * that read structure). The workbench knows no patient identity, so neither
 * resource has a subject: the receiving system links the document to its
 * patient. The author is the signing clinician by display name.
 */
export interface FhirNoteInput {
  noteId: string;
  version: number;
  amendsId: string | null;
  text: string;
  sections: readonly SignedSection[];
  noteType: string;
  title: string;
  authorName: string;
  signedAt: Date;
  language: string;
}

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

export function noteBundle(input: FhirNoteInput) {
  const date = input.signedAt.toISOString();
  const author = [{ display: input.authorName }];
  const identifier = { system: 'urn:journalverkstan:signed-note', value: `${input.noteId}` };
  const documentReference = {
    resourceType: 'DocumentReference',
    id: `${input.noteId}-doc`,
    identifier: [identifier],
    status: 'current',
    docStatus: 'final',
    type: noteTypeConcept(input.noteType),
    date,
    author,
    description: `${input.title}, version ${input.version}`,
    ...(input.amendsId ? { relatesTo: [{ code: 'replaces', target: { identifier: { system: identifier.system, value: input.amendsId } } }] } : {}),
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
  };
  const composition = {
    resourceType: 'Composition',
    id: `${input.noteId}-comp`,
    identifier,
    status: input.amendsId ? 'amended' : 'final',
    type: noteTypeConcept(input.noteType),
    date,
    author,
    title: input.title,
    language: input.language,
    section: input.sections
      .filter((s) => s.text.trim().length > 0)
      .map((s) => ({ title: s.heading, text: { status: 'generated', div: narrative(s.text) } })),
  };
  return {
    resourceType: 'Bundle',
    id: crypto.randomUUID(),
    type: 'collection',
    timestamp: new Date().toISOString(),
    entry: [documentReference, composition].map((resource) => ({ fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource })),
  };
}
