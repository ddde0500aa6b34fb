/**
 * Ratios over clusters (clinicians) with a cluster-bootstrap interval: a mean
 * rating is Σ ratings / Σ rated notes, flags per 100 sentences is 100 ·
 * Σ flags / Σ sentences, the edit ratio is Σ characters changed / Σ
 * characters drafted — each summed per clinician, and whole clinicians are
 * resampled. The interval is the one the time-saved estimator uses:
 * estimate ± t(G−1) · √(G/(G−1)) · SE (see time-saved.ts for why).
 */
import { seededRandom } from './bootstrap';
import { studentTQuantile } from './distributions';

export interface ClusterSums {
  num: number;
  den: number;
}

export interface ClusterRatio {
  estimate: number;
  lower: number | null;
  upper: number | null;
  clusters: number;
}

/** estimate ± t(G−1) · √(G/(G−1)) · SD(resampled estimates). */
export function clusterTInterval(estimate: number, resampled: readonly number[], clusters: number, confidence = 0.95): { lower: number; upper: number } | null {
  const finite = resampled.filter(Number.isFinite);
  if (clusters < 2 || finite.length < 2) return null;
  const m = finite.reduce((a, b) => a + b, 0) / finite.length;
  const se = Math.sqrt(finite.reduce((a, b) => a + (b - m) ** 2, 0) / (finite.length - 1));
  const half = studentTQuantile(1 - (1 - confidence) / 2, clusters - 1) * Math.sqrt(clusters / (clusters - 1)) * se;
  return { lower: estimate - half, upper: estimate + half };
}

/** Σ num / Σ den over clusters (clusters with den 0 carry no information and are left out), with its interval; null without data. */
export function clusterRatio(clusters: readonly ClusterSums[], iterations: number, seed: number, scale = 1): ClusterRatio | null {
  const used = clusters.filter((c) => c.den > 0);
  const G = used.length;
  if (G === 0) return null;
  const num = Float64Array.from(used.map((c) => c.num));
  const den = Float64Array.from(used.map((c) => c.den));
  const estimate = (scale * num.reduce((a, b) => a + b, 0)) / den.reduce((a, b) => a + b, 0);
  const random = seededRandom(seed);
  const stats: number[] = new Array(iterations);
  for (let it = 0; it < iterations; it++) {
    let n = 0;
    let d = 0;
    for (let j = 0; j < G; j++) {
      const k = Math.floor(random() * G);
      n += num[k]!;
      d += den[k]!;
    }
    stats[it] = (scale * n) / d;
  }
  const ci = clusterTInterval(estimate, stats, G);
  return { estimate, lower: ci?.lower ?? null, upper: ci?.upper ?? null, clusters: G };
}
