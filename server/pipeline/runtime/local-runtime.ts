import { access } from 'node:fs/promises';
import path from 'node:path';
import { env, type ProgressInfo } from '@huggingface/transformers';
import { z } from 'zod';
import { PipelineError } from '../errors';
import type { ModelStatus } from './model-status';
import { type DtypeSetting, type ModelKind, requiredModelFiles } from './model-files';
import { type PipelineLease, leasePipeline } from './local-pipeline-cache';
import { onnxPathCache } from './onnx-path-cache';

/**
 * What the local transformers.js runtimes (Whisper, chat) share: model-folder
 * checks, the no-network rule, and one loaded pipeline per
 * (task, folder, dtype) for the whole process.
 */

/** "KBLab/kb-whisper-small", "synthetic-whisper": one or two path segments, no "..". */
export const ModelIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/, 'model id: "name" or "owner/name"')
  .refine((id) => !id.includes('..'), 'model id must not contain ".."');

/** Loading progress, stripped of the library's types. */
export interface LoadProgress {
  status: string;
  file?: string;
  /** 0–100 */
  progress?: number;
}

export type ProgressListener = (event: LoadProgress) => void;

export function modelFolder(modelsDir: string, modelId: string): string {
  return path.resolve(modelsDir, ...ModelIdSchema.parse(modelId).split('/'));
}

/**
 * Shown in health, job errors and the gateway's 503, so it names the folder
 * relative to MODELS_DIR: the server's absolute paths are not for callers.
 */
export function howToInstall(modelId: string, missing: string[]): string {
  const files = missing.slice(0, 4).join(', ') + (missing.length > 4 ? ', …' : '');
  return (
    `Modellen ${modelId} saknas eller är ofullständig (saknas: ${files}). ` +
    `Hämta den medan datorn är uppkopplad: \`npm run models -- pull ${modelId}\`, ` +
    `eller kopiera en modellmapp i transformers.js-format till MODELS_DIR/${modelId}.`
  );
}

export async function checkLocalModel(
  modelsDir: string,
  modelId: string,
  kind: ModelKind,
  dtype: DtypeSetting,
): Promise<ModelStatus> {
  const folder = modelFolder(modelsDir, modelId);
  const required = requiredModelFiles(kind, dtype);
  const present = await Promise.all(
    required.map((f) =>
      access(path.join(folder, f)).then(
        () => true,
        () => false,
      ),
    ),
  );
  const missing = required.filter((_, i) => !present[i]);
  if (missing.length === 0) return { state: 'ready', modelId };
  return { state: 'missing', modelId, path: folder, howToInstall: howToInstall(modelId, missing) };
}

/** Throws a `model_missing` PipelineError unless the folder is complete. */
async function requireLocalModel(
  modelsDir: string,
  modelId: string,
  kind: ModelKind,
  dtype: DtypeSetting,
): Promise<string> {
  const status = await checkLocalModel(modelsDir, modelId, kind, dtype);
  if (status.state === 'missing') {
    throw new PipelineError('model_missing', { message: status.howToInstall, detail: `Model folder MODELS_DIR/${modelId} is incomplete.`, field: 'MODELS_DIR' });
  }
  return modelFolder(modelsDir, modelId);
}

/**
 * The server must never reach for the internet unasked: remote hub access is
 * switched off for the whole process before any local load. ONNX weights are
 * looked up through `onnxPathCache`, so transformers.js hands onnxruntime
 * their path without first streaming each file into memory.
 */
function isolateFromNetwork(modelsDir: string): void {
  env.allowRemoteModels = false;
  env.localModelPath = path.resolve(modelsDir);
  env.useCustomCache = true;
  env.customCache = onnxPathCache(modelsDir, () => env);
}

function toLoadProgress(info: ProgressInfo): LoadProgress {
  return {
    status: info.status,
    ...('file' in info ? { file: info.file } : {}),
    ...('progress' in info ? { progress: info.progress } : {}),
  };
}

/** Options every local load passes to transformers.js `pipeline()`. */
export interface LocalLoadOptions {
  dtype: DtypeSetting;
  device: 'cpu';
  local_files_only: true;
  progress_callback?: (info: ProgressInfo) => void;
}

export interface LocalModelRef {
  task: string;
  kind: ModelKind;
  modelsDir: string;
  modelId: string;
  dtype: DtypeSetting;
  onProgress?: ProgressListener | undefined;
}

/**
 * Checks the folder, then leases the process-wide pipeline for
 * (task, folder, dtype), loading it through `load` on first use. `load` gets
 * the absolute folder rather than the id on purpose: transformers.js memoises
 * configs by model id process-wide, and two model dirs may hold the same id.
 */
export async function leaseLocalPipeline<P extends { dispose(): Promise<void> }>(
  ref: LocalModelRef,
  load: (folder: string, options: LocalLoadOptions) => Promise<P>,
): Promise<PipelineLease<P>> {
  const folder = await requireLocalModel(ref.modelsDir, ref.modelId, ref.kind, ref.dtype);
  const { onProgress } = ref;
  return leasePipeline(JSON.stringify([ref.task, folder, ref.dtype]), async () => {
    isolateFromNetwork(ref.modelsDir);
    try {
      return await load(folder, {
        dtype: ref.dtype,
        device: 'cpu',
        local_files_only: true,
        ...(onProgress ? { progress_callback: (info: ProgressInfo) => onProgress(toLoadProgress(info)) } : {}),
      });
    } catch (cause) {
      // The folder is named relative to MODELS_DIR: users read the message, and the server's paths are not theirs.
      throw new PipelineError('model_load_failed', {
        message: `Modellen ${ref.modelId} kunde inte laddas. Kontrollera modellmappen MODELS_DIR/${ref.modelId} (\`npm run models -- verify\`).`,
        detail: `transformers.js could not load ${ref.modelId} (${ref.task}, dtype ${JSON.stringify(ref.dtype)}) from MODELS_DIR/${ref.modelId}.`,
        field: 'MODELS_DIR',
        cause,
      });
    }
  });
}

/** One lease per adapter instance: concurrent first calls share it, a failed one is retried next time, dispose releases it. */
export class LeaseSlot<P> {
  private lease: Promise<PipelineLease<P>> | null = null;
  constructor(private readonly open: () => Promise<PipelineLease<P>>) {}

  get(): Promise<PipelineLease<P>> {
    this.lease ??= this.open().catch((error: unknown) => {
      this.lease = null;
      throw error;
    });
    return this.lease;
  }

  async release(): Promise<void> {
    const lease = this.lease;
    this.lease = null;
    await (await lease?.catch(() => null))?.release();
  }
}
