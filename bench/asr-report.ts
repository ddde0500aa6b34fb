import type { SizeResult, StageRun } from './asr-measure';
import type { WhisperCppResult } from './asr-whispercpp';

/** The issue's targets. */
export const TARGETS = {
  /** small: ours ≤ 0.35 × stock over the recording; per window ≤ 0.6 × whisper.cpp (tiny: 0.8). */
  oursOverStock: 0.35,
  oursOverWhisperCpp: { small: 0.6, tiny: 0.8 } as Record<string, number>,
  /** Peak memory while transcribing, batched ÷ one window at a time. */
  memoryOverBefore: 1.5,
  nonInferenceShare: 0.05,
  vadTimesRealTime: 100,
  /** Live, base size: final transcript within this many window lengths after stop. */
  liveWindowsAfterStop: 2,
} as const;

const WINDOW_SECONDS = 30;

export interface Figures {
  ratio: number;
  /** ours (batched) ÷ ours one window at a time, whole run */
  batchGain: number;
  /** ours per window ÷ whisper.cpp per window (null: whisper.cpp not measured) */
  overWhisperCpp: number | null;
  memoryRatio: number;
  rtfOurs: number;
  rtfStock: number;
  nonInferenceShare: number;
  stopToFinalWindows: number;
  /** The q8-decoder run (labelled): ÷ stock, ÷ whisper.cpp per window, outside inference; null when not run. */
  q8: { ratio: number; overWhisperCpp: number | null; nonInferenceShare: number } | null;
}

function stages(run: StageRun): [string, number][] {
  const { featureMs, encoderMs, decoderMs } = run.model;
  const known = run.decodeMs + run.vadMs + featureMs + encoderMs + decoderMs;
  return [
    ['decode + resample 48→16 kHz', run.decodeMs],
    ['VAD + windows (waited for; the rest runs hidden on the VAD worker)', run.vadMs],
    // Ours: log-mel on the main thread only; features prefetched on the log-mel worker cost nothing here, any wait for them is in "other".
    ['feature extraction (log-mel, main thread)', featureMs],
    ['encoder (onnxruntime)', encoderMs],
    ['decoder (onnxruntime)', decoderMs],
    ['other (decoding loop: ours / generate() + logits processors; glue)', Math.max(0, run.totalMs - known)],
  ];
}

const perWindowMs = (run: StageRun): number => run.totalMs / Math.max(1, run.windows);

