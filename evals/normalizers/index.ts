/**
 * Text normalisers applied to reference and hypothesis before WER/CER.
 * A normaliser maps text to normalised text whose words are separated by
 * whitespace.
 */
import { z } from 'zod';
import { normalizeEnglish } from './english';
import { normalizeSwedish } from './swedish';

export const NORMALIZER_NAMES = ['english', 'swedish', 'none'] as const;
export const NormalizerNameSchema = z.enum(NORMALIZER_NAMES);
export type NormalizerName = z.infer<typeof NormalizerNameSchema>;

export type Normalizer = (text: string) => string;

const NORMALIZERS: Record<NormalizerName, Normalizer> = {
  english: normalizeEnglish,
  swedish: normalizeSwedish,
  // Identity: words are whatever whitespace separates.
  none: (text) => text,
};

export function getNormalizer(name: NormalizerName): Normalizer {
  return NORMALIZERS[name];
}
