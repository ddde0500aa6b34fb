// Runs in its own process (see asr-whispercpp.ts): @napi-rs/whisper's full()
// blocks the event loop, and its setupLogger() hangs, so it never runs in the
// bench's own process. Plain CommonJS so no TypeScript loader is needed.
// argv: model.bin samples.f32 repeats; prints one JSON line.
const { readFileSync } = require('node:fs');
const { Whisper, WhisperFullParams, WhisperSamplingStrategy } = require('@napi-rs/whisper');

const [model, samplesFile, repeatsArg] = process.argv.slice(2);
const bytes = readFileSync(samplesFile);
const samples = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
const loadStarted = performance.now();
const whisper = new Whisper(model);
const loadMs = performance.now() - loadStarted;

function params(maxTokens) {
  const p = new WhisperFullParams(WhisperSamplingStrategy.Greedy);
  p.nThreads = 2;
  p.language = 'sv';
  p.translate = false;
  p.noTimestamps = true;
  p.singleSegment = true;
  p.noContext = true;
  p.printProgress = false;
  p.printRealtime = false;
  p.printTimestamps = false;
  p.printSpecial = false;
  p.suppressNonSpeechTokens = false;
  p.maxTokens = maxTokens;
  return p;
}

function run(maxTokens) {
  const started = performance.now();
  const text = whisper.full(params(maxTokens), samples);
  return { ms: performance.now() - started, text };
}

run(1); // warm-up: first graph allocations
const full = [];
const short = [];
let text = '';
for (let i = 0; i < Number(repeatsArg); i++) {
  const f = run(0);
  full.push(f.ms);
  text = f.text;
  short.push(run(1).ms);
}
process.stdout.write(JSON.stringify({ loadMs, full, short, text, rssMb: process.memoryUsage().rss / 1e6 }) + '\n');
