import { num } from './format';
import { svInterval } from '../../../../server/contracts/sv-number';
import type { TimeGroup } from '../../../../server/contracts/api/followup';
import { timeVerdict, UNCERTAIN_TIME_SV } from '../../../../server/contracts/time-verdict';

/**
 * The answer first: per profession, the active editing time saved per note
 * with its 95 % interval and how many clinicians and notes it rests on, in one
 * Swedish sentence ("Läkare: 1,2 min sparad per anteckning [0,6 till 1,8], 12
 * kliniker, 480 anteckningar"). A suppressed group says why instead.
 */
export function answerSentence(g: TimeGroup): string {
  const s = g.saved.active;
  // counts below five are not shown either (the suppression rule); the clinicians are the unit
  if (s.mean === null) return `${g.professionName}: ingen skattning – ${s.suppressed ?? 'saknar jämförelse utan AI'}.`;
  const n = `${num(s.clinicians, 0)} kliniker, ${num(s.notes, 0)} anteckningar${s.withoutComparison ? `; ${num(s.withoutComparison, 0)} kliniker utan jämförelse` : ''}`;
  const interval = s.meanCi ? ` [${svInterval(s.meanCi, 1)}]` : '';
  // The report's rule: "sparad" only when the whole interval is above zero.
  const verdict = timeVerdict(s);
  if (verdict === 'osäker') return `${g.professionName}: ${UNCERTAIN_TIME_SV}, medel ${num(s.mean)} min per anteckning${interval}, ${n}.`;
  return `${g.professionName}: ${num(Math.abs(s.mean))} min ${verdict} per anteckning${interval}, ${n}.`;
}

export function AnswerSummary({ groups, from, to }: { groups: TimeGroup[]; from: string; to: string }) {
  return (
    <section className="panel followup-answer" aria-labelledby="answer-title">
      <h2 id="answer-title">Sparad tid per anteckning</h2>
      {groups.length === 0 ? (
        <p className="empty">Inga signerade anteckningar {from} – {to} ännu.</p>
      ) : (
        <ul className="answer-list">
          {groups.map((g) => (
            <li key={g.professionId ?? g.professionName}>{answerSentence(g)}</li>
          ))}
        </ul>
      )}
      <p className="muted">
        Aktiv redigeringstid, medel med 95 % konfidensintervall inom hakparentes. Period {from} – {to}.
      </p>
    </section>
  );
}
