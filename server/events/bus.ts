import pg from 'pg';
import type { Database } from '../db/client';
import type { Logger } from '../logger';

/**
 * Change notices between processes: "recording X changed", "job Y changed".
 * A notice carries only a topic and an id, never data; a listener reads the
 * database for what changed. On PostgreSQL they travel by LISTEN/NOTIFY, so a
 * live transcript view in web process B learns at once that a worker on
 * another machine finished a window, instead of every view polling the
 * database several times a second. On SQLite (one process) nothing travels:
 * listeners poll as before (`kind: 'poll'`).
 */
export type Topic = 'recording' | 'job' | 'session';

export interface EventBus {
  /** push: notices arrive; poll: they never do, and listeners must poll */
  readonly kind: 'push' | 'poll';
  /** Tell every process that `id` changed. Never throws: a lost notice costs latency (listeners keep a slow poll), not data. */
  publish(topic: Topic, id: string): Promise<void>;
  /** Call `listener` on each notice for `id` (and after a reconnect, when notices may have been missed). Returns the unsubscribe. */
  subscribe(topic: Topic, id: string, listener: () => void): () => void;
  /**
   * Call `listener` with the id of every notice on `topic`, and with null
   * after a reconnect (notices may have been missed). Opens the connection.
   */
  subscribeTopic(topic: Topic, listener: (id: string | null) => void): () => void;
  /** true while notices are known to arrive (push, LISTEN connection up) */
  listening(): boolean;
  close(): Promise<void>;
}

const CHANNEL = 'jv_events';
const RECONNECT_MS = 1000;

export const pollingBus = (): EventBus => ({
  kind: 'poll',
  publish: async () => undefined,
  subscribe: () => () => undefined,
  subscribeTopic: () => () => undefined,
  listening: () => false,
  close: async () => undefined,
});

/**
 * One LISTEN connection per process, opened at the first subscription (a
 * worker that never streams opens none), reopened after a drop; every
 * listener is called after a reconnect so nothing missed stays unseen.
 */
export function postgresBus(db: Database, logger: Logger): EventBus {
  const listeners = new Map<string, Set<() => void>>();
  const topicListeners = new Map<string, Set<(id: string | null) => void>>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  /** Add a listener under a key; its unsubscribe drops the key with its last listener. Notices sent before LISTEN took effect are lost: everyone looks once it has. */
  const listen = <L>(map: Map<string, Set<L>>, key: string, listener: L) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(listener);
    if (!client && !closed) void connect().then(fireAll, () => undefined);
    return () => {
      set.delete(listener);
      if (set.size === 0) map.delete(key);
    };
  };
  const fireAll = () => {
    for (const set of listeners.values()) for (const listener of set) listener();
    for (const set of topicListeners.values()) for (const listener of set) listener(null);
  };

  const connect = (): Promise<void> => {
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: db.url, application_name: 'journalverkstan-events' });
      next.on('notification', (message) => {
        const payload = message.payload ?? '';
        for (const listener of listeners.get(payload) ?? []) listener();
        const colon = payload.indexOf(':');
        for (const listener of topicListeners.get(payload.slice(0, colon)) ?? []) listener(payload.slice(colon + 1));
      });
      const dropped = () => {
        if (client !== next) return;
        client = null;
        // From now until the reconnect notices are lost: topic listeners hear it at once.
        for (const set of topicListeners.values()) for (const listener of set) listener(null);
        void next.end().catch(() => undefined);
        if (!closed) retry = setTimeout(() => void connect().then(fireAll, () => undefined), RECONNECT_MS);
      };
      next.on('error', (error) => {
        logger.warn('events.connection_lost', { error });
        dropped();
      });
      next.on('end', dropped);
      try {
        await next.connect();
        await next.query(`LISTEN ${CHANNEL}`);
        client = next;
      } catch (error) {
        logger.warn('events.connect_failed', { error });
        await next.end().catch(() => undefined);
        if (!closed) retry = setTimeout(() => void connect().then(fireAll, () => undefined), RECONNECT_MS);
        throw error;
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  };

  return {
    kind: 'push',
    async publish(topic, id) {
      try {
        await db.prisma.$executeRaw`SELECT pg_notify(${CHANNEL}, ${`${topic}:${id}`})`;
      } catch (error) {
        logger.warn('events.publish_failed', { error });
      }
    },
    subscribe(topic, id, listener) {
      return listen(listeners, `${topic}:${id}`, listener);
    },
    subscribeTopic(topic, listener) {
      return listen(topicListeners, topic, listener);
    },
    listening: () => client !== null,
    async close() {
      closed = true;
      clearTimeout(retry);
      listeners.clear();
      topicListeners.clear();
      await connecting?.catch(() => undefined);
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}
