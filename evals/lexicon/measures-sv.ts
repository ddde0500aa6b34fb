/**
 * Named measurements whose value is written after their name ("SR 58", "CRP 34", "AHI 4", "PCL-5:
 * 51 p"): laboratory analyses, lung function, sleep studies and the rating scales each profession
 * uses. A number bound to one of these names is a claim about *that* measurement, so "SR 34, CRP
 * 58" contradicts "SR femtioåtta, CRP trettiofyra" although both values were said.
 *
 * Each entry is one measurement: its id and the names it is written or said by, lower case, as the
 * tokenizer sees them (a hyphenated name such as "PCL-5" is the token "pcl"; a name
 * of ≥ 6 letters also matches as the first part of a compound: "epworth-skalan", "Epworthskalan").
 *
 * Sources: analysis names as Swedish laboratories list them (Socialstyrelsens termbank, NPU codes'
 * Swedish short names, 1177 "Provtagning"); lung function and sleep study measures (Svensk
 * Lungmedicinsk Förening, Svensk förening för sömnforskning och sömnmedicin); rating scales as
 * named in Socialstyrelsens Nationella riktlinjer and Kunskapsguiden (depression och ångest,
 * spelproblem, PTSD, sömn, alkohol), and in Swedish physiotherapy and occupational therapy
 * measurement guides (Fysioterapeuterna: Mätmetoder; Sveriges Arbetsterapeuter). Written for this
 * project; no case text.
 */
export const MEASURES_SV: Readonly<Record<string, readonly string[]>> = {
  // Blood and urine analyses (HbA1c, PK/INR and glucose are typed quantities of their own).
  hb: ['hb', 'hemoglobin', 'blodvärde', 'blodvärdet'],
  sr: ['sr'],
  crp: ['crp'],
  lpk: ['lpk', 'leukocyter'],
  tpk: ['tpk', 'trombocyter'],
  kreatinin: ['krea', 'kreatinin'],
  egfr: ['egfr'],
  urat: ['urat', 'urinsyra'],
  kalium: ['kalium'],
  natrium: ['natrium'],
  alat: ['alat'],
  asat: ['asat'],
  alp: ['alp'],
  bilirubin: ['bilirubin'],
  albumin: ['albumin'],
  tsh: ['tsh'],
  t4: ['t4'],
  troponin: ['troponin', 'tnt', 'tni'],
  ntprobnp: ['bnp', 'probnp'],
  ddimer: ['dimer'],
  ferritin: ['ferritin'],
  b12: ['b12', 'kobalamin'],
  ldl: ['ldl'],
  kolesterol: ['kolesterol'],
  psa: ['psa'],
  laktat: ['laktat'],
  pco2: ['pco2', 'koldioxid'],
  po2: ['po2'],
  ph: ['ph'],
  // Lung function and sleep studies.
  pef: ['pef'],
  fev1: ['fev1'],
  fvc: ['fvc'],
  ahi: ['ahi'],
  odi: ['odi'],
  ess: ['ess', 'epworth'],
  // Rating scales (self-rated and clinician-rated).
  pcl5: ['pcl'],
  shai: ['shai'],
  pgsi: ['pgsi'],
  pdss: ['pdss'],
  audit: ['audit'],
  dudit: ['dudit'],
  madrs: ['madrs'],
  phq9: ['phq'],
  gad7: ['gad'],
  isi: ['isi'],
  mmse: ['mmse'],
  moca: ['moca'],
  tug: ['tug'],
  berg: ['bbs'],
  koos: ['koos'],
  dash: ['quickdash'],
  copm: ['copm'],
  sud: ['sud', 'suds'],
  // What a value is to be compared with: a target or a cut-off is a quantity of its own.
  målvärde: ['målvärde', 'målvärdet', 'målvärden'],
  gräns: ['gräns', 'gränsen', 'gränsvärde', 'gränsvärdet', 'brytpunkt', 'brytpunkten'],
};
