/**
 * The heavy, store-free steps of imports and exports, as one table: the same core functions the service calls
 * directly, named so that a worker can run them off the main thread (see worker.ts and client.ts). Each takes and
 * returns plain data (packages, strings, bytes), which the structured clone carries between threads/processes.
 */
import type { CodedMessage } from '../model/messages';
import { isUserError } from '../errors';
import { importDocx } from '../import/docx';
import { parseExchange } from '../exchange/exchange';
import { renderExport } from '../export/render';
import { packageFromWorkbook } from '../import/xlsx/new-plan';
import { renderReportFile, renderReturnBooks } from '../tracking/render';
import { parseReturnBook } from '../tracking/returns-parse';

export const TASKS = {
  /** A plan package → the bytes of one export format (DOCX, XLSX, exchange JSON). */
  renderExport,
  /** A Word file → a plan package and the reader's warnings. */
  importDocx,
  /** An appendix workbook → a plan package and the reader's warnings. */
  packageFromWorkbook,
  /** An exchange file's text → a validated plan package. */
  parseExchange: async (text: string, fileName: string) => parseExchange(text, fileName),
  /** The same, with the notes of what the reader repaired on the way (the CLI prints them). */
  readExchange: async (text: string, fileName: string) => {
    const notes: CodedMessage[] = [];
    return { pkg: parseExchange(text, fileName, notes), notes };
  },
  /** #23: the return workbooks of a period, one per unit (models built by the service from the store). */
  renderReturnBooks,
  /** #23: a returned workbook → its manifest and rows, before they are held against the plan. */
  parseReturnBook,
  /** #23: the period's report (DOCX) or status table (XLSX). */
  renderReportFile,
};

export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;
/** The tasks as the service calls them: each returns a promise, wherever it runs. */
export type Jobs = { [K in TaskName]: (...args: Parameters<Tasks[K]>) => Promise<Awaited<ReturnType<Tasks[K]>>> };

// The tasks run in the calling thread, each module loaded on first use: DIRECT_JOBS in direct.ts.

/** A message to the worker. */
export interface JobRequest {
  id: number;
  task: TaskName;
  args: unknown[];
}

/** The worker's answer: the result, or the error with its code for the UI. */
export type JobReply =
  | { id: number; result: unknown }
  | { id: number; error: { message: string; user: boolean; code?: string; params?: Record<string, string | number>; problems?: string[] } };

/**
 * Buffers come back from a structured clone as plain Uint8Arrays: turns them into Buffers again, at any depth of
 * plain objects and arrays (RenderedFile.bytes, and the like).
 */
export function reviveBuffers<T>(value: T): T {
  if (value instanceof Uint8Array) return (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)) as T;
  if (Array.isArray(value)) return value.map(reviveBuffers) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = reviveBuffers(v);
    return out as T;
  }
  return value;
}

/** Runs one request against TASKS and answers it; errors travel as data so that a coded UserError keeps its code. */
export async function runJob(request: JobRequest): Promise<JobReply> {
  try {
    if (!Object.prototype.hasOwnProperty.call(TASKS, request.task)) throw new Error(`unknown job "${String(request.task)}"`);
    const run = TASKS[request.task] as (...a: unknown[]) => Promise<unknown>;
    return { id: request.id, result: await run(...reviveBuffers(request.args)) };
  } catch (e) {
    const user = isUserError(e);
    return {
      id: request.id,
      error: {
        message: (e as Error).message,
        user,
        ...(user && e.code ? { code: e.code, params: e.params ?? {} } : {}),
        ...(user && e.problems.length ? { problems: e.problems } : {}),
      },
    };
  }
}