export function figures(r: SizeResult, cpp: WhisperCppResult): Figures {
  const inference = r.ours.model.encoderMs + r.ours.model.decoderMs;
  return {
    ratio: r.ours.totalMs / r.stock.totalMs,
    batchGain: r.ours.totalMs / r.oursOne.totalMs,
    overWhisperCpp: cpp.ok ? perWindowMs(r.ours) / cpp.perWindowMs : null,
    memoryRatio: r.ours.peakRssMb / r.oursOne.peakRssMb,
    rtfOurs: r.ours.totalMs / 1000 / r.audioSeconds,
    rtfStock: r.stock.totalMs / 1000 / r.audioSeconds,
    nonInferenceShare: 1 - inference / r.ours.totalMs,
    stopToFinalWindows: r.live.stopToFinalSeconds / WINDOW_SECONDS,
    q8: r.oursQ8
      ? {
          ratio: r.oursQ8.totalMs / r.stock.totalMs,
          overWhisperCpp: cpp.ok ? perWindowMs(r.oursQ8) / cpp.perWindowMs : null,
          nonInferenceShare: 1 - (r.oursQ8.model.encoderMs + r.oursQ8.model.decoderMs) / r.oursQ8.totalMs,
        }
      : null,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export function printSize(size: string, r: SizeResult, note: string | null, cpp: WhisperCppResult): Figures {
  const f = figures(r, cpp);
  console.log(`\n### ${size}${note ? ` — ${note}` : ''}`);
  console.log(
    `audio ${r.audioSeconds.toFixed(0)} s (speech found by VAD ${r.speechSeconds.toFixed(0)} s); model load ${sec(r.loadMs)}`,
  );
  console.log(`| stage | ours, batch ${r.batchSize} | share | ours, 1 window at a time (before) | share | stock (chunk 30 s, stride 5 s) | share |`);
  console.log(`|---|---:|---:|---:|---:|---:|---:|`);
  const one = new Map(stages(r.oursOne));
  const theirs = new Map(stages(r.stock));
  for (const [name, ms] of stages(r.ours)) {
    const o = one.get(name) ?? 0;
    const s = theirs.get(name) ?? 0;
    console.log(
      `| ${name} | ${sec(ms)} | ${pct(ms / r.ours.totalMs)} | ${sec(o)} | ${pct(o / r.oursOne.totalMs)} | ${sec(s)} | ${pct(s / r.stock.totalMs)} |`,
    );
  }
  console.log(`| **total** | **${sec(r.ours.totalMs)}** | | **${sec(r.oursOne.totalMs)}** | | **${sec(r.stock.totalMs)}** | |`);
  const perWindow = (run: StageRun): string =>
    `${run.windows} windows, ${sec(perWindowMs(run))}/window, ${(run.model.decoderTokens / Math.max(1, run.model.encoderCalls)).toFixed(0)} tokens/window, ` +
    `encoder ${(run.model.encoderMs / Math.max(1, run.model.encoderCalls)).toFixed(0)} ms/window, ` +
    `decoder ${(run.model.decoderMs / Math.max(1, run.model.decoderCalls)).toFixed(1)} ms/step, ` +
    `${(run.model.decoderMs / Math.max(1, run.model.decoderTokens)).toFixed(1)} ms/token; peak RSS ${run.peakRssMb.toFixed(0)} MB`;
  console.log(`ours, batch ${r.batchSize}: ${perWindow(r.ours)}`);
  console.log(`ours, batch 1: ${perWindow(r.oursOne)}`);
  if (r.oursQ8 && f.q8) {
    console.log(
      `ours, batch ${r.batchSize}, q8 decoder (synthetic int8, labelled): ${perWindow(r.oursQ8)}; total ${sec(r.oursQ8.totalMs)}, ` +
        `÷ stock ${f.q8.ratio.toFixed(2)}, ÷ fp32 batch ${r.batchSize} ${(r.oursQ8.totalMs / r.ours.totalMs).toFixed(2)}` +
        (f.q8.overWhisperCpp === null ? '' : `, per window ÷ whisper.cpp ${f.q8.overWhisperCpp.toFixed(2)}`) +
        `; outside inference ${pct(f.q8.nonInferenceShare)}; loading it added ${r.oursQ8.modelRssMb.toFixed(0)} MB resident`,
    );
  }
  console.log(`stock: ${perWindow(r.stock)}`);
  console.log(
    cpp.ok
      ? `whisper.cpp (@napi-rs/whisper, f16, 2 threads, synthetic GGML ${cpp.modelMb.toFixed(0)} MB, first 30 s, median): ` +
          `${sec(cpp.perWindowMs)}/window, ${cpp.tokens} tokens/window, mel + encoder ${cpp.encoderMs.toFixed(0)} ms, ` +
          `decoder ${cpp.perTokenMs.toFixed(1)} ms/token; its process RSS ${cpp.rssMb.toFixed(0)} MB; ` +
          `ours per window ÷ whisper.cpp: batch ${r.batchSize} ${f.overWhisperCpp!.toFixed(2)}, batch 1 ${(perWindowMs(r.oursOne) / cpp.perWindowMs).toFixed(2)}`
      : `whisper.cpp: not measured — ${cpp.reason}`,
  );
  console.log(
    `memory: ${r.loadedRssMb.toFixed(0)} MB resident with the model loaded (loading + warm-up, incl. Silero and its worker, added ${r.modelRssMb.toFixed(0)} MB); peak while transcribing: batch ${r.batchSize} ` +
      `${r.ours.peakRssMb.toFixed(0)} MB, batch 1 ${r.oursOne.peakRssMb.toFixed(0)} MB (${f.memoryRatio.toFixed(2)}×), stock ${r.stock.peakRssMb.toFixed(0)} MB; ` +
      `batch ${r.batchSize} ÷ batch 1 time ${f.batchGain.toFixed(2)}`,
  );
  console.log(
    `ours/stock time ${f.ratio.toFixed(2)}; real-time factor ours ${f.rtfOurs.toFixed(3)}, stock ${f.rtfStock.toFixed(3)}; ` +
      `outside model inference (ours) ${pct(f.nonInferenceShare)}; waited for VAD ${sec(r.ours.vadMs)}`,
  );
  const fx = r.features;
  console.log(
    `feature extractor alone, median of ${fx.repeats} runs on 30 s: ours ${fx.oursMs === null ? 'n/a (fallback to transformers.js)' : `${fx.oursMs.toFixed(1)} ms`}, ` +
      `transformers.js ${fx.transformersMs.toFixed(1)} ms` +
      (fx.oursMs === null ? '' : ` (${(fx.transformersMs / fx.oursMs).toFixed(1)}× faster)`),
  );
  console.log(
    `live (0.5 s chunks, simulated clock): ${r.live.windows} windows, ${r.live.backlogAtStop} unfinished at stop, ` +
      `final transcript ${r.live.stopToFinalSeconds.toFixed(1)} s after stop = ${f.stopToFinalWindows.toFixed(2)} window lengths (30 s); ` +
      `windower+VAD ${r.live.windowerSeconds.toFixed(1)} s for the whole recording`,
  );
  return f;
}

const mark = (ok: boolean): string => (ok ? 'PASS' : 'MISS');

export function printTargets(bySize: Map<string, Figures>, vadTimesRealTime: number): void {
  console.log('\n### targets');
  for (const [size, f] of bySize) {
    if (size === 'small') console.log(`${mark(f.ratio <= TARGETS.oursOverStock)}  ${size}: ours/stock ${f.ratio.toFixed(2)} (≤ ${TARGETS.oursOverStock})`);
    else console.log(`info  ${size}: ours/stock ${f.ratio.toFixed(2)}`);
    const cppTarget = TARGETS.oursOverWhisperCpp[size];
    if (cppTarget !== undefined) {
      console.log(
        f.overWhisperCpp === null
          ? `n/a   ${size}: whisper.cpp not measured`
          : `${mark(f.overWhisperCpp <= cppTarget)}  ${size}: ours per window ÷ whisper.cpp ${f.overWhisperCpp.toFixed(2)} (≤ ${cppTarget})`,
      );
    }
    if (f.q8) {
      const q8Target = size === 'small' ? `${mark(f.q8.ratio <= TARGETS.oursOverStock)}  ${size}, q8 decoder: ours/stock ${f.q8.ratio.toFixed(2)} (≤ ${TARGETS.oursOverStock})` : null;
      if (q8Target) console.log(q8Target);
      if (cppTarget !== undefined && f.q8.overWhisperCpp !== null) {
        console.log(`${mark(f.q8.overWhisperCpp <= cppTarget)}  ${size}, q8 decoder: ours per window ÷ whisper.cpp (f16) ${f.q8.overWhisperCpp.toFixed(2)} (≤ ${cppTarget})`);
      }
    }
    console.log(`${mark(f.memoryRatio <= TARGETS.memoryOverBefore)}  ${size}: peak memory batched ÷ one at a time ${f.memoryRatio.toFixed(2)} (≤ ${TARGETS.memoryOverBefore})`);
    console.log(
      `${mark(f.nonInferenceShare <= TARGETS.nonInferenceShare)}  ${size}: outside model inference ${pct(f.nonInferenceShare)} (≤ ${pct(TARGETS.nonInferenceShare)})`,
    );
  }
  console.log(`${mark(vadTimesRealTime >= TARGETS.vadTimesRealTime)}  VAD on one core: ${vadTimesRealTime.toFixed(0)}× real time (≥ ${TARGETS.vadTimesRealTime}×)`);
  const base = bySize.get('base');
  if (base) {
    console.log(
      `${mark(base.stopToFinalWindows <= TARGETS.liveWindowsAfterStop)}  base, live: final transcript ${base.stopToFinalWindows.toFixed(2)} window lengths after stop (≤ ${TARGETS.liveWindowsAfterStop})`,
    );
  } else {
    console.log('n/a   base, live: base was not run');
  }
}
