import { svCount } from '../../../contracts/sv-number';
import type { Extrapolation } from '../assumptions';
import type { KeyFactResult, LabelMove, RoundResult } from '../codesign';
import type { QualityPoint } from '../quality';
import { MIN_GROUP } from '../stats';
import type { SurveyGroup } from '../surveys';
import type { TimeGroup } from '../time-saved';
import type { ReportData } from './data';
import type { EventRow } from './events';

/**
 * The report's tables, built once and rendered twice (XLSX and Markdown), so
 * both formats always carry the same figures. Numbers stay numbers (rounded
 * to two decimals); units are in the headers; a suppressed figure is an empty
 * cell with the reason in the last column.
 */
export type Cell = number | string | null;
export interface Table {
  title: string;
  headers: string[];
  rows: Cell[][];
  /** a line under the table (rows left out, …) */
  note?: string;
}
/** A table too long to hold in memory (the event sheet): its rows arrive in batches; `widthRows` stand in for them when sizing columns. */
export interface StreamedTable {
  title: string;
  headers: string[];
  widthRows: Cell[][];
  batches: () => AsyncIterable<Cell[][]>;
}

export const r2 = (x: number | null | undefined): number | null => (x == null || !Number.isFinite(x) ? null : Math.round(x * 100) / 100);
const pct = (x: number | null | undefined) => (x == null ? null : r2(x * 100));
const SOURCE_SV = { measured: 'uppmätt i arbetsbänken', imported: 'importerad tidsstudie' } as const;

export const TIME_HEADERS = [
  'Jämförelse',
  'Kliniker med jämförelse (n)',
  'Varav mot importerad tidsstudie (n)',
  'Kliniker utan jämförelse (n)',
  'Anteckningar i jämförelsen (n)',
  'Anteckningar med AI (n)',
  'Baslinje (n)',
  'Baslinjekälla',
  'Aktiv tid AI, medel (min)',
  'Aktiv tid AI, median (min)',
  'Aktiv tid baslinje, medel (min)',
  'Aktiv tid baslinje, median (min)',
  'Tid sparad per anteckning, medel (min)',
  'Tid sparad, KI nedre (min)',
  'Tid sparad, KI övre (min)',
  'Total tid sparad per anteckning, medel (min)',
  'Total tid AI, median (min)',
  'Total tid baslinje, median (min)',
  'Kommentar',
];

const DESIGN_SV = { free: 'inom kliniker, fritt val', schedule: 'inom kliniker, enligt schema' } as const;

/** A group too small to show: no figures and no counts, as the report's own rule says. */
export const shownGroup = (g: TimeGroup) => !g.ai.active.suppressed || !g.saved.active.suppressed;

export function timeCells(g: TimeGroup): Cell[] {
  const s = g.saved.active;
  if (!shownGroup(g)) return [...TIME_HEADERS.slice(0, -1).map(() => null), g.ai.active.suppressed];
  const comment = [g.ai.active.suppressed ? `AI: ${g.ai.active.suppressed}` : null, !g.baseline.source ? 'ingen baslinje' : s.suppressed, g.overrides?.notes ? `${g.overrides.notes} av ${g.overrides.scheduled} anteckningar avvek från schemat` : null];
  return [
    DESIGN_SV[g.design],
    s.clinicians,
    s.importedClinicians,
    s.withoutComparison,
    s.notes,
    g.ai.active.suppressed ? null : g.ai.active.n,
    g.baseline.active.suppressed ? null : g.baseline.active.n,
    g.baseline.source ? SOURCE_SV[g.baseline.source] : null,
    r2(g.ai.active.mean),
    r2(g.ai.active.median),
    r2(g.baseline.active.mean),
    r2(g.baseline.active.median),
    r2(s.mean),
    r2(s.meanCi?.lower),
    r2(s.meanCi?.upper),
    r2(g.saved.total?.mean),
    r2(g.ai.total.median),
    r2(g.baseline.total?.median),
    comment.filter(Boolean).join('; ') || null,
  ];
}

/** Rows of the groups large enough to show; a last line says how many were left out. */
export function timeTable(title: string, dimension: string, groups: TimeGroup[]): Table {
  const shown = groups.filter(shownGroup);
  const left = groups.length - shown.length;
  return { title, headers: [dimension, ...TIME_HEADERS], rows: shown.map((g) => [g.label, ...timeCells(g)]), ...(left ? { note: `${svCount(left, 'grupp', 'grupper')} med färre än fem kliniker eller anteckningar visas inte.` } : {}) };
}

