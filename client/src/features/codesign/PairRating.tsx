import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSubmit } from '../../hooks/useSubmit';
import { submitRating } from './api';
import type { Queue, RatingItem } from './schemas';
import { ScoreScale } from './ScoreScale';

type Pair = Queue['pairs'][number];

function Output({ title, sections }: { title: string; sections: Pair['a'] }) {
  return (
    <div>
      <h3>{title}</h3>
      {sections.map((s, i) => (
        <p key={i}>
          <strong>{s.heading}:</strong> {s.text || '–'}
        </p>
      ))}
    </div>
  );
}

/** One blind pair: the consultation, outputs A and B side by side, ten items each, a preference and a comment. */
export function PairRating({ roundId, pair, items, onSaved }: { roundId: string; pair: Pair; items: RatingItem[]; onSaved(): void }) {
  const [a, setA] = useState<Record<string, number>>({});
  const [b, setB] = useState<Record<string, number>>({});
  const [preference, setPreference] = useState('');
  const [comment, setComment] = useState('');
  const save = useSubmit(submitRating);
  const complete = items.every((i) => a[i.key] && b[i.key]) && preference !== '';
  const onSave = async () => {
    if ((await save.run(roundId, { pairKey: pair.pairKey, scores: { a, b }, preference, comment: comment.trim() || undefined })).ok) onSaved();
  };
  return (
    <section className="panel" aria-labelledby={`pair-${pair.pairKey}`}>
      <h2 id={`pair-${pair.pairKey}`}>
        Par {pair.position}: {pair.case?.title}
      </h2>
      <details>
        <summary>Samtalet</summary>
        {pair.case?.turns.map((t, i) => (
          <p key={i}>
            <strong>{t.speaker}:</strong> {t.text}
          </p>
        ))}
      </details>
      <div className="pair">
        <Output title="A" sections={pair.a} />
        <Output title="B" sections={pair.b} />
      </div>
      <div className="pair">
        <div>
          {items.map((item) => (
            <ScoreScale key={item.key} name={`a-${item.key}`} legend={`A: ${item.label}`} value={a[item.key]} onChange={(v) => setA({ ...a, [item.key]: v })} />
          ))}
        </div>
        <div>
          {items.map((item) => (
            <ScoreScale key={item.key} name={`b-${item.key}`} legend={`B: ${item.label}`} value={b[item.key]} onChange={(v) => setB({ ...b, [item.key]: v })} />
          ))}
        </div>
      </div>
      <fieldset className="field">
        <legend>Vilken föredrar du?</legend>
        <div className="scale">
          {[
            ['A', 'A'],
            ['B', 'B'],
            ['equal', 'Lika bra'],
          ].map(([value, label]) => (
            <label key={value}>
              <input type="radio" name="preference" value={value} checked={preference === value} onChange={() => setPreference(value!)} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`comment-${pair.pairKey}`}>Kommentar (valfri)</label>
        <textarea id={`comment-${pair.pairKey}`} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <ErrorMessage error={save.error} />
      <button type="button" disabled={!complete || save.busy} onClick={() => void onSave()}>
        Spara och nästa
      </button>
    </section>
  );
}
