/**
 * The smoke run of a packaged app (`soan-ke-hoach.exe --smoke-test`, run by the Windows release job after
 * packaging): opens a store in a new temporary folder (first start installs the sample), lets the shell load its
 * window over that store, exports the sample's DOCX and XLSX through the API into the same folder, reads both back
 * with the app's own readers, removes the folder, and reports. Plain Node: main runs it with a window, the tests
 * and the CLI without one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { SoanApi } from './api/contract';
import { openAppStore } from './app-store';
import { importDocx } from './import/docx';
import type { RenderedFile } from './export/render';
import { STORE_FILE } from './paths';
import type { Jobs } from './jobs/tasks';
import type { ServiceOptions } from './api/service';
import { createWrittenFiles, type WrittenFiles } from './files/written-files';

export interface SmokeOptions {
  /** The app's version, for the store's info. */
  version: string;
  shell: 'electron' | 'browser';
  /** Shows the app over `api` and resolves once the page has rendered (main: a hidden window); rejects otherwise. */
  loadWindow?(api: SoanApi): Promise<void>;
  /** Where imports and exports run (the desktop app: its utility process); default this thread. */
  jobs?: Jobs;
  /** The session's written files (main's own, so that its IPC answers for them); the exports are noted there. */
  written?: WrittenFiles;
  /** Opening an exported file or its folder (main: over Electron's shell); the smoke run never calls them itself. */
  files?: ServiceOptions['files'];
  /** Where the temporary folder is made (default: the OS temp folder). */
  tempRoot?: string;
  /** Keep the temporary folder (to inspect it); by default it is removed. */
  keep?: boolean;
  log?(line: string): void;
}

export interface SmokeFile {
  format: 'docx' | 'xlsx';
  path: string;
  bytes: number;
}

export interface SmokeReport {
  ok: true;
  folder: string;
  planTitle: string;
  /** Rows of the appendix as the store holds them, and as read back from each file. */
  rows: number;
  files: SmokeFile[];
  docxRowsRead: number;
  xlsxSheets: string[];
  windowLoaded: boolean;
}

/**
 * Runs the smoke test; resolves with the report, or rejects with an Error naming the step that failed.
 * The store is always closed and (unless `keep`) the folder removed, pass or fail.
 */
export async function runSmokeTest(options: SmokeOptions): Promise<SmokeReport> {
  const log = options.log ?? (() => undefined);
  const folder = mkdtempSync(join(options.tempRoot ?? tmpdir(), 'soan-smoke-'));
  const storePath = join(folder, STORE_FILE);
  const written: SmokeFile[] = [];
  const writtenFiles = options.written ?? createWrittenFiles();
  const deliver = async (file: RenderedFile) => {
    const path = join(folder, file.fileName);
    writeFileSync(path, file.bytes);
    written.push({ format: file.fileName.endsWith('.xlsx') ? 'xlsx' : 'docx', path, bytes: file.bytes.length });
    return { kind: 'saved' as const, path, fileId: writtenFiles.remember(path), notes: file.notes };
  };
  const step = async <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
    try {
      const result = await run();
      log(`smoke: ${name}: ok`);
      return result;
    } catch (e) {
      throw new Error(`smoke test failed at "${name}": ${(e as Error).message}`, { cause: e });
    }
  };
  const store = await step('open a temporary store', () =>
    openAppStore({
      storePath,
      info: { version: options.version, dataFile: storePath, shell: options.shell },
      deliver,
      files: options.files,
      jobs: options.jobs,
      chooseExportFolder: async () => null,
      warn: log,
    }),
  );
  try {
    const plans = await step('the sample is installed', async () => {
      const list = await store.api.listPlans();
      if (list.length !== 1) throw new Error(`expected the sample as the one plan, found ${list.length}`);
      return list;
    });
    const opened = await store.api.openPlan(plans[0].id);
    const pkg = opened.pkg;
    const rows = pkg.appendix.groups.reduce((n, g) => n + g.rows.length, 0);
    let windowLoaded = false;
    if (options.loadWindow) {
      await step('load the window', () => options.loadWindow!(store.api));
      windowLoaded = true;
    }
    await step('export the DOCX', () => store.api.exportPlan(plans[0].id, 'docx'));
    await step('export the XLSX', () => store.api.exportPlan(plans[0].id, 'xlsx'));
    const docx = written.find((f) => f.format === 'docx');
    const xlsx = written.find((f) => f.format === 'xlsx');
    if (!docx || !xlsx) throw new Error('smoke test failed at "export": a file was not written');
    const docxRowsRead = await step('the DOCX opens', async () => {
      const back = await importDocx(readFileSync(docx.path), docx.path);
      const read = back.pkg.appendix.groups.reduce((n, g) => n + g.rows.length, 0);
      if (!back.found.decision || !back.found.appendix) throw new Error('the Decision or the appendix is missing');
      if (read !== rows) throw new Error(`the appendix has ${read} rows, the store ${rows}`);
      return read;
    });
    const xlsxSheets = await step('the XLSX opens', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(xlsx.path) as unknown as ArrayBuffer);
      const names = wb.worksheets.map((w) => w.name);
      const firstTask = pkg.appendix.groups.flatMap((g) => g.rows)[0];
      const taskKey = pkg.appendix.columns.find((c) => c.role === 'task')?.key;
      const cell0 = taskKey ? firstTask?.cells[taskKey] : undefined;
      // The sheet may wrap or trim a long task: its first 40 characters are enough to recognise it.
      const wanted = typeof cell0 === 'string' ? cell0.trim().slice(0, 40) : null;
      let seen = false;
      wb.worksheets[0]?.eachRow((row) => row.eachCell((cell) => (seen ||= wanted !== null && String(cell.text).includes(wanted))));
      if (!names.length) throw new Error('the workbook has no sheet');
      if (!seen) throw new Error('the first task is not in the first sheet');
      return names;
    });
    return { ok: true, folder, planTitle: pkg.title, rows, files: written, docxRowsRead, xlsxSheets, windowLoaded };
  } finally {
    await store.close();
    if (!options.keep) rmSync(folder, { recursive: true, force: true });
  }
}
