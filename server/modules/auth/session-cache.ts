import cluster from 'node:cluster';
import type { EventBus } from '../../events/bus';
import type { SessionUser } from './session-user';

/**
 * A web process's short-lived copy of the sessions it has just seen, so an
 * API request does not read the session, its user, roles and groups (four
 * statements) every time. Correctness rests on invalidation, not on the
 * time limit: logout, logout everywhere, a password change or reset, and an
 * admin's change to a user or a group drop the copies in every web process
 * at once —
 * - PostgreSQL: a notice on the LISTEN/NOTIFY bus (every process on every
 *   machine hears it). The copy is used only while this process's LISTEN
 *   connection is up; when it drops, everything is forgotten and every
 *   request reads the database until it is back.
 * - SQLite, several web processes (node:cluster): through the primary
 *   process, which passes the message to every web process.
 * - SQLite, one process: in the process itself.
 * A read that started before an invalidation is never stored (generation
 * check), so a copy cannot outlive a logout that raced with it.
 * SESSION_CACHE_SECONDS (default 5, 0 = off) bounds only changes made
 * outside the server (an operator's SQL).
 */
export interface CachedSession {
  user: SessionUser;
  expiresAt: number;
  lastSeenAt: number;
}

export type Invalidation = { sessionId: string } | { userId: string } | 'all';

export interface SessionCache {
  get(sessionId: string, now?: number): CachedSession | undefined;
  /** forget one session here only (found gone in the database) */
  drop(sessionId: string): void;
  /** taken before a database read; `put` stores the result only if nothing was invalidated since */
  generation(): number;
  put(sessionId: string, entry: CachedSession, generation: number, now?: number): void;
  /** drop the copies here and in every other web process; call after the database change committed */
  invalidate(what: Invalidation): Promise<void>;
  close(): void;
}

const MAX_ENTRIES = 10_000;
const IPC_TYPE = 'jv:session-invalidate';

const encode = (what: Invalidation) => (what === 'all' ? '*' : 'sessionId' in what ? `s.${what.sessionId}` : `u.${what.userId}`);

export function createSessionCache(options: { ttlSeconds: number; bus: EventBus; databaseKind: 'sqlite' | 'postgresql' }): SessionCache {
  const ttlMs = options.ttlSeconds * 1000;
  const entries = new Map<string, CachedSession & { storedAt: number }>();
  let gen = 0;
  const { bus } = options;
  const viaBus = options.databaseKind === 'postgresql';
  const viaCluster = !viaBus && cluster.isWorker && typeof process.send === 'function';

  const apply = (message: string | null) => {
    gen++;
    if (message === null || message === '*') return entries.clear();
    const [kind, id] = [message.slice(0, 1), message.slice(2)];
    if (kind === 's') entries.delete(id);
    else if (kind === 'u') for (const [key, entry] of entries) if (entry.user.id === id) entries.delete(key);
  };

  const unsubscribe = ttlMs > 0 && viaBus ? bus.subscribeTopic('session', apply) : () => undefined;
  const onIpc = (message: unknown) => {
    if (message && typeof message === 'object' && (message as { type?: unknown }).type === IPC_TYPE) apply(String((message as { what: unknown }).what));
  };
  if (ttlMs > 0 && viaCluster) process.on('message', onIpc);

  // On PostgreSQL, other processes' changes arrive only while LISTEN is up.
  const usable = () => ttlMs > 0 && (!viaBus || bus.listening());

  return {
    get(sessionId, now = Date.now()) {
      if (!usable()) return undefined;
      const entry = entries.get(sessionId);
      if (!entry) return undefined;
      if (now - entry.storedAt > ttlMs || entry.expiresAt <= now) {
        entries.delete(sessionId);
        return undefined;
      }
      return entry;
    },
    drop: (sessionId) => void entries.delete(sessionId),
    generation: () => gen,
    put(sessionId, entry, generation, now = Date.now()) {
      if (!usable() || generation !== gen) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(sessionId, Object.assign(entry, { storedAt: now })); // the same object: a sliding-expiry write updates the copy too
    },
    async invalidate(what) {
      const message = encode(what);
      apply(message);
      if (ttlMs === 0) return;
      if (viaBus) await bus.publish('session', message);
      else if (viaCluster) process.send!({ type: IPC_TYPE, what: message });
    },
    close() {
      unsubscribe();
      process.off('message', onIpc);
      entries.clear();
    },
  };
}

/** In the cluster's primary: pass each web process's invalidation on to all of them. */
export function relaySessionInvalidations(): void {
  cluster.on('message', (_worker, message: unknown) => {
    if (!message || typeof message !== 'object' || (message as { type?: unknown }).type !== IPC_TYPE) return;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.send(message);
  });
}