export const QUALITY_HEADERS = [
  'Kliniker (n)',
  'Anteckningar (n)',
  'Betyg (n)',
  'Betyg, medel (1–5)',
  'Betyg, KI nedre',
  'Betyg, KI övre',
  'Flaggor per 100 meningar',
  'Flaggor per 100 meningar, KI nedre',
  'Flaggor per 100 meningar, KI övre',
  'Kritiska flaggor per 100 meningar',
  'Flaggor åtgärdade (%)',
  'Flaggor avfärdade (%)',
  'Flaggor öppna (%)',
  'Redigerade tecken (%)',
  'Redigerade tecken, KI nedre (%)',
  'Redigerade tecken, KI övre (%)',
  'Taggen saknades (%)',
  'Taggen påhittat (%)',
  'Taggen fel talare (%)',
  'Taggen terminologi (%)',
  'Taggen stil (%)',
  'Kommentar',
];

export function qualityCells(p: QualityPoint): Cell[] {
  return [
    p.suppressed ? null : p.clinicians,
    p.suppressed ? null : p.n,
    p.suppressed ? null : p.ratingN,
    r2(p.ratingMean),
    r2(p.ci?.ratingMean?.lower),
    r2(p.ci?.ratingMean?.upper),
    r2(p.flagsPer100Sentences),
    r2(p.ci?.flagsPer100Sentences?.lower),
    r2(p.ci?.flagsPer100Sentences?.upper),
    r2(p.criticalFlagsPer100Sentences),
    pct(p.flagsFixedShare),
    pct(p.flagsDismissedShare),
    pct(p.flagsOpenShare),
    pct(p.editRatio),
    pct(p.ci?.editRatio?.lower),
    pct(p.ci?.editRatio?.upper),
    pct(p.tags?.missing),
    pct(p.tags?.invented),
    pct(p.tags?.speaker),
    pct(p.tags?.terminology),
    pct(p.tags?.style),
    p.suppressed,
  ];
}

export function summaryTable(report: ReportData): Table {
  const { data } = report;
  return {
    title: 'Sammanfattning per yrkesgrupp',
    headers: ['Yrkesgrupp', ...TIME_HEADERS.slice(0, -1), 'Betyg, medel (1–5)', 'Flaggor per 100 meningar', 'Redigerade tecken (%)', 'Timmar per år', 'Kronor per år', 'Rekommendation', 'Kommentar'],
    rows: report.professions.map((p) => {
      const g = data.time.byProfession.find((x) => x.professionId === p.id);
      const q = data.quality.byProfession.find((x) => x.professionId === p.id);
      const e = data.extrapolation.rows.find((x) => x.professionId === p.id);
      const time = g ? timeCells(g) : TIME_HEADERS.map(() => null);
      return [
        p.name,
        ...time.slice(0, -1),
        r2(q?.ratingMean),
        r2(q?.flagsPer100Sentences),
        pct(q?.editRatio),
        r2(e?.hoursPerYear?.estimate),
        r2(e?.kronorPerYear?.estimate),
        p.recommendation.recommendation,
        [time.at(-1), q?.suppressed ? `kvalitet: ${q.suppressed}` : null, e?.note].filter(Boolean).join('; ') || null,
      ];
    }),
  };
}

export function assumptionsTable(report: ReportData): Table {
  const rows = report.data.extrapolation.rows;
  return {
    title: 'Antaganden för uppräkning',
    headers: ['Yrkesgrupp', 'Anteckningar per år (st)', 'Andel lämpliga anteckningar (%)', 'Timkostnad inkl. sociala avgifter (kr)', 'Kliniker med jämförelse (n)', 'Anteckningar i jämförelsen (n)', 'Kliniker utan jämförelse (n)', 'Tid sparad per anteckning, medel (min)', 'Timmar per år', 'Timmar per år, KI nedre', 'Timmar per år, KI övre', 'Kronor per år', 'Kronor per år, KI nedre', 'Kronor per år, KI övre', 'Kommentar'],
    rows: rows.map((e: Extrapolation) => [
      e.professionName,
      e.assumption?.notesPerYear ?? null,
      pct(e.assumption?.suitableShare),
      e.assumption?.hourlyCostSek ?? null,
      e.savedMinutesPerNote === null ? null : e.clinicians,
      e.savedMinutesPerNote === null ? null : e.notes,
      e.withoutComparison,
      r2(e.savedMinutesPerNote),
      r2(e.hoursPerYear?.estimate),
      r2(e.hoursPerYear?.lower),
      r2(e.hoursPerYear?.upper),
      r2(e.kronorPerYear?.estimate),
      r2(e.kronorPerYear?.lower),
      r2(e.kronorPerYear?.upper),
      e.note,
    ]),
  };
}

