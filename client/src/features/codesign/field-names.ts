/**
 * A server field path ("body.data.turns.3.text", "rad 2.keyFacts.0.text") in
 * the words of the test-case form ("Replik 4, text", "rad 2: Nyckelfakta 1, text"),
 * so a refusal points at a field the user can find.
 */
const FIELDS: Record<string, string> = {
  slug: 'Kortnamn',
  title: 'Titel',
  profession: 'Yrkesgrupp',
  setting: 'Miljö',
  tags: 'Taggar',
  language: 'Språk',
  turns: 'Replik',
  referenceNote: 'Referensanteckningens del',
  keyFacts: 'Nyckelfakta',
  inventedIdentifiers: 'Påhittad identifierare',
  audio: 'Ljud',
  speaker: 'talare',
  text: 'text',
  heading: 'rubrik',
  critical: 'kritisk',
  voice: 'röst',
  revision: 'Revision',
  jsonl: 'Filen',
  data: '',
};

export function fieldNameSv(path: string): string {
  const line = /^rad \d+/.exec(path)?.[0];
  const rest = (line ? path.slice(line.length) : path).replace(/^\.?(body\.)?(data\.)?/, '');
  const parts: string[] = [];
  for (const segment of rest.split('.').filter(Boolean)) {
    if (/^\d+$/.test(segment) && parts.length > 0) parts[parts.length - 1] += ` ${Number(segment) + 1}`;
    else parts.push(FIELDS[segment] ?? segment);
  }
  const name = parts.filter(Boolean).join(', ');
  return line ? (name ? `${line}: ${name}` : line) : name || 'Begäran';
}

/** "Halsont och feber i fyra dagar" → "halsont-och-feber-i-fyra-dagar": the short name files use, made from the title. */
export function slugFromTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
