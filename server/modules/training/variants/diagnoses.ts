import { DIAGNOSIS_GROUPS } from '../../../../evals/lexicon/diagnoses';
import type { ProfessionCode } from '../../../contracts/workflow';
import type { Candidate, Rule } from './types';
import { stems } from './types';

/**
 * Inserted diagnoses: a sentence "Misstänkt <diagnos>." or "Bedöms som
 * <diagnos>." added to the assessment heading, with a diagnosis from the
 * lexicon that nobody said, chosen among those a reader of that profession
 * could find believable. Nothing was said, so `said` explains that.
 */
const PLAUSIBLE: Record<ProfessionCode, string[]> = {
  lakare: ['pneumoni', 'förmaksflimmer', 'hypertoni', 'diabetes', 'pyelonefrit', 'angina pectoris'],
  sjukskoterska: ['urinvägsinfektion', 'hjärtsvikt', 'anemi', 'demens', 'diabetes'],
  fysioterapeut: ['diskbråck', 'artros', 'ischias', 'fibromyalgi', 'tendinit'],
  arbetsterapeut: ['demens', 'karpaltunnelsyndrom', 'artros', 'stroke', 'depression'],
  'psykolog-kurator': ['depression', 'paniksyndrom', 'utmattningssyndrom', 'ptsd', 'bipolär sjukdom'],
  telefonradgivning: ['pneumoni', 'urinvägsinfektion', 'sepsis', 'gastroenterit', 'otit'],
  'english-benchmark': [],
};
const ASSESSMENT = /bedömning|analys|omvårdnadsdiagnos|diagnos/i;
const PHRASES = ['Misstänkt {d}.', 'Bedöms som {d}.'];

export const diagnosisInserts: Rule = ({ data, free }) => {
  const said = stems(data.turns.map((t) => t.text).join(' ') + ' ' + data.draft.map((d) => d.text).join(' '));
  const unsaid = PLAUSIBLE[data.profession].filter((d) => {
    const group = DIAGNOSIS_GROUPS.find((g) => g[0] === d) ?? [d];
    return group.every((name) => ![...stems(name)].every((w) => said.has(w)));
  });
  const index = data.draft.findIndex((d) => ASSESSMENT.test(d.heading));
  const s = index >= 0 ? index : Math.max(0, data.draft.length - 2);
  const text = data.draft[s]!.text;
  if (!free(s, text.length, text.length)) return [];
  return unsaid.slice(0, 2).map((d, i): Candidate => {
    const sentence = PHRASES[i % PHRASES.length]!.replace('{d}', d);
    return {
      key: `diagnosis-${s}-${d}`, rule: 'diagnosis-insert', kind: 'diagnosis', section: s, start: text.length, end: text.length,
      original: '', replacement: text.trim() === '' ? sentence : ` ${sentence}`, said: `Ingen ställde diagnosen ${d} under samtalet.`, turn: null,
    };
  });
};
