/**
 * Light stemmers so inflected forms meet: Swedish "febern"/"feber",
 * "tabletterna"/"tablett"; English "vomiting"/"vomited". The Swedish one
 * follows the Snowball Swedish algorithm (R1 region, three steps) plus the
 * definite endings -et/-an that Snowball leaves ("blodtrycket", "smärtan"); the
 * English one strips a handful of suffixes and folds British spellings.
 * Both only need to be consistent, since notes and transcripts go through
 * the same function.
 */
import type { Language } from './types';

const SV_VOWELS = /[aeiouyäåö]/;

/** Snowball R1: after the first non-vowel that follows a vowel, at least position 3. */
function r1(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (!SV_VOWELS.test(word[i]!) && SV_VOWELS.test(word[i - 1]!)) return Math.max(3, i + 1);
  }
  return word.length;
}

const SV_STEP1 = [
  'heterna', 'hetens', 'anden', 'heten', 'heter', 'arnas', 'ernas', 'ornas', 'andes', 'arens', 'andet',
  'arna', 'erna', 'orna', 'ande', 'arne', 'aste', 'aren', 'ades', 'erns',
  'ade', 'are', 'ern', 'ens', 'het', 'ast', 'ets', 'ans',
  'ad', 'en', 'ar', 'er', 'or', 'as', 'es', 'at', 'et', 'an',
  'a', 'e',
];
const S_ENDING = /[bcdfghjklmnoprtvy]$/;
const SV_STEP2 = ['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt'];

/** Loanwords in -es/-is/-os/-us take definite endings on the whole word ("diabetesen", "artrosen"). */
const LOAN_DEFINITE = /^(.{3,}[aeiou]s)(?:en|ens|et|ets)$/;

export function stemSv(input: string): string {
  let word = input.toLowerCase();
  word = LOAN_DEFINITE.exec(word)?.[1] ?? word;
  const region = r1(word);
  const inR1 = (suffix: string) => word.endsWith(suffix) && word.length - suffix.length >= region;
  const s1 = SV_STEP1.find(inR1);
  if (s1) word = word.slice(0, -s1.length);
  else if (inR1('s') && S_ENDING.test(word.slice(0, -1))) word = word.slice(0, -1);
  if (SV_STEP2.some(inR1)) word = word.slice(0, -1);
  if (inR1('fullt')) word = word.slice(0, -1);
  else if (inR1('löst')) word = word.slice(0, -1);
  else {
    const s3 = ['lig', 'els', 'ig'].find(inR1);
    if (s3) word = word.slice(0, -s3.length);
  }
  return word;
}

export function stemEn(input: string): string {
  let w = input.toLowerCase().replace(/'s$/, '');
  // British → American so "diarrhoea"/"diarrhea", "haematuria"/"hematuria" meet.
  if (w.length > 5) w = w.replace(/ae/g, 'e').replace(/oe/g, 'e');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3 && /[aeiouy]/.test(w.slice(0, -suffix.length))) {
      let stem = w.slice(0, -suffix.length);
      if (/([^aeiouslz])\1$/.test(stem)) stem = stem.slice(0, -1);
      return stem;
    }
  }
  if (w.endsWith('ly') && w.length > 5) return w.slice(0, -2);
  if (/(?:ches|shes|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // "prescribe"/"prescribed", "increase"/"increased" meet at the e-less stem.
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

export const stem = (word: string, language: Language): string => (language === 'sv' ? stemSv(word) : stemEn(word));
