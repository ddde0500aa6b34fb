/**
 * Callers asking for the same key while its work is pending share that one
 * promise instead of starting the work again. Why: when a web process's copy
 * of a session runs out (every SESSION_CACHE_SECONDS) or its sliding expiry
 * is due (once a minute), every request of that session in flight at that
 * moment missed together — at 200 connections that was a hundred or more
 * identical session reads, or UPDATEs of one row queued on its lock, in one
 * burst, and the requests behind them waited for all of it. The key says
 * what may be shared (callers decide: the session reads add the cache's
 * generation, so a read that began before a logout is never joined after it).
 */
export function singleFlight<V>(): (key: string, work: () => Promise<V>) => Promise<V> {
  const pending = new Map<string, Promise<V>>();
  return (key, work) => {
    let promise = pending.get(key);
    if (!promise) {
      promise = work().finally(() => pending.delete(key));
      pending.set(key, promise);
    }
    return promise;
  };
}
