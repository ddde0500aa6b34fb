import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRICS, meets, metric, scoreNote, verdict, type MetricId } from '../../evals/metrics';
import { keyFactRecall } from '../../evals/metrics/keyfacts';
import { rouge } from '../../evals/metrics/rouge';
import { analyseStructure } from '../../evals/metrics/structure';

/**
 * The metric registry is what runs, comparisons, the gate and the CLI read:
 * its values must be the metric functions' own, its directions must say
 * which way is better, and every validation it names must exist.
 */
const ROOT = join(import.meta.dirname, '../..');
const reference = 'Kontaktorsak:\nHalsont sedan tre dagar.\n\nStatus:\nRodnad i svalget.';
const note = 'Kontaktorsak:\nOnt i halsen i tre dagar, ingen feber.\n\nStatus:\n';
const sections = [
  { key: 'kontaktorsak', heading: 'Kontaktorsak', required: true, text: 'Ont i halsen i tre dagar, ingen feber.' },
  { key: 'status', heading: 'Status', required: true, text: '' },
  { key: 'plan', heading: 'Plan', required: false, text: '' },
];
const keyFacts = [
  { text: 'ont i halsen i tre dagar', critical: true },
  { text: 'rodnad i svalget', critical: false },
];

describe('metric registry', () => {
  it('gives the metric functions\' own values, each measurement computed from the same input', () => {
    const all = Object.keys(METRICS) as MetricId[];
    const got = scoreNote(
      { note, reference, tokenizer: 'unicode', language: 'sv', keyFacts, sections, transcript: 'Jag har ont i halsen.', flags: [{ severity: 'critical' }, { severity: 'warning' }], durationMs: 12 },
      all,
    );
    const r = rouge(reference, note, { tokenizer: 'unicode' });
    const facts = keyFactRecall(note, keyFacts, 'sv');
    const structure = analyseStructure(note, sections, 'Jag har ont i halsen.');
    expect(got).toEqual({
      rouge1: r.rouge1.f1,
      rouge2: r.rouge2.f1,
      rougeL: r.rougeL.f1,
      rougeLsum: r.rougeLsum.f1,
      editDistance: expect.any(Number),
      keyFactRecall: facts.recall,
      criticalKeyFactRecall: facts.criticalRecall,
      criticalFlags: 1,
      flags: 2,
      completeness: 0.5,
      lix: structure.lix,
      words: structure.words,
      chars: note.length,
      durationMs: 12,
    });
    expect(facts.recall).toBe(0.5);
    expect(got.rouge1).toBeGreaterThan(0);
  });

  it('is null where the material is missing, never a made-up zero', () => {
    expect(scoreNote({ note }, ['rouge1', 'editDistance', 'keyFactRecall', 'flags', 'completeness', 'durationMs'])).toEqual({
      rouge1: null,
      editDistance: null,
      keyFactRecall: null,
      flags: null,
      completeness: null,
      durationMs: null,
    });
  });

  it('judges better and worse, and bounds, by direction', () => {
    expect(verdict('keyFactRecall', 0.1)).toBe('better');
    expect(verdict('criticalFlags', 1)).toBe('worse');
    expect(verdict('lix', -2)).toBe('better');
    expect(verdict('words', 5)).toBeNull();
    expect(verdict('rouge1', 0)).toBe('same');
    expect(meets('criticalFlags', 0, 0)).toBe(true);
    expect(meets('criticalFlags', 1, 0)).toBe(false);
    expect(meets('keyFactRecall', 0.8, 0.9)).toBe(false);
  });

  it('labels every metric in Swedish and names validations that exist', () => {
    for (const id of Object.keys(METRICS) as MetricId[]) {
      const m = metric(id);
      expect(m.id).toBe(id);
      expect(m.label.length).toBeGreaterThan(1);
      for (const path of m.validation?.match(/test\/[\w/.-]+\.ts/g) ?? []) expect(existsSync(join(ROOT, path)), path).toBe(true);
    }
    expect(metric('rouge1').validation).toMatch(/ACI-Bench/);
  });
});
