import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteSection } from '../../../server/contracts/note';
import { PipelineError } from '../../../server/pipeline/errors';
import { ChatDrafter } from '../../../server/pipeline/draft/chat-drafter';
import { ExtractiveDrafter } from '../../../server/pipeline/draft/extractive';
import { finalizeDraft } from '../../../server/pipeline/draft/finalize';
import { LocalChatModel } from '../../../server/pipeline/llm/local-chat';
import { makeSyntheticChatModel } from '../../support/synthetic/chat';
import { BACK, FOOT, INVENTED, KNEE, SCRIPTS, SHOULDER, THROAT, lakare, segmentsOf, type Turn } from './scenarios';

/**
 * The chat drafter over the local chat model, through the real transformers.js runtime on a scripted
 * synthetic chat model: prompt → answer → shared parser → finalize. The
 * scripted answers are exact, so the assertions are about what the project's
 * code does with them.
 */
const settings = { maxTokens: 800, temperature: 0 };

function section(sections: NoteSection[], key: string): NoteSection {
  const found = sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
}

const flagsOf = (sections: NoteSection[]) => sections.flatMap((s) => s.sentences.flatMap((x) => x.flags.map((f) => ({ ...f, sentence: x.text }))));

describe('ChatDrafter + finalize on a scripted synthetic chat model', () => {
  let modelsDir: string;
  let model: LocalChatModel;
  let drafter: ChatDrafter;

  beforeAll(async () => {
    modelsDir = await mkdtemp(path.join(os.tmpdir(), 'jv-draft-'));
    await makeSyntheticChatModel({ dir: path.join(modelsDir, 'synthetic-chat'), scripts: SCRIPTS });
    model = new LocalChatModel({ modelsDir, modelId: 'synthetic-chat' });
    drafter = new ChatDrafter(model, settings);
  });
  afterAll(async () => {
    await model.dispose();
    await rm(modelsDir, { recursive: true, force: true });
  });

  const draft = async (turns: Turn[]) => {
    const segments = segmentsOf(turns);
    const output = await drafter.draft({ workflow: lakare, segments });
    return finalizeDraft({ workflow: lakare, segments, output });
  };

  it('keeps verified citations, drops a wrong one, aligns an uncited sentence, lists every section', async () => {
    const t0 = performance.now();
    const sections = await draft(THROAT);
    console.log(`[drafters] local draft + finalize (synthetic model, first call incl. load): ${(performance.now() - t0).toFixed(0)} ms`);
    expect(sections.map((s) => s.key)).toEqual(lakare.sections.map((s) => s.key));
    expect(sections.map((s) => s.heading)).toEqual(lakare.sections.map((s) => s.heading));
    expect(section(sections, 'bedomning').sentences).toEqual([]);
    const [pain, fever] = section(sections, 'aktuellt').sentences;
    expect(pain?.evidence).toEqual([{ segmentId: 's2', start: null, end: null, source: 'cited' }]);
    // "Ingen feber." cited s4 and s5; s5 (the throat finding) shares no word with it.
    expect(fever?.evidence.map((e) => e.segmentId)).toEqual(['s4']);
    const status = section(sections, 'status').sentences[0];
    expect(status?.evidence).toEqual([{ segmentId: 's5', start: null, end: null, source: 'aligned' }]);
    expect(flagsOf(sections)).toEqual([]);
    expect(drafter.info).toEqual({ drafterId: 'local:synthetic-chat', modelId: 'synthetic-chat' });
  });

  it('flags a diagnosis, a drug with its dose and a plan that nobody said', async () => {
    const flags = flagsOf(await draft(KNEE));
    const on = (text: string) => flags.filter((f) => f.sentence === text);
    expect(on(INVENTED.diagnosis)).toEqual([expect.objectContaining({ kind: 'diagnosis', severity: 'critical', span: 'Meniskskada' })]);
    expect(on(INVENTED.dose).map((f) => [f.kind, f.span, f.severity])).toEqual(
      expect.arrayContaining([
        ['drug', 'Ipren', 'critical'],
        ['number', '400 mg', 'warning'],
      ]),
    );
    expect(on(INVENTED.plan).map((f) => f.kind)).toContain('plan');
    for (const flag of flags) {
      expect(flag.resolution).toBeNull();
      expect(INVENTED.diagnosis + INVENTED.dose + INVENTED.plan).toContain(flag.span);
    }
  });

  it.each([
    ["broken JSON", BACK, /inte giltig JSON/],
    ['an unknown segment id', SHOULDER, /Okänt segment-id "s42"/],
    ['a missing required section', FOOT, /obligatoriska rubriken "status" saknas/],
  ])('refuses %s after one repair round with a Swedish error', async (_name, turns, detail) => {
    const error = await drafter.draft({ workflow: lakare, segments: segmentsOf(turns) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ code: 'invalid_model_output' });
    expect((error as Error).message).toMatch(/^Språkmodellens svar gick inte att använda, inte heller efter ett rättningsförsök\./);
    expect((error as Error).message).toMatch(detail);
    expect(drafter.lastRepairRounds).toBe(1);
    // The job error must not carry the consultation.
    for (const turn of turns) expect((error as Error).message).not.toContain(turn.text.slice(0, 20));
  });
});

