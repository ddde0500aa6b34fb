import { describe, expect, it } from 'vitest';
import { loadSeedWorkflows } from '../../../prompts/index';
import type { TranscriptSegment } from '../../../server/contracts/transcript';
import { finalizeDraft } from '../../../server/pipeline/draft/finalize';
import { judgementItself, sentenceAct } from '../../../server/pipeline/draft/extractive-acts';
import { carries } from '../../../server/pipeline/draft/extractive-budget';
import { isEcho } from '../../../server/pipeline/draft/extractive-kinds';
import { speakerRole } from '../../../server/pipeline/draft/extractive-lexicon';
import { answerStatement } from '../../../server/pipeline/draft/extractive-qa';
import { noteStyleSv } from '../../../server/pipeline/draft/extractive-style';
import { lastClause } from '../../../server/pipeline/draft/extractive-wh';
import { ExtractiveDrafter, withoutAnnotations } from '../../../server/pipeline/draft/extractive';

// The no-model draft in note form (#16, third session): telegraphic sentences, a question and its
// answer as one statement, talk left out. Every sentence here was written for these tests.

const workflows = loadSeedWorkflows();

async function draft(profession: string, turns: Array<[string, string]>) {
  const workflow = workflows.find((w) => w.profession === profession)!;
  const segments: TranscriptSegment[] = turns.map(([speaker, text], i) => ({ id: `s${i + 1}`, start: null, end: null, speaker, text }));
  const output = await new ExtractiveDrafter().draft({ workflow, segments });
  const sections = finalizeDraft({ workflow, segments, output });
  return Object.fromEntries(sections.filter((s) => s.sentences.length > 0).map((s) => [s.key, s.sentences]));
}
const texts = (sentences: Array<{ text: string }> | undefined) => (sentences ?? []).map((s) => s.text);

describe('telegraphic: the empty "det" and the copula before a value go', () => {
  it.each([
    ['Det kliar.', 'Kliar.'],
    ['Det gör ondare när hen går.', 'Gör ondare när hen går.'],
    ['Det låter som krupp.', 'Låter som krupp.'],
    ['Det här ser ut som en stukning.', 'Ser ut som en stukning.'],
    ['Det patienten beskriver låter som en sorgreaktion.', 'Låter som en sorgreaktion.'],
    ['Det är svullet och rött.', 'Svullet och rött.'],
    ['Det var i går vid lunch.', 'I går vid lunch.'],
    ['Blodtrycket i morse var hundrasextio över nittiofem.', 'Blodtrycket i morse 160/95 mmHg.'],
    ['Vikten är sjuttioåtta kilo.', 'Vikten 78 kg.'],
    // "det" as the object stays: the sentence would lose what it denies.
    ['Det tror patienten inte.', 'Det tror patienten inte.'],
    ['Det har anhörig inte tänkt på.', 'Det har anhörig inte tänkt på.'],
    ['Det är så att hen inte orkar.', 'Det är så att hen inte orkar.'],
    ['Det är 145/92.', 'Det är 145/92.'],
    ['Hon sa att pulsen var åttio.', 'Hon sa att pulsen var 80.'],
    ['Hej, patienten har ont i magen.', 'Ont i magen.'],
  ])('%s → %s', (said, written) => {
    expect(noteStyleSv(said)).toBe(written);
  });
});

describe('a question and its answer as one statement', () => {
  it("a relative's 'det tror jag inte' is a bare no (it was kept as 'Det tror anhörig inte', without what it denied)", () => {
    expect(answerStatement('Drar in mellan revbenen', 'nej, det tror anhörig inte.')).toBe('Ej drar in mellan revbenen.');
    expect(answerStatement('Hostar han på natten', 'nej, det gör han inte.')).toBe('Hostar han på natten: nej.');
  });

  it('alternatives after a clause are denied one by one, and the grounding checker reads both as denied', async () => {
    expect(answerStatement('Ont när hen kissar eller blod i urinen', 'nej, inget sånt.')).toBe('Ej ont när hen kissar, ej blod i urinen.');
    const out = await draft('telefonradgivning', [
      ['Sjuksköterska', 'Har du ont när du kissar, eller blod i urinen?'],
      ['Inringare', 'Nej, inget sånt.'],
    ]);
    const sentences = Object.values(out).flat();
    expect(sentences.map((s) => s.text)).toEqual(['Ej ont när hen kissar, ej blod i urinen.']);
    expect(sentences.flatMap((s) => s.flags).filter((f) => f.severity === 'critical')).toEqual([]);
  });

  it('an added alternative ("…, eller blod i urinen?") is no question of its own; "…, eller har du …?" is', () => {
    expect(lastClause('Har du ont när du kissar, eller blod i urinen?')).toBeNull();
    expect(lastClause('Kliar det på armen, eller har du fått utslag på magen?')).toBe('eller har du fått utslag på magen?');
    expect(lastClause('Hur är det med magen, har du fått avföring?')).toBe('har du fått avföring?');
  });

  it('a value with its unit and a time still takes the drug the question named', async () => {
    const out = await draft('psykolog-kurator', [
      ['Psykolog', 'Du tar fortfarande Sertralin som läkaren skrev ut?'],
      ['Patient', 'Ja, femtio milligram, varje morgon.'],
    ]);
    const all = Object.values(out).flat().map((s) => s.text).join(' ');
    expect(all).toMatch(/sertralin/i);
    expect(all).toContain('50 mg');
  });
});

