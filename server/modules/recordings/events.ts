import type { Request, Response } from 'express';
import type { TranscriptionState } from '../../contracts/api/recordings';
import { transcriptionStates } from './state';
import type { AppDeps } from '../../deps';
import type { RecordingRow } from './access';
import { windowSegments } from './windows';

/**
 * The live transcript as Server-Sent Events. The stream reads the database,
 * not an in-process emitter, so it shows windows transcribed by any worker
 * process. On PostgreSQL it reads when a `recording` or `job` notice arrives
 * (LISTEN/NOTIFY, see events/bus.ts) and otherwise only once a minute, in
 * case a notice was lost; on SQLite it polls every 300 ms. `segment` events
 * carry window segments in window order (event id `w<index>`, so a
 * reconnecting EventSource resumes after the last one it got); `status`
 * events carry the recording's and the job's state, and the last one names
 * the finished transcript (or the failure, or that the job waits for a
 * model).
 */
const POLL_MS = 300;
const SAFETY_POLL_MS = 60_000;
const HEARTBEAT_MS = 15_000;

/** The `status` event (contracts/api/recordings.ts StatusEventSchema); the row's statuses are plain strings here. */
interface Snapshot {
  recording: string;
  windows: { total: number; done: number };
  job: { status: string; progress: number; progressNote: string | null; error: string | null } | null;
  transcriptId: string | null;
  state: TranscriptionState;
}

function lastSentIndex(req: Request): number {
  const header = req.headers['last-event-id'];
  const match = typeof header === 'string' ? /^w(\d{1,9})$/.exec(header) : null;
  return match ? Number(match[1]) : -1;
}

async function snapshot(deps: AppDeps, recordingId: string): Promise<{ state: Snapshot; jobId: string | null } | null> {
  const db = deps.db.prisma;
  const recording = await db.recording.findUnique({ where: { id: recordingId }, select: { status: true, jobId: true } });
  if (!recording) return null;
  const [total, done, job, transcript] = await Promise.all([
    db.recordingWindow.count({ where: { recordingId } }),
    db.recordingWindow.count({ where: { recordingId, status: 'done' } }),
    recording.jobId ? db.job.findUnique({ where: { id: recording.jobId }, select: { status: true, progress: true, progressNote: true, error: true } }) : null,
    db.transcript.findFirst({ where: { recordingId, source: 'asr', deletedAt: null }, select: { id: true }, orderBy: { createdAt: 'desc' } }),
  ]);
  const [state] = await transcriptionStates(deps, [{ recordingStatus: recording.status, jobStatus: job?.status ?? null, transcribed: transcript !== null }]);
  return { state: { recording: recording.status, windows: { total, done }, job, transcriptId: transcript?.id ?? null, state: state! }, jobId: recording.jobId };
}

/** Starts the stream and returns at once; the response stays open until the transcript is done or the client leaves. */
export function streamRecordingEvents(deps: AppDeps, req: Request, res: Response, recording: RecordingRow): void {
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no', // tell nginx-style proxies not to buffer the stream
  });
  res.flushHeaders();
  res.write('retry: 2000\n\n');

  let sentThrough = lastSentIndex(req);
  let lastStatus = '';
  let lastWrite = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running = false;
  let again = false;
  const pushed = deps.events.kind === 'push';
  const unsubscribe: (() => void)[] = [];
  let followedJob: string | null = null;
  const open = deps.services.recordingStreams;
  const heartbeat = setInterval(() => {
    if (Date.now() - lastWrite < HEARTBEAT_MS) return;
    res.write(': ping\n\n');
    lastWrite = Date.now();
  }, HEARTBEAT_MS);
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    clearInterval(heartbeat);
    for (const off of unsubscribe) off();
    open.delete(stop);
    res.end();
  };
  open.add(stop);
  req.on('close', stop);

  const send = (event: string, data: unknown, id?: string) => {
    res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    lastWrite = Date.now();
  };

  const tick = async () => {
    const windows = await deps.db.prisma.recordingWindow.findMany({
      where: { recordingId: recording.id, index: { gt: sentThrough } },
      orderBy: { index: 'asc' },
    });
    for (const window of windows) {
      // Strict window order, so the transcript on screen only ever grows at the end.
      if (window.index !== sentThrough + 1 || window.status === 'queued') break;
      for (const segment of windowSegments(window)) send('segment', { window: window.index, ...segment }, `w${window.index}`);
      sentThrough = window.index;
    }
    const now = await snapshot(deps, recording.id);
    if (!now) return stop();
    if (now.jobId && now.jobId !== followedJob) {
      followedJob = now.jobId;
      unsubscribe.push(deps.events.subscribe('job', now.jobId, look));
    }
    const text = JSON.stringify(now.state);
    if (text !== lastStatus) {
      send('status', now.state);
      lastStatus = text;
    }
    const { state } = now.state;
    // A job waiting for a model may wait for days: the page follows it through /jobs/:id instead of an open stream.
    if (state === 'transcribed' || state === 'failed' || state === 'deleted' || state === 'waiting') return stop();
  };

  /** Read now; notices arriving meanwhile make one more read, never a pile of them. */
  function look(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    tick()
      .catch((error: unknown) => {
        deps.logger.error('recording.events_failed', { code: recording.id, error });
        stop();
      })
      .finally(() => {
        running = false;
        if (stopped) return;
        if (again) {
          again = false;
          look();
        } else timer = setTimeout(look, pushed ? SAFETY_POLL_MS : POLL_MS);
      });
  }
  unsubscribe.push(deps.events.subscribe('recording', recording.id, look));
  look();
}
