import { useEffect, useState } from 'react';

/** Time spent on the case since it was first opened, against the round's limit when it has one. */
export function Timer({ startedAt, limitSeconds }: { startedAt: string | null; limitSeconds: number | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (!startedAt) return null;
  const spent = Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));
  const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  const over = limitSeconds !== null && spent > limitSeconds;
  return (
    <span className={`timer${over ? ' over' : ''}`}>
      {clock(spent)}
      {limitSeconds !== null && ` av ${clock(limitSeconds)}${over ? ' – tiden är ute, signera när du är klar' : ''}`}
    </span>
  );
}
