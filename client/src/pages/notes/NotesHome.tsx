import { useNavigate } from 'react-router';
import { listEncounters } from '../../api/encounters';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useNotify } from '../../components/Notifier';
import { SurveyPanel } from '../../features/survey/SurveyPanel';
import { useResource } from '../../hooks/useResource';
import { EncounterList } from './EncounterList';
import { NewEncounterForm } from './NewEncounterForm';

/** The clinician's home: start a new encounter or continue one, and answer the trial's surveys. */
export function NotesHome() {
  const encounters = useResource(listEncounters, []);
  const navigate = useNavigate();
  const notify = useNotify();
  return (
    <>
      <h1>Mina anteckningar</h1>
      <div className="columns">
        <div>
          <NewEncounterForm
            onCreated={(encounter) => {
              notify('Besöket är skapat.');
              navigate(`/anteckningar/${encodeURIComponent(encounter.id)}`);
            }}
          />
          <SurveyPanel />
        </div>
        <section className="panel" aria-labelledby="encounters-title">
          <h2 id="encounters-title">Mina besök</h2>
          {encounters.loading && !encounters.data && <Loading />}
          <ErrorMessage error={encounters.error} />
          {encounters.data && <EncounterList encounters={encounters.data.encounters} />}
        </section>
      </div>
    </>
  );
}
