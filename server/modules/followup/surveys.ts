// The phases and the answers' shape are the API contract's: one schema for the route's body, the client's form and the rows read back here.
import { AnswersSchema, LOAD_ITEMS, PhaseSchema, type Answers, type LoadItem, type Phase } from '../../contracts/api/surveys';
import type { AppDeps } from '../../deps';
import type { Labels } from './labels';
import { MIN_GROUP, meanSummary, type BootstrapBudget, type Summary } from './stats';

/**
 * Short clinician surveys before and after a trial period: the Mini-Z single
 * burnout item (1–5, standard wording in Swedish) and four NASA-TLX-style
 * load items (0–100). One answer per user and phase; a new answer replaces
 * the old. Aggregates are per profession and never shown for fewer than five
 * respondents.
 */
const FEW_ANSWERS = 'för få svar (< 5)';

export const SURVEY_QUESTIONS_SV = {
  burnout: {
    text: 'Med din egen definition av utbrändhet, vilket av följande påståenden stämmer bäst in på dig?',
    options: [
      { value: 1, text: 'Jag trivs med mitt arbete. Jag har inga symtom på utbrändhet.' },
      { value: 2, text: 'Ibland är jag stressad och har inte alltid lika mycket energi som förut, men jag känner mig inte utbränd.' },
      { value: 3, text: 'Jag håller definitivt på att bli utbränd och har ett eller flera symtom på utbrändhet, till exempel fysisk och känslomässig utmattning.' },
      { value: 4, text: 'Symtomen på utbrändhet som jag har går inte över. Jag tänker mycket på frustrationer i arbetet.' },
      { value: 5, text: 'Jag känner mig helt utbränd och undrar ofta om jag kan fortsätta. Jag är vid en punkt där jag kan behöva förändring eller söka hjälp.' },
    ],
  },
  mentalDemand: { text: 'Hur mentalt krävande var dokumentationen?', low: 'Mycket lite', high: 'Väldigt mycket' },
  temporalDemand: { text: 'Hur tidspressad kände du dig när du dokumenterade?', low: 'Mycket lite', high: 'Väldigt mycket' },
  effort: { text: 'Hur hårt behövde du anstränga dig för att bli klar med dokumentationen?', low: 'Mycket lite', high: 'Väldigt mycket' },
  frustration: { text: 'Hur osäker, irriterad, stressad eller frustrerad kände du dig?', low: 'Mycket lite', high: 'Väldigt mycket' },
} as const;

export async function saveSurvey(deps: AppDeps, userId: string, phase: Phase, answers: Answers) {
  const db = deps.db.prisma;
  return db.$transaction(async (tx) => {
    await tx.surveyResponse.deleteMany({ where: { userId, phase } });
    return tx.surveyResponse.create({ data: { userId, phase, answers } });
  });
}

export interface SurveyPhaseSummary {
  respondents: number;
  burnout: Summary;
  /** share answering 3 or more: the Mini-Z cut-off for burnout */
  burnoutShare: number | null;
  load: Record<LoadItem, Summary>;
}

export interface SurveyGroup {
  professionId: string | null;
  professionName: string;
  before: SurveyPhaseSummary;
  after: SurveyPhaseSummary;
}

export async function surveySummary(deps: AppDeps, labels: Labels, professionId: string | null, budget: BootstrapBudget): Promise<SurveyGroup[]> {
  const rows = await deps.db.prisma.surveyResponse.findMany({ select: { userId: true, phase: true, answers: true, createdAt: true } });
  const users = await deps.db.prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.userId))] } }, select: { id: true, professionId: true } });
  const professionOf = new Map(users.map((u) => [u.id, u.professionId]));
  const byGroup = new Map<string, { before: Answers[]; after: Answers[] }>();
  for (const r of rows) {
    const p = professionOf.get(r.userId) ?? null;
    if (professionId && p !== professionId) continue;
    const answers = AnswersSchema.safeParse(r.answers);
    const phase = PhaseSchema.safeParse(r.phase);
    if (!answers.success || !phase.success) continue;
    const key = p ?? '';
    const g = byGroup.get(key) ?? { before: [], after: [] };
    g[phase.data].push(answers.data);
    byGroup.set(key, g);
  }
  return [...byGroup.entries()].map(([p, g]) => ({
    professionId: p || null,
    professionName: p ? (labels.professions.get(p)?.name ?? 'Okänd yrkesgrupp') : 'Ingen yrkesgrupp',
    before: phaseSummary(g.before, budget),
    after: phaseSummary(g.after, budget),
  }));
}

function phaseSummary(answers: Answers[], budget: BootstrapBudget): SurveyPhaseSummary {
  const enough = answers.length >= MIN_GROUP;
  const load = Object.fromEntries(LOAD_ITEMS.map((item) => [item, meanSummary(answers.map((a) => a[item]), budget, budget.seed, FEW_ANSWERS)])) as SurveyPhaseSummary['load'];
  return {
    respondents: answers.length,
    burnout: meanSummary(answers.map((a) => a.burnout), budget, budget.seed, FEW_ANSWERS),
    burnoutShare: enough ? answers.filter((a) => a.burnout >= 3).length / answers.length : null,
    load,
  };
}
