/**
 * Latin and Swedish names of the same bone or structure, as they stand first
 * in injury compounds: a note's "skafoideumfraktur" is the consultation's
 * "båtbensfraktur", "klavikelfraktur" its "nyckelbensbrott". Written for this
 * project from general anatomical Swedish (Svensk MeSH entry terms; 1177
 * pages on fractures). Lower case; each entry is one structure.
 */
export const ANATOMY_SV: readonly (readonly string[])[] = [
  ['skafoideum', 'scaphoideum', 'båtben'],
  ['radius', 'strålben'],
  ['ulna', 'armbågsben'],
  ['humerus', 'överarmsben'],
  ['klavikel', 'clavicula', 'nyckelben'],
  ['kota', 'kot', 'ryggkota'],
  ['costa', 'revben'],
  ['femur', 'lårben'],
  ['collum', 'lårbenshals', 'höft'],
  ['tibia', 'skenben'],
  ['fibula', 'vadben'],
  ['patella', 'knäskål'],
  ['kalkaneus', 'calcaneus', 'hälben'],
  ['metatarsal', 'mellanfot'],
  ['metakarpal', 'mellanhand'],
  ['malleol', 'fotled', 'fotknöl'],
  ['akillessen', 'hälsena'],
  ['korsband', 'ligament'],
];

/** Swedish heads of injury words and their lay equivalents ("fraktur" = "brott", "ruptur" = "avslitning"). */
export const INJURY_HEAD_SYNONYMS: readonly (readonly string[])[] = [
  ['fraktur', 'brott', 'bruten', 'bröt', 'brutit', 'spricka'],
  ['ruptur', 'avslitning', 'avsliten', 'gått av', 'bristning'],
  ['skada', 'skadat', 'skadade'],
];
