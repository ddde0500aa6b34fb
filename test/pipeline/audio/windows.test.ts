import { describe, expect, it } from 'vitest';
import { lowestEnergyPoint } from '../../../server/pipeline/audio/energy';
import { packWindows, toRecordingTime, windowSamples } from '../../../server/pipeline/audio/windows';

const RATE = 16000;

/** Loud everywhere except for quiet dips at the given times (seconds). */
function loudWithDips(seconds: number, dips: number[]): Float32Array {
  const x = Float32Array.from({ length: seconds * RATE }, (_, i) => 0.5 * Math.sin(i * 0.3));
  for (const dip of dips) x.fill(0.001, Math.round((dip - 0.1) * RATE), Math.round((dip + 0.1) * RATE));
  return x;
}

describe('packing speech regions into windows', () => {
  it('merges neighbouring regions while the padded window stays within 30 s', () => {
    const regions = [
      { start: 1, end: 5 },
      { start: 6, end: 12 },
      { start: 14, end: 29 },
      { start: 31, end: 40 },
      { start: 42, end: 44 },
    ];
    const windows = packWindows(regions, new Float32Array(50 * RATE));
    expect(windows.map((w) => [w.start, w.end])).toEqual([
      [0.8, 29.2],
      [30.8, 44.2],
    ]);
    expect(windows[0]!.regions).toEqual(regions.slice(0, 3));
    expect(windows[1]!.regions).toEqual(regions.slice(3));
    for (const w of windows) expect(w.end - w.start).toBeLessThanOrEqual(30);
  });

  it('starts a new window when the next region would overflow, and never overlaps windows', () => {
    const regions = [
      { start: 0.1, end: 20 },
      { start: 20.2, end: 35 },
    ];
    const windows = packWindows(regions, new Float32Array(36 * RATE));
    expect(windows).toHaveLength(2);
    expect(windows[0]!.start).toBe(0); // pad clamped at the start of the recording
    expect(windows[1]!.start).toBeGreaterThanOrEqual(windows[0]!.end);
    expect(windows[1]!.end).toBeCloseTo(35.2, 6);
  });

  it('splits a region longer than a window at its quietest points', () => {
    const samples = loudWithDips(80, [22, 47, 70]);
    const windows = packWindows([{ start: 0.5, end: 79.5 }], samples);
    const cuts = windows.slice(0, -1).map((w) => w.regions.at(-1)!.end);
    expect(cuts.map((c) => Math.round(c * 10) / 10)).toEqual([22, 47, 70]);
    for (const w of windows) expect(w.end - w.start).toBeLessThanOrEqual(30 + 1e-9);
    // the pieces tile the region: each starts where the previous ended
    const pieces = windows.flatMap((w) => w.regions);
    pieces.slice(1).forEach((p, i) => expect(p.start).toBe(pieces[i]!.end));
    expect(pieces[0]!.start).toBe(0.5);
    expect(pieces.at(-1)!.end).toBe(79.5);
  });

  it('cuts even without a pause, within the limit', () => {
    const windows = packWindows([{ start: 0, end: 100 }], loudWithDips(100, []), { maxSeconds: 20, padSeconds: 0.5 });
    for (const w of windows) expect(w.end - w.start).toBeLessThanOrEqual(20 + 1e-9);
    expect(windows.length).toBeGreaterThanOrEqual(6);
  });

  it('finds the quietest stretch and copies window samples by recording time', () => {
    const samples = loudWithDips(10, [3.3, 7.5]);
    expect(lowestEnergyPoint(samples, 0, 1, 5)).toBeCloseTo(3.3, 1);
    expect(lowestEnergyPoint(samples.subarray(4 * RATE), 4 * RATE, 5, 9)).toBeCloseTo(7.5, 1);
    const w = { start: 2, end: 2.5, regions: [], spans: [{ start: 2, end: 2.5 }] };
    expect(Array.from(windowSamples(samples, w))).toEqual(Array.from(samples.subarray(2 * RATE, 2.5 * RATE)));
  });

  it('speechOnly: leaves out the pauses, fits more speech per window and maps times back', () => {
    const regions = [
      { start: 1, end: 11 },
      { start: 15, end: 25 },
      { start: 40, end: 48 },
      { start: 60, end: 70 },
    ];
    const samples = Float32Array.from({ length: 80 * RATE }, (_, i) => i / RATE);
    expect(packWindows(regions, samples)).toHaveLength(3);
    const windows = packWindows(regions, samples, { speechOnly: true });
    // 10.4 + 10.4 + 8.4 = 29.2 s of padded speech fit in one window; the last region needs another
    expect(windows).toHaveLength(2);
    const [first] = windows;
    expect(first!.spans).toEqual([
      { start: 0.8, end: 11.2 },
      { start: 14.8, end: 25.2 },
      { start: 39.8, end: 48.2 },
    ]);
    const audio = windowSamples(samples, first!);
    expect(audio.length).toBe(Math.round(29.2 * RATE));
    // the samples are the spans' own (each sample holds its recording time)
    expect(audio[Math.round(10.4 * RATE)]).toBeCloseTo(14.8, 4);
    expect(toRecordingTime(first!, 0, 'start')).toBeCloseTo(0.8, 6);
    expect(toRecordingTime(first!, 12, 'start')).toBeCloseTo(16.4, 6);
    // a seam: an end belongs to the earlier span, a start to the later one
    expect(toRecordingTime(first!, 10.4, 'end')).toBeCloseTo(11.2, 6);
    expect(toRecordingTime(first!, 10.4, 'start')).toBeCloseTo(14.8, 6);
    expect(toRecordingTime(first!, 29.2, 'end')).toBeCloseTo(48.2, 6);
  });

  it('speechOnly: merges regions whose pads overlap and never exceeds 30 s of samples', () => {
    const regions = Array.from({ length: 40 }, (_, i) => ({ start: i * 2.1 + 0.5, end: i * 2.1 + 2.2 }));
    const samples = new Float32Array(90 * RATE);
    const windows = packWindows(regions, samples, { speechOnly: true });
    for (const w of windows) {
      expect(windowSamples(samples, w).length).toBeLessThanOrEqual(30 * RATE);
      w.spans.slice(1).forEach((span, i) => expect(span.start).toBeGreaterThan(w.spans[i]!.end));
    }
    expect(windows.flatMap((w) => w.regions)).toEqual(regions);
  });
});