describe('talk and non-speech left out, people and judgements recognised', () => {
  it("a clinician's instruction that trails off is left out, unless it holds a value", () => {
    expect(sentenceAct('Lyft vänster ben rakt upp...', 'clinician')).toBe('announcement');
    expect(sentenceAct('Följ mitt finger…', 'clinician')).toBe('announcement');
    expect(sentenceAct('Efter tre minuter...', 'clinician')).toBeNull();
    expect(sentenceAct('Det började i höstas...', 'other')).toBeNull();
  });

  it('a finding or judgement that trails off ("…" at a pause) is kept, not taken for an instruction', async () => {
    expect(sentenceAct('Trumhinnan är röd och buktar …', 'clinician')).toBeNull();
    expect(sentenceAct('Det ser ut som en öroninflammation …', 'clinician')).toBe('assessment');
    // An ordinary word ending like a number word ("Sväljton") is no value: the instruction still goes.
    expect(sentenceAct('Säg en lång sväljton …', 'clinician')).toBe('announcement');
    const out = await draft('lakare', [
      ['Läkare', 'Hej, vad kan jag hjälpa till med?'],
      ['Patient', 'Jag har haft ont i vänster öra i två dagar och feber.'],
      ['Läkare', 'Då tittar jag i örat.'],
      ['Läkare', 'Trumhinnan är röd och buktar …'],
      ['Läkare', 'Det ser ut som en öroninflammation …'],
    ]);
    const all = Object.values(out).flat().map((s) => s.text).join(' ');
    expect(all).toMatch(/trumhinnan/i);
    expect(all).toMatch(/öroninflammation/i);
  });

  it('a telephone opening that is only words of address is talk', () => {
    expect(sentenceAct('Sjukvårdsrådgivningen, hej.', 'clinician')).toBe('talk');
    expect(sentenceAct('Vårdcentralen, hej, du har ont i ryggen?', 'clinician')).toBeNull();
  });

  it('the clinician confirming what was said ("Nio dagar alltså.") is an echo', () => {
    expect(isEcho('Nio dagar alltså.', new Set(['nio', 'dagar', 'sedan']))).toBe(true);
    expect(isEcho('Nio dagar med feber.', new Set(['nio', 'dagar']))).toBe(false);
  });

  it("a transcriber's note in brackets is not speech", () => {
    expect(withoutAnnotations('Ont i magen. [brus] ...höger sida.')).toBe('Ont i magen.  höger sida.');
    expect(withoutAnnotations('Tog 2 [ohörbart] tabletter')).toBe('Tog 2  tabletter');
  });

  it('a telephone caller is the patient, a partner a relative', () => {
    expect(speakerRole('Inringare')).toBe('patient');
    expect(speakerRole('Uppringare')).toBe('patient');
    expect(speakerRole('Hustru')).toBe('relative');
    expect(speakerRole('Sambo')).toBe('relative');
  });

  it('a possible cause, and the answer to "Vad betyder det?", are the judgement', async () => {
    expect(sentenceAct('Det du beskriver kan vara en blindtarmsinflammation.', 'clinician')).toBe('assessment');
    expect(sentenceAct('Att det är ett riskbruk.', 'clinician')).toBe('assessment');
    expect(judgementItself('Det patienten beskriver kan vara en gallstensattack.')).toBe('Kan vara gallstensattack.');
    expect(judgementItself('Att det är ett riskbruk: det påverkar sömnen.')).toBe('Riskbruk: det påverkar sömnen.');
    const out = await draft('telefonradgivning', [
      ['Inringare', 'Hej, jag har ont i magen sedan i går.'],
      ['Sjuksköterska', 'Det du beskriver kan vara en gallstensattack. Jag vill att du åker till akuten nu.'],
    ]);
    expect(texts(out.bedomning)).toEqual(['Kan vara gallstensattack.']);
    expect(texts(out.aktuellt).join(' ')).not.toMatch(/(?<!\p{L})jag(?!\p{L})/iu);
  });

  it('"mår illa" is a symptom the length budget keeps', () => {
    expect(carries({ text: 'Mår illa.', act: false, cue: 0, keep: false, filed: 0 })).toBeGreaterThanOrEqual(3);
  });
});
