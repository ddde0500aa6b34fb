import { describe, expect, it } from 'vitest';
import { loadSeedWorkflows } from '../../../prompts/index';
import type { TranscriptSegment } from '../../../server/contracts/transcript';
import type { WorkflowSpec } from '../../../server/contracts/workflow';
import { ExtractiveDrafter } from '../../../server/pipeline/draft/extractive';
import { sectionLimits, sentenceLimitOf } from '../../../server/pipeline/draft/extractive-settings';

/**
 * The studio's promise for the engine without a model: a working group's
 * change to ledord, section order, max tecken or a sentence count in the
 * style hints shows up in the draft. Synthetic consultation written for
 * this test.
 */
const TURNS = [
  ['Läkare', 'Hej, vad kan jag hjälpa dig med idag?'],
  ['Patient', 'Jag har haft ont i knät i två veckor.'],
  ['Läkare', 'Hur började det?'],
  ['Patient', 'Det började när jag sprang i skogen i söndags. Det svullnar på kvällen, ungefär tre gånger i veckan. Jag har inte ramlat.'],
  ['Läkare', 'Har du tagit något mot smärtan?'],
  ['Patient', 'Alvedon ibland, det hjälper lite.'],
  ['Läkare', 'Knät är svullet och ömt på insidan, men stabilt. Rörligheten är nedsatt i böjning.'],
  ['Läkare', 'Det ser ut som en överbelastning av den inre menisken, inget som behöver opereras nu.'],
  ['Läkare', 'Du får en remiss till fysioterapeut, och hör av dig om knät låser sig.'],
] as const;
const segments: TranscriptSegment[] = TURNS.map(([speaker, text], i) => ({ id: `s${i + 1}`, start: null, end: null, speaker, text }));
const lakare = loadSeedWorkflows().find((w) => w.profession === 'lakare')!;
const drafter = new ExtractiveDrafter();

const draft = async (workflow: WorkflowSpec) => (await drafter.draft({ workflow, segments })).sections.map((s) => ({ key: s.key, text: s.sentences.map((x) => x.text) }));
const edit = (key: string, patch: Partial<WorkflowSpec['sections'][number]>): WorkflowSpec => ({
  ...lakare,
  sections: lakare.sections.map((s) => (s.key === key ? { ...s, ...patch } : s)),
});
const section = (out: Awaited<ReturnType<typeof draft>>, key: string) => out.find((s) => s.key === key)!.text;

describe('the extractive engine honours the workflow settings', () => {
  it('reads sentence counts from style hints and nothing else', () => {
    expect(sentenceLimitOf('en mening')).toBe(1);
    expect(sentenceLimitOf('Högst tre meningar')).toBe(3);
    expect(sentenceLimitOf('max 4 meningar')).toBe(4);
    expect(sentenceLimitOf('kort')).toBe(2);
    for (const prose of ['telegramstil', 'behåll negationer', 'en mening om varje problem', 'högst noll meningar']) expect(sentenceLimitOf(prose)).toBeNull();
    const limits = sectionLimits([{ key: 'x', heading: 'X', instruction: '', required: true, styleHints: ['kort', 'en mening'], cues: [], maxChars: 300 }]);
    expect(limits).toEqual([{ maxChars: 300, maxSentences: 1 }]);
  });

  it('a new ledord moves a sentence to its section', async () => {
    // Matched by its words: the sentence rewriting (extractive-style.ts) may shorten it.
    const mobility = (texts: string[]) => texts.some((t) => /^Rörligheten .*nedsatt i böjning/.test(t));
    const before = await draft(lakare);
    expect(mobility(section(before, 'status'))).toBe(true);
    expect(mobility(section(before, 'bedomning'))).toBe(false);
    const after = await draft(edit('bedomning', { cues: [...lakare.sections.find((s) => s.key === 'bedomning')!.cues, 'nedsatt i böjning'] }));
    expect(mobility(section(after, 'bedomning'))).toBe(true);
    expect(mobility(section(after, 'status'))).toBe(false);
  });

  it('the section order is the draft order', async () => {
    const reversed = { ...lakare, sections: [...lakare.sections].reverse() };
    expect((await draft(reversed)).map((s) => s.key)).toEqual(lakare.sections.map((s) => s.key).reverse());
  });

  it('"en mening" and max tecken limit a section', async () => {
    const before = await draft(lakare);
    const history = section(before, 'aktuellt');
    expect(history.length).toBeGreaterThan(1);
    // The section keeps what carries most (not simply what came first) and stays within the limit.
    const one = section(await draft(edit('aktuellt', { styleHints: ['en mening'] })), 'aktuellt');
    expect(one).toHaveLength(1);
    expect(history).toContain(one[0]);
    // Room for the longest sentence alone (the first one's length fitted only by chance once the rewriting shortened it).
    const limit = Math.max(...history.map((h) => h.length)) + 1;
    const short = section(await draft(edit('aktuellt', { maxChars: limit })), 'aktuellt');
    expect(short.length).toBeGreaterThan(0);
    expect(short.reduce((n, s) => n + s.length + 1, 0)).toBeLessThanOrEqual(limit);
    for (const sentence of short) expect(history).toContain(sentence);
    // A sentence that does not fit goes to its next candidate section when it has one; these history answers have none.
    const all = (await draft(edit('aktuellt', { styleHints: ['en mening'] }))).flatMap((s) => s.text);
    for (const sentence of history.filter((h) => h !== one[0])) expect(all).not.toContain(sentence);
  });
});
