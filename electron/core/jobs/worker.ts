/**
 * The job worker's entry (built to out/main/jobs-worker.js): answers each request with runJob (the core's import
 * and export functions). It runs as an Electron utility process (`process.parentPort`, in the desktop app) or as a
 * worker_threads Worker under plain Node (tests), with the same code: only the port differs.
 */
import { parentPort } from 'node:worker_threads';
import { runJob, type JobRequest } from './tasks';

type ElectronPort = { postMessage(m: unknown): void; on(e: 'message', l: (e: { data: unknown }) => void): void };
const electronPort = (process as unknown as { parentPort?: ElectronPort }).parentPort;

if (electronPort) {
  electronPort.on('message', (e) => void runJob(e.data as JobRequest).then((reply) => electronPort.postMessage(reply)));
} else if (parentPort) {
  const port = parentPort;
  port.on('message', (m) => void runJob(m as JobRequest).then((reply) => port.postMessage(reply)));
} else {
  throw new Error('jobs-worker: started neither as a utility process nor as a worker thread');
}
