import { ERROR_KINDS, ERROR_KIND_SV } from '../../../../server/contracts/training';

export const KIND_OPTIONS = ERROR_KINDS.map((k) => ({ value: k, label: ERROR_KIND_SV[k] }));
export { ERROR_KIND_SV };

/** The grounding checker's flag kinds, in the review screen's words. */
export const FLAG_KIND_SV: Record<string, string> = {
  number: 'Siffra som inte sades',
  drug: 'Läkemedel som inte nämndes',
  negation: 'Motsäger samtalet (nekande)',
  diagnosis: 'Diagnos som inte sades',
  plan: 'Plan som inte diskuterades',
};
