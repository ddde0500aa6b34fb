/**
 * Key-fact recall of PriMock57's human consultation notes against the
 * clinicians' checklists (consultation_checklists/Clinician_*\/*.xlsx). The
 * first sheet lists facts in column A and "c" (critical) / "nc" (non-critical)
 * / "i" (irrelevant) in column B (one file has a second list in C/D, which is
 * not read); rows starting with "*" elaborate the fact
 * above them ("Diarrhoea" → "*3days"), so a sub-item is read together with
 * its parents. Headings have no label and are skipped, as are irrelevant rows.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { EvalError } from '../datasets/errors';
import { keyFactRecall, type KeyFact, type KeyFactRecall } from '../metrics/keyfacts';
import { splitSentences } from '../metrics/grounding';

export interface Consultation {
  /** "day1_consultation01" */
  id: string;
  clinician: string;
  facts: KeyFact[];
  note: string;
  /** Both speakers' utterances in time order. */
  transcript: string;
}

const NoteSchema = z.object({ note: z.string() });

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

export async function readChecklist(path: string): Promise<KeyFact[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new EvalError(`${path}: no worksheet`);
  const facts: KeyFact[] = [];
  const parents: string[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const raw = cellText(row.getCell(1).value).trim();
    const label = cellText(row.getCell(2).value).trim().toLowerCase();
    if (!raw) return;
    const depth = /^\**/.exec(raw)![0].length;
    const text = raw.replace(/^\*+\s*/, '');
    parents.length = Math.min(parents.length, depth);
    const full = [...parents, text].join(' ');
    parents.push(text);
    if (label === 'c' || label === 'nc') facts.push({ text: full, critical: label === 'c' });
  });
  return facts;
}

/** "Day 1 consultation 10 - Checklist.xlsx" → "day1_consultation10". */
export function consultationId(file: string): string | null {
  const m = /day\s*(\d+)\s*consultation\s*(\d+)/i.exec(file);
  return m ? `day${m[1]}_consultation${m[2]!.padStart(2, '0')}` : null;
}

/** Interval texts with their start times from one Praat TextGrid (tags such as <UNSURE> removed). */
export function readTextGrid(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  for (const m of text.matchAll(/xmin = ([\d.]+)\s*\r?\n\s*xmax = [\d.]+\s*\r?\n\s*text = "((?:[^"]|"")*)"/g)) {
    const clean = m[2]!.replace(/""/g, '"').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    if (clean) out.push({ start: Number(m[1]), text: clean });
  }
  return out;
}

async function transcriptOf(dir: string, id: string): Promise<string> {
  const parts = await Promise.all(['doctor', 'patient'].map(async (speaker) => {
    const grid = readTextGrid(await readFile(join(dir, 'transcripts', `${id}_${speaker}.TextGrid`), 'utf8'));
    return grid.map((g) => ({ ...g, speaker }));
  }));
  return parts.flat().sort((a, b) => a.start - b.start).map((u) => `${u.speaker}: ${u.text}`).join('\n');
}

/** `dir` is the primock57 folder. Every checklist file becomes one consultation (some have two clinicians' lists). */
export async function loadPrimock(dir: string): Promise<Consultation[]> {
  const out: Consultation[] = [];
  const root = join(dir, 'consultation_checklists');
  for (const clinician of (await readdir(root)).sort()) {
    for (const file of (await readdir(join(root, clinician))).filter((f) => f.endsWith('.xlsx')).sort()) {
      const id = consultationId(file);
      if (!id) throw new EvalError(`${file}: cannot tell which consultation this checklist is for`);
      const note = NoteSchema.parse(JSON.parse(await readFile(join(dir, 'notes', `${id}.json`), 'utf8'))).note;
      out.push({ id, clinician, facts: await readChecklist(join(root, clinician, file)), note, transcript: await transcriptOf(dir, id) });
    }
  }
  return out;
}

export interface PrimockReport {
  consultations: number;
  facts: number;
  criticalFacts: number;
  /** Facts pooled over all consultations. */
  human: { recall: number; criticalRecall: number };
  firstSentence: { recall: number; criticalRecall: number };
  fullTranscript: { recall: number; criticalRecall: number };
}

function pooled(results: readonly KeyFactRecall[]): { recall: number; criticalRecall: number } {
  const all = results.flatMap((r) => r.facts.filter((f) => f.of > 0));
  const critical = all.filter((f) => f.critical);
  const covered = (xs: typeof all) => xs.filter((f) => f.covered).length / Math.max(1, xs.length);
  return { recall: covered(all), criticalRecall: covered(critical) };
}

export function evaluatePrimock(consultations: readonly Consultation[]): PrimockReport {
  const human = consultations.map((c) => keyFactRecall(c.note, c.facts, 'en'));
  const first = consultations.map((c) => keyFactRecall(splitSentences(c.transcript)[0]?.text ?? '', c.facts, 'en'));
  const full = consultations.map((c) => keyFactRecall(c.transcript, c.facts, 'en'));
  const facts = consultations.flatMap((c) => c.facts);
  return {
    consultations: consultations.length,
    facts: facts.length,
    criticalFacts: facts.filter((f) => f.critical).length,
    human: pooled(human),
    firstSentence: pooled(first),
    fullTranscript: pooled(full),
  };
}
