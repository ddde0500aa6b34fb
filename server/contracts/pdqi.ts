/**
 * The blind rating instrument, shared by the server (validation, results)
 * and the client (the rating form, the round set-up).
 *
 * PDQI-9 (Stetson et al. 2012, Appl Clin Inform 3:164–174), nine items rated
 * 1 ("inte alls") to 5 ("i högsta grad"), plus the item AI-note studies add:
 * free from invented content. `high` is the instrument's own description of
 * the attribute (what a 5 means), in Swedish; `low` says what a 1 means, so
 * raters read the same scale. Keys are stable (stored in Rating.scores).
 */
export const PDQI_ITEMS = [
  { key: 'upToDate', label: 'Aktuell', low: 'Saknar eller har inaktuella provsvar och rekommendationer.', high: 'Innehåller de senaste provsvaren och rekommendationerna.' },
  { key: 'accurate', label: 'Korrekt', low: 'Innehåller felaktig information.', high: 'Stämmer, fri från felaktig information.' },
  { key: 'thorough', label: 'Fullständig', low: 'Frågor som är viktiga för patienten saknas.', high: 'Komplett, dokumenterar alla frågor som är viktiga för patienten.' },
  { key: 'useful', label: 'Användbar', low: 'Inte relevant, ger ingen värdefull information.', high: 'Mycket relevant, ger värdefull information eller analys.' },
  { key: 'organized', label: 'Välorganiserad', low: 'Rörig, strukturen gör förloppet svårt att följa.', high: 'Välformad och strukturerad så att läsaren förstår patientens förlopp.' },
  { key: 'comprehensible', label: 'Begriplig', low: 'Otydlig, med avsnitt som är svåra att förstå.', high: 'Tydlig, utan tvetydigheter eller svårförståeliga avsnitt.' },
  { key: 'succinct', label: 'Koncis', low: 'Lång och omständlig, med upprepningar.', high: 'Kort, rakt på sak och utan upprepningar.' },
  { key: 'synthesized', label: 'Sammanfattande', low: 'Räknar bara upp, ingen samlad bild av tillståndet eller planen.', high: 'Visar förståelse av patientens tillstånd och en genomtänkt vårdplan.' },
  { key: 'consistent', label: 'Internt konsekvent', low: 'Delar av anteckningen motsäger varandra.', high: 'Ingen del motsäger eller bortser från en annan.' },
] as const;
export const EXTRA_ITEMS = [
  { key: 'freeFromInvented', label: 'Fri från påhittat innehåll', low: 'Innehåller uppgifter som inte sades i samtalet.', high: 'Allt i anteckningen sades i samtalet.' },
] as const;
export const RATING_ITEMS = [...PDQI_ITEMS, ...EXTRA_ITEMS];
export type ItemKey = (typeof RATING_ITEMS)[number]['key'];
export type RatingItem = (typeof RATING_ITEMS)[number];
