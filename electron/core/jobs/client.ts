/**
 * Runs the import and export TASKS in a worker instead of the calling thread, behind the same Jobs interface the
 * service uses: the desktop app's main process hands each file to an Electron utility process, so no file can freeze
 * the window, and a file that needs more memory than the worker may use ends that worker, not the app.
 *
 * A worker is started on first use and kept; if it dies (out of memory, crash), every job it held fails with a
 * coded message naming the file, and the next job starts a new one.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { UserError } from '../errors';
import { exportFileName } from '../export/render';
import type { PlanPackage } from '../model/types';
import { reviveBuffers, TASKS, type JobReply, type JobRequest, type Jobs, type TaskName } from './tasks';

/** One worker, whatever runs it: send a message, hear replies, hear it end. */
export interface JobChannel {
  postMessage(message: JobRequest): void;
  onMessage(listener: (reply: JobReply) => void): void;
  /** Called once when the worker ends by itself; `outOfMemory` when it ran out of its heap. */
  onExit(listener: (info: { outOfMemory: boolean; detail: string }) => void): void;
  kill(): void;
}

/** The heap a worker may use (MB): a plan's files need a few hundred at most. */
export const WORKER_HEAP_MB = 1024;

/** The file a job is about, for messages: the imported file's name, or the export's file name. */
function fileOf(task: TaskName, args: unknown[]): string {
  if (task === 'renderExport') {
    const [pkg, format, parts] = args as [PlanPackage, 'json' | 'docx' | 'xlsx', undefined];
    try {
      return exportFileName(pkg, format, parts);
    } catch {
      return String(format);
    }
  }
  // #23: the report's file name; the return workbooks by the first one's name (a period's files go together).
  if (task === 'renderReportFile') return String((args[0] as { fileName?: unknown } | undefined)?.fileName ?? '');
  if (task === 'renderReturnBooks') return String((args[0] as Array<{ fileName?: unknown }> | undefined)?.[0]?.fileName ?? '');
  return String(args[1] ?? '');
}

/** The Jobs interface over workers started by `spawn`; `close()` ends the current worker. */
export function createJobClient(spawn: () => JobChannel): Jobs & { close(): void } {
  let channel: JobChannel | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void; file: string }>();

  const start = (): JobChannel => {
    const c = spawn();
    c.onMessage((reply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if ('result' in reply) job.resolve(reviveBuffers(reply.result));
      else {
        const { message, user, code, params, problems } = reply.error;
        job.reject(user ? new UserError(message, problems ?? [], code ? { code, params } : undefined) : new Error(message));
      }
    });
    c.onExit(({ outOfMemory, detail }) => {
      if (channel === c) channel = null;
      for (const [id, job] of pending) {
        pending.delete(id);
        job.reject(
          outOfMemory
            ? UserError.coded('job.outOfMemory', { file: job.file, limit: WORKER_HEAP_MB }, `${job.file}: reading or writing this file needs more than ${WORKER_HEAP_MB} MB of memory; nothing was changed.`)
            : UserError.coded('job.stopped', { file: job.file, detail }, `${job.file}: the work stopped before it was done (${detail}); nothing was changed.`),
        );
      }
    });
    return c;
  };

  const call = (task: TaskName) => (...args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, file: fileOf(task, args) });
      try {
        (channel ??= start()).postMessage({ id, task, args });
      } catch (e) {
        pending.delete(id);
        reject(e);
      }
    });

  const jobs = Object.fromEntries(Object.keys(TASKS).map((task) => [task, call(task as TaskName)])) as unknown as Jobs;
  return Object.assign(jobs, {
    close: () => {
      const c = channel;
      channel = null;
      c?.kill();
    },
  });
}

/**
 * A worker_threads channel running the built worker entry (`out/main/jobs-worker.js`) with a heap limit: for
 * Node (tests, a Node host). Electron's main uses a utility process instead (electron/main/index.ts).
 */
export function workerThreadChannel(entry: string | URL, resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB }): JobChannel {
  const worker = new Worker(entry, { resourceLimits });
  let ended = false;
  let error: Error | null = null;
  const exitListeners: Array<(info: { outOfMemory: boolean; detail: string }) => void> = [];
  worker.on('error', (e) => (error = e));
  worker.on('exit', (code) => {
    if (ended) return;
    ended = true;
    const outOfMemory = (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    for (const l of exitListeners) l({ outOfMemory, detail: error?.message ?? `exit code ${code}` });
  });
  return {
    postMessage: (m) => worker.postMessage(m),
    onMessage: (l) => worker.on('message', l),
    onExit: (l) => exitListeners.push(l),
    kill: () => {
      ended = true;
      void worker.terminate();
    },
  };
}
