import { useState, type FormEvent } from 'react';
import './survey.css';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useNotify } from '../../components/Notifier';
import { formatDate } from '../../format/dates';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { LOAD_ITEMS, PHASES, getMyResponses, getQuestions, saveResponse, type Answers, type LoadItem, type Phase, type Questions, type SurveyResponse } from './api';

const PHASE_SV: Record<Phase, { title: string; when: string }> = {
  before: { title: 'Före försöket', when: 'innan du börjar dokumentera med AI-stöd' },
  after: { title: 'Efter försöket', when: 'när försöksperioden är slut' },
};

/**
 * The clinician's two short surveys (Mini-Z burnout item and four
 * NASA-TLX-style load items), before and after the trial period. Answers
 * only ever leave the workbench as per-profession aggregates of five or more.
 */
export function SurveyPanel() {
  const questions = useResource(getQuestions, []);
  const mine = useResource(getMyResponses, []);
  const [open, setOpen] = useState<Phase | null>(null);
  const notify = useNotify();
  const answered = new Map((mine.data?.responses ?? []).map((r) => [r.phase, r]));
  return (
    <section className="panel" aria-labelledby="survey-title">
      <h2 id="survey-title">Enkät om dokumentationen</h2>
      <p className="muted">
        Två korta enkäter om arbetsbelastning: en innan du börjar pröva AI-stödet och en efter försöksperioden. Svaren visas bara
        sammanställda per yrkesgrupp och aldrig för färre än fem personer.
      </p>
      {(questions.loading || mine.loading) && !(questions.data && mine.data) && <Loading />}
      <ErrorMessage error={questions.error ?? mine.error} />
      {questions.data && mine.data && (
        <Phases
          questions={questions.data.questions}
          answered={answered}
          open={open}
          setOpen={setOpen}
          onSaved={() => {
            setOpen(null);
            notify('Tack! Dina svar är sparade.');
            mine.reload();
          }}
        />
      )}
    </section>
  );
}

interface PhasesProps {
  questions: Questions;
  answered: Map<Phase, SurveyResponse>;
  open: Phase | null;
  setOpen(phase: Phase | null): void;
  onSaved(): void;
}

function Phases({ questions, answered, open, setOpen, onSaved }: PhasesProps) {
  return (
    <ul className="survey-phases">
      {PHASES.map((phase) => {
        const response = answered.get(phase);
        const title = PHASE_SV[phase].title.toLowerCase();
        return (
          <li key={phase}>
            <strong>{PHASE_SV[phase].title}</strong> ({PHASE_SV[phase].when}): {response ? `besvarad ${formatDate(response.createdAt)}` : 'inte besvarad'}{' '}
            {open === phase ? (
              <SurveyForm phase={phase} questions={questions} previous={response} onCancel={() => setOpen(null)} onSaved={onSaved} />
            ) : (
              <button type="button" className="secondary" onClick={() => setOpen(phase)}>
                {response ? `Ändra svar: ${title}` : `Svara: ${title}`}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

type Draft = { burnout: number | null } & Record<LoadItem, number | null>;

function SurveyForm({ phase, questions, previous, onCancel, onSaved }: { phase: Phase; questions: Questions; previous: SurveyResponse | undefined; onCancel(): void; onSaved(): void }) {
  // No slider starts in the middle: an untouched item would be an answer nobody gave.
  const [draft, setDraft] = useState<Draft>(previous ? { ...previous.answers } : { burnout: null, mentalDemand: null, temporalDemand: null, effort: null, frustration: null });
  const [missing, setMissing] = useState<string[]>([]);
  const submit = useSubmit(saveResponse);
  const title = PHASE_SV[phase].title;
  const setItem = (item: LoadItem, value: number) => setDraft({ ...draft, [item]: value });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const unanswered = (['burnout', ...LOAD_ITEMS] as const).filter((item) => draft[item] === null).map((item) => questions[item].text);
    setMissing(unanswered);
    if (unanswered.length > 0) return;
    const outcome = await submit.run(phase, draft as Answers);
    if (outcome.ok) onSaved();
  };

  return (
    <form className="survey-form" aria-label={`Enkät: ${title.toLowerCase()}`} onSubmit={(e) => void onSubmit(e)} noValidate>
      <fieldset className="field">
        <legend>{questions.burnout.text}</legend>
        {questions.burnout.options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="radio" name={`burnout-${phase}`} value={o.value} checked={draft.burnout === o.value} onChange={() => setDraft({ ...draft, burnout: o.value })} />
            {o.text}
          </label>
        ))}
      </fieldset>
      {LOAD_ITEMS.map((item) => {
        const q = questions[item];
        const value = draft[item];
        return (
          <div key={item} className="field">
            <label htmlFor={`${phase}-${item}`}>{q.text}</label>
            <p className="survey-value">
              Ditt svar: <output htmlFor={`${phase}-${item}`}>{value === null ? 'inte besvarad' : value}</output>
            </p>
            <div className="survey-scale">
              <span className="muted">{q.low} (0)</span>
              <input
                id={`${phase}-${item}`}
                type="range"
                min={0}
                max={100}
                step={5}
                value={value ?? 50}
                data-unset={value === null ? 'true' : undefined}
                aria-valuetext={value === null ? 'inte besvarad' : String(value)}
                onChange={(e) => setItem(item, Number(e.target.value))}
                // A click on the middle of an unanswered scale changes nothing, so onChange never fires; the click is the answer.
                onPointerUp={(e) => value === null && setItem(item, Number(e.currentTarget.value))}
              />
              <span className="muted">{q.high} (100)</span>
            </div>
          </div>
        );
      })}
      {missing.length > 0 && (
        <div className="error-box" role="alert">
          <p className="error-title">Svara på alla frågor innan du sparar. Obesvarade:</p>
          <ul>
            {missing.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorMessage error={submit.error} />
      <div className="actions">
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? 'Sparar …' : 'Spara svaren'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
