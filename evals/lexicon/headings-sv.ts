/**
 * Swedish note headings (sökord): the seed workflows' headings of every profession
 * (prompts/workflows/*.json, läkare, VIPS for nurses, arbetsterapeut, fysioterapeut,
 * psykolog/kurator, telefonrådgivning) and their usual variants. A "Word(s):" opening a
 * line or sentence of a note is a section heading only when it is one of these; anything
 * else ("Feber: 38,5", "Röker: nej") is the topic of its sentence and is checked with it.
 * test/evals/grounding-topic-labels.test.ts fails when a seed heading is missing here.
 */
const WORDS = [
  'kontaktorsak', 'sökorsak', 'aktuellt', 'anamnes', 'omvårdnadsanamnes', 'status', 'omvårdnadsstatus',
  'undersökning', 'bedömning', 'analys', 'diagnos', 'diagnoser', 'omvårdnadsdiagnos', 'mål', 'åtgärd',
  'åtgärder', 'planering', 'plan', 'behandling', 'råd', 'omvårdnadsåtgärder', 'resultat', 'omvårdnadsepikris',
  'epikris', 'vitalparametrar',
];
const WORD_SET = new Set(WORDS);

/** "Bedömning", "Åtgärd/Planering", "Råd / Åtgärd": every part a known heading word. */
export function isNoteHeadingSv(name: string): boolean {
  const parts = name.toLowerCase().split('/').map((p) => p.trim());
  return parts.length > 0 && parts.every((p) => WORD_SET.has(p));
}
