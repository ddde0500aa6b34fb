import { useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSubmit } from '../../hooks/useSubmit';
import { submitRating } from './api';
import type { Queue, RatingItem } from '../../../../server/contracts/api/ratings';
import { ScoreScale } from './ScoreScale';

type Pair = Queue['pairs'][number];
type Side = 'a' | 'b';
interface Slot {
  side: Side;
  key: string;
}

function Output({ title, sections }: { title: string; sections: Pair['a'] }) {
  return (
    <div className="rating-output">
      <h3>{title}</h3>
      {sections.map((s, i) => (
        <p key={i}>
          <strong>{s.heading}:</strong> {s.text || '–'}
        </p>
      ))}
    </div>
  );
}

const PREFERENCE_KEYS: Record<string, string> = { a: 'A', b: 'B', l: 'equal' };
const typing = (target: EventTarget) => target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type === 'text');

/**
 * One blind pair: the consultation, notes A and B side by side, then each
 * item of the round's form once with what 1 and 5 mean and A's and B's
 * scale next to each other, then the preference and a comment. Keyboard:
 * the digits 1–5 fill the marked scale and move on (A then B, item by
 * item); A, B or L picks the preferred note; the save button gets focus
 * when all is filled, so Enter saves.
 */
export function PairRating({ roundId, pair, items, onSaved }: { roundId: string; pair: Pair; items: RatingItem[]; onSaved(): void }) {
  const [scores, setScores] = useState<Record<Side, Record<string, number>>>({ a: {}, b: {} });
  const [preference, setPreference] = useState('');
  const [comment, setComment] = useState('');
  const [active, setActive] = useState(0);
  /** After the preference, the save button takes focus once it is enabled, so Enter saves. */
  const [saveNext, setSaveNext] = useState(false);
  const save = useSubmit(submitRating);
  const root = useRef<HTMLElement>(null);
  const slots: Slot[] = items.flatMap((i) => [{ side: 'a' as const, key: i.key }, { side: 'b' as const, key: i.key }]);
  const filled = (s: Slot, from = scores) => from[s.side][s.key] !== undefined;
  const complete = slots.every((s) => filled(s)) && preference !== '';

  const focusSlot = (index: number) => {
    const slot = slots[index];
    const scope = root.current;
    if (!scope) return;
    if (slot === undefined) {
      scope.querySelector<HTMLInputElement>(`input[name="preference-${pair.pairKey}"]:checked, input[name="preference-${pair.pairKey}"]`)?.focus();
      return;
    }
    const name = `${slot.side}-${slot.key}`;
    (scope.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`) ?? scope.querySelector<HTMLInputElement>(`input[name="${name}"]`))?.focus();
  };
  /** Sets a score; the marked scale moves to the next one still empty (a change to a filled scale stays put). */
  const setScore = (index: number, value: number) => {
    const slot = slots[index]!;
    const wasEmpty = !filled(slot);
    const next = { ...scores, [slot.side]: { ...scores[slot.side], [slot.key]: value } };
    setScores(next);
    if (!wasEmpty) return;
    const after = slots.findIndex((s, i) => i > index && !filled(s, next));
    setActive(after === -1 ? slots.length : after);
  };
  const choose = (value: string) => {
    setPreference(value);
    setSaveNext(true);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target === null || typing(event.target) || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    // Keys typed into a dialog or the top menu are not ratings.
    if (event.target instanceof Element && event.target !== document.body && !root.current?.contains(event.target)) return;
    const digit = /^[1-5]$/.test(event.key) ? Number(event.key) : null;
    if (digit !== null && active < slots.length) {
      event.preventDefault();
      const index = active;
      const slot = slots[index]!;
      setScores({ ...scores, [slot.side]: { ...scores[slot.side], [slot.key]: digit } });
      setActive(index + 1);
      focusSlot(index + 1);
      return;
    }
    const choice = PREFERENCE_KEYS[event.key.toLowerCase()];
    if (choice) {
      event.preventDefault();
      choose(choice);
    }
  };
  useEffect(() => {
    if (!saveNext || !complete) return;
    setSaveNext(false);
    root.current?.querySelector<HTMLButtonElement>('button.save-rating')?.focus();
  }, [saveNext, complete]);
  // The page listens, so the keys work from the first pair on, before anything has focus.
  const handler = useRef(onKeyDown);
  handler.current = onKeyDown;
  useEffect(() => {
    const listen = (event: KeyboardEvent) => handler.current(event);
    document.addEventListener('keydown', listen);
    return () => document.removeEventListener('keydown', listen);
  }, []);
  const onSave = async () => {
    if ((await save.run(roundId, { pairKey: pair.pairKey, scores, preference, comment: comment.trim() || undefined })).ok) onSaved();
  };
  return (
    <section className="panel pair-rating" aria-labelledby={`pair-${pair.pairKey}`} ref={root}>
      <h2 id={`pair-${pair.pairKey}`}>
        Par {pair.position}: {pair.case?.title}
      </h2>
      <p className="hint keyboard-hint">Tangentbord: siffrorna 1–5 ger betyg i den markerade rutan och går vidare, A, B eller L väljer vilken anteckning du föredrar och Enter sparar.</p>
      <details>
        <summary>Samtalet</summary>
        {pair.case?.turns.map((t, i) => (
          <p key={i}>
            <strong>{t.speaker}:</strong> {t.text}
          </p>
        ))}
      </details>
      <div className="pair">
        <Output title="Anteckning A" sections={pair.a} />
        <Output title="Anteckning B" sections={pair.b} />
      </div>
      <h3>Betyg från 1 (inte alls) till 5 (i högsta grad)</h3>
      <ol className="rating-items">
        {items.map((item, i) => (
          <li key={item.key} className="rating-item">
            <div className="rating-item-text">
              <strong>{item.label}</strong>
              <span className="anchors">
                <span>5 = {item.high}</span> <span>1 = {item.low}</span>
              </span>
            </div>
            {(['a', 'b'] as const).map((side, s) => (
              <ScoreScale
                key={side}
                name={`${side}-${item.key}`}
                label={item.label}
                side={side === 'a' ? 'A' : 'B'}
                value={scores[side][item.key]}
                active={active === 2 * i + s}
                onChange={(v) => setScore(2 * i + s, v)}
                onFocus={() => setActive(2 * i + s)}
              />
            ))}
          </li>
        ))}
      </ol>
      <fieldset className={`field${active === slots.length ? ' preference-active' : ''}`}>
        <legend>Vilken anteckning föredrar du?</legend>
        <div className="scale">
          {[
            ['A', 'A'],
            ['B', 'B'],
            ['equal', 'Lika bra'],
          ].map(([value, label]) => (
            <label key={value}>
              <input type="radio" name={`preference-${pair.pairKey}`} value={value} checked={preference === value} onChange={() => choose(value!)} />
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
      <button type="button" className="save-rating" disabled={!complete || save.busy} onClick={() => void onSave()}>
        Spara och nästa
      </button>
    </section>
  );
}
