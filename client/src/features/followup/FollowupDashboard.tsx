import { useState } from 'react';
import { DemoPilotBanner } from '../demo/DemoPilotBanner';
import { AnswerSummary } from './AnswerSummary';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { useMe } from '../../session/SessionContext';
import { getDashboard, type FilterState } from './api';
import { BaselineImport } from './BaselineImport';
import { DrillDown } from './DrillDown';
import { ExportButtons } from './ExportButtons';
import { ExtrapolationSection } from './ExtrapolationSection';
import { Filters } from './Filters';
import { PrecisionCalculator } from './PrecisionCalculator';
import { QualitySection } from './QualitySection';
import { ReadinessSection } from '../training/ReadinessSection';
import { ScheduleSection } from './ScheduleSection';
import { SurveySection } from './SurveySection';
import { TimeChart } from './TimeChart';
import { TimeTable } from './TimeTable';
import type { TimeGroup } from '../../../../server/contracts/api/followup';
import './followup.css';

const DEFINITION_LABELS: Record<string, string> = {
  activeTime: 'Aktiv redigeringstid',
  totalTime: 'Total tid',
  timeSaved: 'Tid sparad',
  interval: 'Osäkerhet',
  suppression: 'Små grupper',
};

/** The lead's follow-up: time saved, extrapolation, quality, surveys, baseline import and reports, for one set of filters. */
export function FollowupDashboard() {
  const me = useMe();
  const isLead = me.roles.includes('lead');
  const [filters, setFilters] = useState<FilterState>({ profession: '', unit: '', version: '', from: '', to: '', groupBy: 'profession' });
  const [drill, setDrill] = useState<{ group: TimeGroup; mode: 'ai' | 'baseline' } | null>(null);
  const dashboard = useResource(() => getDashboard(filters), [filters]);
  const data = dashboard.data;
  const change = (next: FilterState) => {
    setDrill(null);
    setFilters(next);
  };
  return (
    <>
      <h1>Uppföljning</h1>
      <p className="lead-text">Hur mycket tid AI-stödet sparar och hur bra anteckningarna blir, per yrkesgrupp. Inga texter eller namn visas.</p>
      <DemoPilotBanner />
      {data && <AnswerSummary groups={data.time.byProfession} from={data.filters.from} to={data.filters.to} />}
      <Filters value={filters} options={data?.options} onChange={change} />
      <ErrorMessage error={dashboard.error} />
      {dashboard.loading && <Loading what="Räknar" />}
      {data && !data.factsComplete && (
        <p className="notice" role="status">
          Äldre anteckningar läses fortfarande in i uppföljningen. Siffrorna kan ändras när det är klart.
        </p>
      )}
      {data && (
        <>
          <section className="panel" aria-labelledby="time-title">
            <h2 id="time-title">Tid per anteckning med och utan AI-stöd</h2>
            <TimeChart groups={data.time.groups} />
            <details className="followup-figures">
              <summary>Siffrorna i tabellform</summary>
              <TimeTable groups={data.time.groups} onDrill={(group, mode) => setDrill({ group, mode })} />
            </details>
            <details className="followup-method">
              <summary>Så mäts och räknas tiden</summary>
              <p className="muted followup-explanation">{data.time.explanation}</p>
              <dl className="followup-definitions">
                {Object.entries(data.definitions).map(([key, text]) => (
                  <div key={key}>
                    <dt>{DEFINITION_LABELS[key] ?? key}</dt>
                    <dd>{text}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </section>
          {drill && <DrillDown filters={filters} group={drill.group} mode={drill.mode} onClose={() => setDrill(null)} />}
          <PrecisionCalculator plans={data.time.precision} />
          <ScheduleSection options={data.options} canEdit={isLead} />
          <QualitySection quality={data.quality} />
          <SurveySection surveys={data.surveys} />
          <ReadinessSection canEdit={isLead} />
          <ExtrapolationSection data={data} canEdit={isLead} onSaved={dashboard.reload} />
          <ExportButtons from={data.filters.from} to={data.filters.to} />
          <BaselineImport baseline={data.baseline} canEdit={isLead} onImported={dashboard.reload} />
        </>
      )}
    </>
  );
}