export function roundsTable(rounds: RoundResult[]): Table {
  return {
    title: 'Bedömningsrundor (PDQI-9)',
    headers: ['Runda', 'Status', 'Bedömningar (n)', 'Bedömare (n)', 'Version', 'PDQI-9, medel per fråga (1–5)', 'Bedömda (n)', 'Föredragen (n)', 'Krippendorffs α', 'α, KI nedre', 'α, KI övre'],
    rows: rounds.flatMap((r) =>
      (r.versions.length ? r.versions : [null]).map((v) => [
        r.name,
        r.status === 'closed' ? 'stängd' : 'öppen',
        r.ratings,
        r.raters,
        v?.versionLabel ?? null,
        r2(v?.pdqiMean),
        v?.n ?? null,
        v?.preferred ?? null,
        r2(r.alpha.estimate),
        r2(r.alpha.lower),
        r2(r.alpha.upper),
      ]),
    ),
  };
}

export function movesTable(moves: LabelMove[]): Table {
  return {
    title: 'Etikettflyttar (befordringar och återställningar)',
    headers: ['Datum', 'Arbetssätt', 'Etikett', 'Från version', 'Till version', 'Spärr passerad', 'Åsidosatt', 'Motivering'],
    rows: moves.map((m) => [m.at.slice(0, 10), m.workflowName, m.label, m.fromVersionLabel, m.toVersionLabel, m.gatePassed === null ? null : m.gatePassed ? 'ja' : 'nej', m.override ? 'ja' : 'nej', m.reason]),
  };
}

export function keyFactsTable(rows: KeyFactResult[]): Table {
  return {
    title: 'Nyckelfakta i testbiblioteket (senaste körning per version)',
    headers: ['Version', 'Körd', 'Fall (n)', 'Täckning av nyckelfakta (%)'],
    rows: rows.map((k) => [k.versionLabel, k.finishedAt?.slice(0, 10) ?? null, k.cases, pct(k.recall)]),
  };
}

export function surveyTable(groups: SurveyGroup[]): Table {
  const items = [
    ['Utbrändhet (1–5)', (s: SurveyGroup['before']) => s.burnout],
    ['Mental belastning (0–100)', (s: SurveyGroup['before']) => s.load.mentalDemand],
    ['Tidspress (0–100)', (s: SurveyGroup['before']) => s.load.temporalDemand],
    ['Ansträngning (0–100)', (s: SurveyGroup['before']) => s.load.effort],
    ['Frustration (0–100)', (s: SurveyGroup['before']) => s.load.frustration],
  ] as const;
  return {
    title: 'Enkät före och efter',
    headers: ['Yrkesgrupp', 'Fråga', 'Före (n)', 'Före, medel', 'Före, KI nedre', 'Före, KI övre', 'Efter (n)', 'Efter, medel', 'Efter, KI nedre', 'Efter, KI övre', 'Kommentar'],
    rows: groups.flatMap((g) =>
      items.map(([label, pick]) => {
        const b = pick(g.before);
        const a = pick(g.after);
        const count = (n: number) => (n < MIN_GROUP ? null : n);
        return [g.professionName, label, count(b.n), r2(b.mean), r2(b.meanCi?.lower), r2(b.meanCi?.upper), count(a.n), r2(a.mean), r2(a.meanCi?.lower), r2(a.meanCi?.upper), b.suppressed ?? a.suppressed ?? null];
      }),
    ),
  };
}

const eventCells = (e: EventRow): Cell[] => [e.id, e.date, e.profession, e.careUnit, e.workflowVersion, e.noteType, e.mode, r2(e.activeMinutes), r2(e.totalMinutes), e.rating, e.sentences, e.flags, e.flagsFixed, e.flagsDismissed, e.editChars];

export function eventsTable(report: ReportData): StreamedTable {
  const { events } = report;
  return {
    title: 'Händelser (en rad per signerad anteckning, avidentifierad)',
    headers: ['Id (pseudonym)', 'Datum', 'Yrkesgrupp', 'Vårdenhet', 'Arbetssätt och version', 'Anteckningstyp', 'Läge', 'Aktiv tid (min)', 'Total tid (min)', 'Betyg (1–5)', 'Meningar (st)', 'Flaggor (st)', 'Åtgärdade flaggor (st)', 'Avfärdade flaggor (st)', 'Redigerade tecken (st)'],
    widthRows: events.extremes.map(eventCells),
    batches: async function* () {
      for await (const rows of events.batches()) yield rows.map(eventCells);
    },
  };
}
