/**
 * Login throttling. A password check is *reserved* before it runs, in one
 * synchronous step, so the limit holds however many attempts arrive at once
 * (issue #12: 200 parallel attempts must not buy 200 checks). Three budgets
 * per window, each counting failed and in-flight checks:
 * - one username from one address: LOGIN_MAX_ATTEMPTS;
 * - one username from anywhere: 4 × that, so guessing from many addresses is
 *   bounded too, while one address alone cannot lock a user out;
 * - one address over all usernames: 10 × that, against password spraying.
 * A successful login clears its username-and-address budget and gives its
 * reservation back. Kept in memory per web process: a restart forgets counts,
 * which is acceptable for a throttle (the scrypt cost bounds guessing anyway).
 */
export interface LoginAttempt {
  /** seconds to wait when a budget is spent (nothing was reserved), else 0 */
  wait: number;
  /** the check's outcome: a failure keeps its reservation until it leaves the window */
  settle(success: boolean): void;
}

export interface LoginLimiter {
  attempt(username: string, address: string, now?: number): LoginAttempt;
}

export function createLoginLimiter(maxAttempts: number, windowMinutes: number): LoginLimiter {
  const windowMs = windowMinutes * 60_000;
  const entries = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const list = (entries.get(key) ?? []).filter((t) => now - t < windowMs);
    if (list.length) entries.set(key, list);
    else entries.delete(key);
    return list;
  };
  const remove = (key: string, stamp: number) => {
    const list = entries.get(key);
    const at = list?.indexOf(stamp) ?? -1;
    if (list && at >= 0) list.splice(at, 1);
  };
  return {
    attempt(username, address, now = Date.now()) {
      const name = username.normalize('NFC').toLocaleLowerCase('sv');
      const budgets: [string, number][] = [
        [`pair|${name}|${address}`, maxAttempts],
        [`user|${name}`, maxAttempts * 4],
        [`addr|${address}`, maxAttempts * 10],
      ];
      let wait = 0;
      for (const [key, max] of budgets) {
        const list = recent(key, now);
        if (list.length >= max) wait = Math.max(wait, (list[list.length - max]! + windowMs - now) / 1000, 1);
      }
      if (wait > 0) return { wait, settle: () => undefined };
      for (const [key] of budgets) entries.set(key, [...recent(key, now), now]);
      return {
        wait: 0,
        settle(success) {
          if (!success) return;
          entries.delete(budgets[0]![0]);
          for (const [key] of budgets.slice(1)) remove(key, now);
        },
      };
    },
  };
}
