import type { ReactNode } from 'react';

/** The frame before sign-in (login, change password, 404 for visitors). */
export function PlainLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="plain" tabIndex={-1}>
      <p className="brand">Journalverkstan</p>
      {children}
    </main>
  );
}
