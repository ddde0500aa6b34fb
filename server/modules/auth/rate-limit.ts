/**
 * Login throttling per (username, client address): after LOGIN_MAX_ATTEMPTS
 * failures within the window, further attempts are refused until the oldest
 * failure leaves the window. Kept in memory: a restart forgets counts, which
 * is acceptable for a throttle (the scrypt cost bounds guessing anyway).
 */
export interface LoginLimiter {
  /** seconds to wait, or 0 when an attempt is allowed */
  retryAfter(key: string, now?: number): number;
  fail(key: string, now?: number): void;
  reset(key: string): void;
}

export function createLoginLimiter(maxAttempts: number, windowMinutes: number): LoginLimiter {
  const windowMs = windowMinutes * 60_000;
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    retryAfter(key, now = Date.now()) {
      const list = recent(key, now);
      if (list.length === 0) failures.delete(key);
      else failures.set(key, list);
      if (list.length < maxAttempts) return 0;
      return Math.max(1, (list[0]! + windowMs - now) / 1000);
    },
    fail(key, now = Date.now()) {
      failures.set(key, [...recent(key, now), now]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
