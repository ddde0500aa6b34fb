import { describe, expect, it } from 'vitest';
import { loadSeedWorkflows } from '../../../prompts/index';
import type { TranscriptSegment } from '../../../server/contracts/transcript';
import { sentenceAct } from '../../../server/pipeline/draft/extractive-acts';
import { ExtractiveDrafter } from '../../../server/pipeline/draft/extractive';

// Kinds of utterances the no-model draft files or leaves out (#16). Sentences written for these tests; no real consultation.

const workflows = loadSeedWorkflows();
const drafter = new ExtractiveDrafter();

async function draft(profession: string, turns: Array<[string | null, string]>) {
  const workflow = workflows.find((w) => w.profession === profession)!;
  const segments: TranscriptSegment[] = turns.map(([speaker, text], i) => ({ id: `s${i + 1}`, start: null, end: null, speaker, text }));
  const out = await drafter.draft({ workflow, segments });
  const roleOf = (key: string) => workflow.sections.find((s) => s.key === key)?.key;
  return Object.fromEntries(out.sections.filter((s) => s.sentences.length > 0).map((s) => [roleOf(s.key)!, s.sentences.map((x) => x.text)]));
}

describe('what the extractive draft files where, by kind of utterance', () => {
  it.each([null, 'Läkare'])('an observation goes to Status, also without speaker labels (speaker %s)', async (speaker) => {
    for (const [profession, findings] of [['lakare', 'status'], ['sjukskoterska', 'omvardnadsstatus']] as const) {
      const out = await draft(profession, [[speaker, 'Ingen hosta.'], [speaker, 'Hjärtat låter regelbundet.']]);
      expect(out[findings], profession).toEqual(['Hjärtat låter regelbundet.']);
      expect(JSON.stringify(out.bedomning ?? [])).not.toContain('Hjärtat');
    }
  });

  it('leaves small talk and its answer out, and the clinician repeating the patient', async () => {
    const out = await draft('lakare', [
      ['Läkare', 'Välkommen. Hittade du hit bra i snön?'],
      ['Patient', 'Ja, det gick fint, bussen var i tid.'],
      ['Läkare', 'Vad kan jag hjälpa dig med?'],
      ['Patient', 'Jag har haft ont i vänster knä i tre veckor.'],
      ['Läkare', 'Tre veckor.'],
    ]);
    const all = Object.values(out).flat().join(' ');
    expect(all).not.toMatch(/bussen|snön|det gick fint/i);
    expect(all).toMatch(/vänster knä/);
    expect(Object.values(out).flat().filter((s) => /^tre veckor\.?$/i.test(s))).toEqual([]);
  });

  it('names a value said alone after the clinician announced the measurement', async () => {
    const out = await draft('sjukskoterska', [
      ['Sjuksköterska', 'Jag mäter saturationen. Nittiofyra procent.'],
      ['Patient', 'Okej.'],
    ]);
    expect(out.omvardnadsstatus).toEqual(['Saturationen 94 %.']);
  });

  it("keeps the question's topic on a value said later in the answer", async () => {
    const out = await draft('sjukskoterska', [
      ['Sjuksköterska', 'Tar du Metformin till middagen?'],
      ['Patient', 'Ja, det gör jag. Femhundra milligram.'],
    ]);
    expect(Object.values(out).flat().join(' ')).toMatch(/metformin.*500 mg/i);
  });

  it("files a score read out in a workflow without a findings heading under the judgement (it was lost)", async () => {
    const out = await draft('psykolog-kurator', [
      ['Psykolog', 'Hur har veckan varit?'],
      ['Patient', 'Lite bättre.'],
      ['Psykolog', 'GAD-7 blev nio poäng i dag.'],
    ]);
    expect(out.bedomning).toContain('GAD-7 blev nio poäng i dag.');
  });

  it('reads an explanation as a judgement wherever it stands', () => {
    expect(sentenceAct('Pulsen går upp när du reser dig, det förklarar yrseln.', 'clinician')).toBe('assessment');
    expect(sentenceAct('Det här var troligen en migrän.', 'clinician')).toBe('assessment');
    expect(sentenceAct('Hä e kallt ute.', 'other')).toBe('talk');
    expect(sentenceAct('1177 Vårdguiden, du talar med en sjuksköterska.', 'clinician')).toBe('talk');
  });
});
