/**
 * The `english` WER normaliser: Whisper's EnglishTextNormalizer (rewritten in
 * TypeScript) as adapted by the Omi medical STT benchmark — "oh" stays a
 * word, a conversational word map runs last — followed by the benchmark's WER
 * tokenisation, which deletes whatever is not a letter, digit or space
 * ("2.5" → "25", "$20" → "20"). With all of it, the published PriMock57 WER
 * figures are reproduced exactly (see test/evals/wer-omi.test.ts).
 */
import { B_END, B_START, re } from './regex';
import { standardizeNumbers } from './numbers';
import { standardizeSpellings } from './spelling';
import { removeSymbolsAndDiacritics } from './symbols';

const FILLERS = re(`${B_START}(hmm|mm|mhm|mmm|uh|um)${B_END}`);

/** Applied in order, each to the whole text. */
const REPLACERS: readonly (readonly [RegExp, string])[] = ([
  // common contractions
  [`${B_START}won't${B_END}`, 'will not'], [`${B_START}can't${B_END}`, 'can not'], [`${B_START}let's${B_END}`, 'let us'],
  [`${B_START}ain't${B_END}`, 'aint'], [`${B_START}y'all${B_END}`, 'you all'], [`${B_START}wanna${B_END}`, 'want to'],
  [`${B_START}gotta${B_END}`, 'got to'], [`${B_START}gonna${B_END}`, 'going to'], [`${B_START}i'ma${B_END}`, 'i am going to'],
  [`${B_START}imma${B_END}`, 'i am going to'], [`${B_START}woulda${B_END}`, 'would have'],
  [`${B_START}coulda${B_END}`, 'could have'], [`${B_START}shoulda${B_END}`, 'should have'], [`${B_START}ma'am${B_END}`, 'madam'],
  // titles and prefixes
  ...([['mr', 'mister'], ['mrs', 'missus'], ['st', 'saint'], ['dr', 'doctor'], ['prof', 'professor'], ['capt', 'captain'],
    ['gov', 'governor'], ['ald', 'alderman'], ['gen', 'general'], ['sen', 'senator'], ['rep', 'representative'],
    ['pres', 'president'], ['rev', 'reverend'], ['hon', 'honorable'], ['asst', 'assistant'], ['assoc', 'associate'],
    ['lt', 'lieutenant'], ['col', 'colonel'], ['jr', 'junior'], ['sr', 'senior'], ['esq', 'esquire']] as const)
    .map(([abbr, word]): [string, string] => [`${B_START}${abbr}${B_END}`, `${word} `]),
  // perfect tenses ("'s done" is ambiguous and left alone)
  [`'d been${B_END}`, ' had been'], [`'s been${B_END}`, ' has been'], [`'d gone${B_END}`, ' had gone'],
  [`'s gone${B_END}`, ' has gone'], [`'d done${B_END}`, ' had done'], [`'s got${B_END}`, ' has got'],
  // general contractions
  [`n't${B_END}`, ' not'], [`'re${B_END}`, ' are'], [`'s${B_END}`, ' is'], [`'d${B_END}`, ' would'],
  [`'ll${B_END}`, ' will'], [`'t${B_END}`, ' not'], [`'ve${B_END}`, ' have'], [`'m${B_END}`, ' am'],
] as [string, string][]).map(([pattern, replacement]) => [re(pattern), replacement] as const);

/** Omi's post-normalisation map: spoken variants that are the same word. */
const CONVERSATIONAL = new Map([
  ['okay', 'ok'], ['k', 'ok'], ['mum', 'mom'], ['mummy', 'mommy'], ['ohh', 'oh'], ['ohhh', 'oh'], ['ahh', 'ah'],
  ['ahhh', 'ah'], ['yeah', 'yes'], ['yep', 'yes'], ['yea', 'yes'], ['yah', 'yes'], ['nope', 'no'], ['nah', 'no'],
  ['kinda', 'kind of'], ['sorta', 'sort of'], ['dunno', 'do not know'], ['gonna', 'going to'],
  ['wanna', 'want to'], ['gotta', 'got to'], ['goodbye', 'bye'], ['alright', 'all right'],
]);

export function normalizeEnglish(text: string): string {
  let s = text.toLowerCase()
    .replace(/[<[][^>\]]*[>\]]/g, '') // bracketed annotations
    .replace(/\(([^)]+?)\)/g, '') // parenthesised asides
    .replace(FILLERS, '')
    .replace(/\s+'/g, "'");
  for (const [pattern, replacement] of REPLACERS) s = s.replace(pattern, replacement);
  s = s
    .replace(/(\p{Nd}),(\p{Nd})/gu, '$1$2') // thousands separators
    .replace(/\.([^0-9]|$)/gu, ' $1'); // periods that do not start decimals
  s = removeSymbolsAndDiacritics(s, '.%$¢€£');
  s = standardizeSpellings(standardizeNumbers(s));
  s = s
    .replace(/[.$¢€£]([^0-9])/gu, ' $1') // symbols not attached to numbers
    .replace(/([^0-9])%/gu, '$1 ')
    .replace(/\s+/g, ' ');
  const mapped = s.split(' ').filter((w) => w.length > 0).map((w) => CONVERSATIONAL.get(w) ?? w).join(' ');
  // The benchmark's WER tokeniser: delete everything but letters, digits, "_" and spaces.
  return mapped.replace(/[^\p{L}\p{N}_\s]/gu, '').replace(/\s+/g, ' ').trim();
}
