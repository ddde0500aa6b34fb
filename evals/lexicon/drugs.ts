import { HEART_METABOLISM } from './drugs/heart-metabolism';
import { LUNGS_GUT_MIND } from './drugs/lungs-gut-mind';
import { OTHER_CLASSES } from './drugs/other';
import { PAIN_INFECTION } from './drugs/pain-infection';

/**
 * Drug names: each group is one substance (first entry) followed by brand
 * names sold in Sweden and common English/US names. Lower case. A drug in a
 * note is supported when any name of the same group occurs in the
 * transcript, so "Alvedon" in speech supports "paracetamol" in the note.
 * Written for this project from general pharmacological knowledge (FASS-style
 * brand ↔ substance pairs); not exhaustive — workflows add local names through
 * the vocabulary option. Analytes that are also substances (kalium, glukos,
 * magnesium) are left out: in notes they are test results, not drugs.
 */
export const DRUG_GROUPS: readonly (readonly string[])[] = [...PAIN_INFECTION, ...HEART_METABOLISM, ...LUNGS_GUT_MIND, ...OTHER_CLASSES];