describe('the repair round', () => {
  it('sends the validation errors back and accepts the corrected answer', async () => {
    const modelsDir = await mkdtemp(path.join(os.tmpdir(), 'jv-repair-'));
    const fixed = JSON.stringify({
      sections: lakare.sections.map((s) => ({ key: s.key, sentences: s.key === 'kontaktorsak' ? [{ text: 'Ryggskott vid lyft i lördags.', evidence: ['s1'] }] : [] })),
    });
    // "valideringsfel" only occurs in the repair message, so the second call gets the fixed answer.
    await makeSyntheticChatModel({ dir: path.join(modelsDir, 'm'), scripts: { valideringsfel: fixed, ryggskott: SCRIPTS.ryggskott! } });
    const model = new LocalChatModel({ modelsDir, modelId: 'm' });
    const drafter = new ChatDrafter(model, settings);
    const output = await drafter.draft({ workflow: lakare, segments: segmentsOf(BACK) });
    expect(drafter.lastRepairRounds).toBe(1);
    expect(output.sections[0]).toEqual({ key: 'kontaktorsak', sentences: [{ text: 'Ryggskott vid lyft i lördags.', evidence: ['s1'] }] });
    await model.dispose();
    await rm(modelsDir, { recursive: true, force: true });
  });

  it('a missing local model is a model_missing failure that says how to install it', async () => {
    const modelsDir = await mkdtemp(path.join(os.tmpdir(), 'jv-nomodel-'));
    const model = new LocalChatModel({ modelsDir, modelId: 'HuggingFaceTB/SmolLM2-360M-Instruct' });
    const error = await new ChatDrafter(model, settings).draft({ workflow: lakare, segments: segmentsOf(THROAT) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'model_missing' });
    expect((error as Error).message).toMatch(/npm run models -- pull HuggingFaceTB\/SmolLM2-360M-Instruct/);
    await rm(modelsDir, { recursive: true, force: true });
  });
});

describe('ExtractiveDrafter + finalize', () => {
  it.each([
    ['THROAT', THROAT],
    ['KNEE', KNEE],
    ['BACK', BACK],
    ['SHOULDER', SHOULDER],
    ['FOOT', FOOT],
  ])('adds no diagnosis, drug, dose or plan to %s', async (_name, turns) => {
    const segments = segmentsOf(turns);
    const output = await new ExtractiveDrafter().draft({ workflow: lakare, segments });
    const sections = finalizeDraft({ workflow: lakare, segments, output });
    const invented = flagsOf(sections).filter((f) => f.kind !== 'negation');
    expect(invented).toEqual([]);
    // Every sentence it wrote rests on a segment that exists.
    for (const sentence of sections.flatMap((s) => s.sentences)) {
      expect(sentence.evidence.length).toBeGreaterThan(0);
      for (const e of sentence.evidence) expect(segments.map((s) => s.id)).toContain(e.segmentId);
    }
  });
});
