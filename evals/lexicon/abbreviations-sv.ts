/**
 * Abbreviations common in Swedish records, expanded to the words a
 * consultation would use, so "Återbesök VC tor" is compared with "på
 * vårdcentralen på torsdag". Lower case, without the full stop. Written for
 * this project from general Swedish clinical usage (cf. Socialstyrelsen's
 * advice on abbreviations in records).
 */
export const ABBREVIATIONS_SV: Readonly<Record<string, readonly string[]>> = {
  ua: ['utan', 'anmärkning', 'normal'], bt: ['blodtryck'], ssk: ['sjuksköterska'], usk: ['undersköterska'], vb: ['vid', 'behov'],
  enl: ['enligt'], pga: ['grund'], ang: ['angående'], tel: ['telefon'], vc: ['vårdcentral', 'vårdcentralen'], hc: ['hälsocentral'],
  tabl: ['tablett'], ggr: ['gånger'], mån: ['måndag'], tis: ['tisdag'], ons: ['onsdag'], tor: ['torsdag'], fre: ['fredag'],
  lör: ['lördag'], sön: ['söndag'], v: ['vecka'], dgr: ['dagar'], amb: ['ambulans'], akm: ['akutmottagning'],
  bvc: ['barnavårdscentral'], mvc: ['mödravårdscentral'], at: ['arbetsterapeut'], ft: ['fysioterapeut'], sjg: ['sjukgymnast'],
  ev: ['eventuellt'], ffa: ['främst'], inkl: ['inklusive'], resp: ['respektive'], pat: ['patient'], pt: ['patient'],
  m: ['med'], mm: ['med', 'mera'], hö: ['höger'], vä: ['vänster'], bilat: ['båda'], vätskeers: ['vätskeersättning'],
};
