import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

type Notify = (message: string) => void;
const NotifyContext = createContext<Notify>(() => undefined);

const SHOW_MS = 6000;

/**
 * Short confirmations ("Användaren är sparad") in one polite aria-live
 * region, so screen-reader users hear them without losing focus.
 */
export function NotifierProvider({ children }: { children: ReactNode }) {
  const [messages, setMessages] = useState<{ id: number; text: string }[]>([]);
  const next = useRef(0);
  const notify = useCallback<Notify>((text) => {
    const id = ++next.current;
    setMessages((list) => [...list, { id, text }]);
    setTimeout(() => setMessages((list) => list.filter((m) => m.id !== id)), SHOW_MS);
  }, []);
  return (
    <NotifyContext value={notify}>
      {children}
      <div className="toasts" aria-live="polite" aria-atomic="false">
        {messages.map((m) => (
          <p key={m.id} className="toast">
            {m.text}
          </p>
        ))}
      </div>
    </NotifyContext>
  );
}

export const useNotify = (): Notify => useContext(NotifyContext);
