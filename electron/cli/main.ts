/**
 * The command line: headless, no Electron. `npm run cli -- <command> …`, each with `--db FILE`.
 * Errors go to stderr with exit code 1; a user's mistake gets one line that names the file or field.
 */
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from '../core/store/open';
import type { ReleaseLock } from '../core/store/lock';
import { errorText, isUserError, UserError } from '../core/errors';
import { argvLang, codedText, translate, type MessageLang, type MessageValues } from '../core/model/messages';
import { settleStorePath } from '../core/data-folder';
import type { CompareSide, DocxPart, ExportFormat, SoanApi } from '../core/api/contract';
import type { RenderedFile } from '../core/export/render';
import type { CodedMessage } from '../core/model/messages';
import { writeFileSafely, type SafeWriteOptions } from '../core/files/safe-write';
import { decodeUtf8 } from '../core/files/utf8';

// Every other module is imported by the command that needs it (`await import`), so `help` loads none of them; the
// service (api/service.ts) loads its heavy readers and writers (exceljs, docx) only when a command uses them.
const storeModule = () => import('../core/store/open');
const serviceModule = () => import('../core/api/service');

/**
 * The SoanApi over one store, as the app and the HTTP host use it, and where its exports go: the file the
 * command names (`exportTo`), or back to the command (`exportBytes`, to copy a plan into the scratch store).
 */
interface CliService {
  api: SoanApi;
  /** #23: runs `work` with the files of a many-file export (the return workbooks) going into `folder`. */
  filesInto<T>(folder: string, work: () => Promise<T>): Promise<T>;
  /** #23: runs `work` with the one file it exports going to `file` (a report). */
  fileTo<T>(file: string, work: () => Promise<T>): Promise<T>;
  exportTo(planId: number, format: ExportFormat, file: string, parts?: DocxPart[]): Promise<CodedMessage[]>;
  exportBytes(planId: number, format: ExportFormat): Promise<Buffer>;
}

/**
 * `beforeWrite`: run after a file is read and before the plan made from it is written (the store's lock is taken
 * there: a broken file is reported at once, without waiting for the app to let go of the store).
 */
async function cliService(db: Db, dataFile: string, safety: SafeWriteOptions, beforeWrite?: () => Promise<unknown>): Promise<CliService> {
  let onFile: ((file: RenderedFile) => void) | null = null;
  let intoFolder: string | null = null;
  const { DIRECT_JOBS } = await import('../core/jobs/direct');
  const thenLock = <A extends unknown[], R>(job: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    const read = await job(...args);
    await beforeWrite?.();
    return read;
  };
  const api = (await serviceModule()).createService(db, {
    info: { version: process.env.npm_package_version ?? '', dataFile, shell: 'cli' },
    jobs: { ...DIRECT_JOBS, readExchange: thenLock(DIRECT_JOBS.readExchange), importDocx: thenLock(DIRECT_JOBS.importDocx), packageFromWorkbook: thenLock(DIRECT_JOBS.packageFromWorkbook) },
    deliver: async (file) => {
      if (!onFile) throw new Error('an export with nowhere to go');
      onFile(file);
      return { kind: 'saved', path: file.fileName, fileId: '', notes: file.notes };
    },
    // #23: the return workbooks go into the folder the command names (made if missing), each file as `export` writes one.
    deliverFiles: async (files) => {
      if (!intoFolder) throw new Error('files with nowhere to go');
      const folder = intoFolder;
      mkdirSync(folder, { recursive: true });
      const written = files.map((f) => {
        const path = join(folder, f.fileName);
        writeOut(path, f.bytes, safety);
        return { fileName: f.fileName, path };
      });
      return { kind: 'saved', folder, files: written };
    },
  });
  const run = async (planId: number, format: ExportFormat, handle: (file: RenderedFile) => void, parts?: DocxPart[]) => {
    onFile = handle;
    try {
      const result = await api.exportPlan(planId, format, parts);
      return result.kind === 'saved' ? result.notes : [];
    } finally {
      onFile = null;
    }
  };
  return {
    api,
    filesInto: async (folder, work) => {
      intoFolder = folder;
      try {
        return await work();
      } finally {
        intoFolder = null;
      }
    },
    fileTo: async (file, work) => {
      onFile = (rendered) => writeOut(file, rendered.bytes, safety);
      try {
        return await work();
      } finally {
        onFile = null;
      }
    },
    exportTo: (planId, format, file, parts) => run(planId, format, (rendered) => writeOut(file, rendered.bytes, safety), parts),
    exportBytes: async (planId, format) => {
      let bytes: Buffer = Buffer.alloc(0);
      await run(planId, format, (rendered) => (bytes = rendered.bytes));
      return bytes;
    },
  };
}

import { importKindText, importNoteText, type ImportReport } from '../core/model/import-report';

/** The import report, one line per note: `Đoán — hãy kiểm tra\tdòng 7: …` (the kind, then the note). */
function printReport(report: ImportReport, lang: MessageLang, out: (line: string) => void): void {
  for (const note of report.notes) out(`${importKindText(note.kind, lang)}\t${importNoteText(note, lang)}`);
}

/** What the year-after-the-signature commands need from the command line (#23). */
interface YearLoopContext {
  /** The plan named: a store id (the store's lock taken: these commands write tracking data) or an exchange file. */
  plan(name: string | undefined): Promise<{ service: CliService; planId: number }>;
  say: Say;
  lang: MessageLang;
  out: (line: string) => void;
  readBytes(file: string): Buffer;
  writeOut(file: string, bytes: Buffer | string): void;
}

/** `--period 2025-q1`, required. */
function periodOption(args: string[], command: string): string {
  const period = takeOption(args, '--period');
  if (!period) throw UserError.coded('cli.needsPeriod', { command }, `${command} needs --period (2025-q1, 2025-h1, 2025-q3, 2025-year).`);
  return period;
}

/** Each argument a return workbook, or a folder whose .xlsx files are read (sorted by name, Office lock files left out). */
function returnFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let isFolder = false;
    try {
      isFolder = statSync(p).isDirectory();
    } catch (e) {
      throw cannotRead(p, e);
    }
    if (!isFolder) files.push(p);
    else for (const f of readdirSync(p).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$')).sort()) files.push(join(p, f));
  }
  return files;
}

/**
 * #23, the year after the signature, through the service: `issue`, `returns`, `read-returns`, `status`, `report`.
 * Resolves to the exit code (`read-returns`: 1 when a file was refused).
 */
async function yearLoop(command: string, args: string[], ctx: YearLoopContext): Promise<number> {
  const { say, out, lang } = ctx;
  switch (command) {
    case 'issue': {
      const number = takeOption(args, '--number');
      const date = takeOption(args, '--date');
      const pdfFile = takeOption(args, '--pdf');
      const symbol = takeOption(args, '--symbol');
      if (!number || !date) throw UserError.coded('cli.issueNeeds', {}, 'issue needs --number N and --date YYYY-MM-DD.');
      const pdf = pdfFile ? { name: basename(pdfFile), base64: ctx.readBytes(pdfFile).toString('base64') } : undefined;
      const { service, planId } = await ctx.plan(args[0]);
      const state = await service.api.issuePlan(planId, { number, date, ...(symbol ? { symbol } : {}), ...(pdf ? { pdf } : {}) });
      out(say('tracking.cli.issued', { citation: state.citation ?? '' }));
      const last = state.issues.at(-1);
      if (last?.pdf) out(say('tracking.cli.pdfKept', { file: last.pdf.name, size: last.pdf.size }));
      return 0;
    }
    case 'returns': {
      const period = periodOption(args, command);
      const folder = takeOption(args, '--out');
      const units = takeOption(args, '--units');
      if (!folder) throw UserError.coded('cli.returnsNeedsOut', {}, 'returns needs --out FOLDER (where the workbooks go).');
      const { service, planId } = await ctx.plan(args[0]);
      const result = await service.filesInto(folder, () => service.api.writeReturns(planId, period, units ? units.split(',').map((u) => u.trim()).filter(Boolean) : undefined));
      if (result.kind === 'saved') {
        for (const f of result.files) out(say('cli.wrote', { file: f.path }));
        out(say('tracking.cli.returnsWritten', { count: result.files.length, period, folder: result.folder }));
      }
      return 0;
    }
    case 'read-returns': {
      const period = periodOption(args, command);
      const [plan, ...paths] = args;
      if (!paths.length) throw UserError.coded('cli.readReturnsNeedsFiles', {}, 'read-returns needs the return workbooks, or folders holding them.');
      const files = returnFiles(paths).map((f) => ({ name: basename(f), base64: ctx.readBytes(f).toString('base64') }));
      const { service, planId } = await ctx.plan(plan);
      const report = await service.api.readReturns(planId, period, files);
      for (const f of report.files) {
        const outcome = say(`tracking.outcome.${f.outcome}`);
        if (f.outcome === 'refused') out(say('tracking.cli.refusedLine', { file: f.file, outcome, why: f.refusal ? codedText(f.refusal, lang) : '' }));
        else out(say('tracking.cli.fileLine', { file: f.file, outcome, unit: f.unit?.name ?? '', ...f.counts }));
        for (const n of f.notes) out(say('tracking.cli.noteLine', { kind: say(`tracking.cli.noteKind.${n.kind}`), text: codedText(n.message, lang) }));
      }
      const s = report.summary;
      out(say('tracking.cli.summary', { ...s, sent: s.unitsSent, expected: s.unitsExpected }));
      return s.refused > 0 ? 1 : 0;
    }
    case 'status': {
      const period = periodOption(args, command);
      const file = takeOption(args, '--json');
      if (!file) throw UserError.coded('cli.statusNeedsJson', {}, 'status needs --json OUT.json.');
      const { service, planId } = await ctx.plan(args[0]);
      const view = await service.api.trackingView(planId, period);
      const { statusJson } = await import('../core/model/status-json');
      ctx.writeOut(file, JSON.stringify(statusJson(view), null, 2) + '\n');
      out(say('cli.wrote', { file }));
      const sent = view.units.filter((u) => u.leads > 0 && u.sent).length;
      const expected = view.units.filter((u) => u.leads > 0).length;
      const t = view.totals;
      out(say('tracking.cli.statusSummary', { period: view.period.label, total: t.total, done: t.done + t.doneLate, rate: `${(Math.round(t.rate * 1000) / 10).toFixed(1)}%`, overdue: t.overdue, unreported: t.unreported, sent, expected }));
      if (view.missing.length) out(say('tracking.cli.missing', { units: view.missing.map((m) => m.name).join(', ') }));
      return 0;
    }
    case 'report': {
      const period = periodOption(args, command);
      const docx = takeOption(args, '--docx');
      const xlsx = takeOption(args, '--xlsx');
      if (!docx) throw UserError.coded('cli.reportNeedsDocx', {}, 'report needs --docx OUT.docx (and optionally --xlsx OUT.xlsx).');
      const { service, planId } = await ctx.plan(args[0]);
      for (const [format, file] of [['docx', docx], ['xlsx', xlsx]] as const) {
        if (!file) continue;
        const result = await service.fileTo(file, () => service.api.exportReport(planId, period, format));
        if (result.kind === 'saved') for (const note of result.notes) out(say('cli.note', { text: codedText(note, lang) }));
        out(say('cli.wrote', { file }));
      }
      return 0;
    }
  }
  return 0;
}

/** The variable that chooses the command line's language when `--lang` is not given (`vi` or `en`). */
export const CLI_LANG_ENV = 'SOAN_LANG';

/**
 * The language of the command's messages: `--lang vi|en` (taken out of `args`), else $SOAN_LANG, else Vietnamese.
 * A wrong `--lang` is refused; a wrong $SOAN_LANG is ignored (it may be set for other programs).
 */
function takeLang(args: string[]): MessageLang {
  const lang = takeOption(args, '--lang');
  if (lang === undefined) return envLang();
  if (lang !== 'vi' && lang !== 'en') throw UserError.coded('cli.badLang', { value: lang }, `--lang is vi or en (not "${lang}").`);
  return lang;
}

function envLang(): MessageLang {
  return process.env[CLI_LANG_ENV] === 'en' ? 'en' : 'vi';
}

/**
 * The language to print an error in, read from the command line without failing (the error may be about the
 * command line itself): `--lang en` or $SOAN_LANG=en, else Vietnamese.
 */
export function cliLang(argv: readonly string[]): MessageLang {
  return argvLang(argv, process.env[CLI_LANG_ENV]);
}

/** The line the command prints on stderr for an error: `Lỗi: …` with the catalogue's text of a coded error. */
export function cliErrorLine(e: UserError, lang: MessageLang): string {
  return translate('cli.error', { message: errorText(e, lang) }, lang);
}

/** One line of the command's own output, in its language. */
type Say = (key: string, values?: MessageValues) => string;

/** How long a write command waits for the app (or another command) to let go of the store. */
export const CLI_LOCK_WAIT_MS = 3000;

/** The help text in `lang` (the catalogue's `cli.usage`). */
export function usage(lang: MessageLang = 'vi'): string {
  return translate('cli.usage', { wait: CLI_LOCK_WAIT_MS / 1000 }, lang);
}

function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw UserError.coded('cli.needsValue', { option: name }, `${name} needs a value.`);
  args.splice(i, 2);
  return value;
}

/**
 * PLAN is a store id (a plan of the user's store), or the path of an exchange file, read into the scratch store
 * (in memory, never the user's): either way the command then asks the service about a plan id.
 */
async function planArgument(plan: string | undefined, user: () => Promise<CliService>, scratch: () => Promise<CliService>): Promise<{ service: CliService; planId: number }> {
  if (!plan) throw UserError.coded('cli.planMissing', {}, 'Name the plan: its id (see `list`) or an exchange .json file.');
  if (/^\d+$/.test(plan)) return { service: await user(), planId: Number(plan) };
  if (plan.toLowerCase().endsWith('.json')) {
    const service = await scratch();
    return { service, planId: (await service.api.importPlan(plan, readText(plan))).id };
  }
  throw UserError.coded('cli.planBad', { plan }, `"${plan}" is neither a plan id nor a .json exchange file.`);
}

/** `3` (plan 3 as it is now) or `3@12` (its version 12): one side of `compare`. */
function compareSide(text: string): CompareSide {
  const m = /^(\d+)(?:@(\d+))?$/.exec(text);
  if (!m) throw UserError.coded('cli.sideBad', { side: text }, `"${text}" is not PLAN or PLAN@VERSION.`);
  return { planId: Number(m[1]), versionId: m[2] === undefined ? null : Number(m[2]) };
}

/** A file the command was given cannot be read: one line naming it and the system's reason (ENOENT …). */
function cannotRead(file: string, e: unknown): UserError {
  const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return UserError.coded('cli.cannotRead', { file, reason }, `${file}: cannot read the file (${reason}).`);
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw cannotRead(file, e);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw cannotRead(file, e);
  }
}

/** Never over the store, its companions or backups; an existing file only with --force; whole or not at all. */
function writeOut(file: string, bytes: Buffer | string, safety: SafeWriteOptions): void {
  writeFileSafely(file, bytes, safety);
}

/** Runs one command; resolves to the process exit code (1 when `check` finds errors). */
export async function runCli(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { path: storePath, rest } = await settleStorePath(argv);
  const args = [...rest];
  const lang = takeLang(args);
  const say: Say = (key, values = {}) => translate(key, values, lang);
  const command = args.shift();
  const force = args.includes('--force');
  if (force) args.splice(args.indexOf('--force'), 1);
  const safety: SafeWriteOptions = { protect: [storePath], overwrite: force };
  let db: Db | null = null;
  let scratchDb: Db | null = null;
  const store = async () => (db ??= (await storeModule()).openStore(storePath));
  // Writes need the store's lock (one writer: the app, or this command); reads do not (WAL).
  let release: ReleaseLock | null = null;
  const writableStore = async () => {
    const { waitForStoreLock } = await import('../core/store/lock');
    release ??= await waitForStoreLock(storePath, 'cli', { timeoutMs: CLI_LOCK_WAIT_MS });
    return store();
  };
  let userService: CliService | null = null;
  let scratchService: CliService | null = null;
  /** The service over the user's store; a file it imports is written with the store's lock, taken once the file is read. */
  const user = async () => (userService ??= await cliService(await store(), storePath, safety, writableStore));
  /** The service over a scratch store in memory: plans read from files, and plans made only to be written out. */
  const scratch = async () => (scratchService ??= await cliService((scratchDb ??= (await storeModule()).openStore(':memory:')), ':memory:', safety));
  try {
    switch (command) {
      case 'list': {
        for (const p of await (await user()).api.listPlans()) out(say('cli.listRow', { id: p.id, year: p.year, rows: p.rowCount, title: p.title }));
        return 0;
      }
      case 'import': {
        const file = args[0];
        if (!file) throw UserError.coded('cli.needsFile', { command: 'import', kind: '.json' }, 'import needs a .json exchange file.');
        // Invalid UTF-8 and lone surrogates are replaced, and said so, never altered silently.
        const notes: CodedMessage[] = [];
        const decoded = decodeUtf8(readBytes(file));
        if (decoded.replaced) notes.push({ key: 'cli.notUtf8', values: { file: basename(file), count: decoded.replaced } });
        const summary = await (await user()).api.importPlan(file, decoded.text);
        for (const note of [...notes, ...summary.notes]) out(say('cli.note', { text: codedText(note, lang) }));
        out(say('cli.imported', { title: summary.title, rows: summary.rowCount, file: basename(file) }));
        out(String(summary.id));
        return 0;
      }
      case 'export': {
        const parts = takeOption(args, '--parts')?.split(',') as DocxPart[] | undefined;
        const targets = (['json', 'docx', 'xlsx'] as ExportFormat[])
          .map((format) => ({ format, file: takeOption(args, `--${format}`) }))
          .filter((t): t is { format: ExportFormat; file: string } => t.file !== undefined);
        if (!targets.length) throw UserError.coded('cli.exportNeedsTarget', {}, 'export needs --json OUT.json, --docx OUT.docx or --xlsx OUT.xlsx.');
        if (parts?.some((p) => !['decision', 'plan', 'appendix'].includes(p))) throw UserError.coded('cli.badParts', {}, '--parts takes decision, plan and/or appendix.');
        const { service, planId } = await planArgument(args[0], user, scratch);
        for (const t of targets) {
          for (const note of await service.exportTo(planId, t.format, t.file, parts)) out(say('cli.note', { text: codedText(note, lang) }));
          out(say('cli.wrote', { file: t.file }));
        }
        return 0;
      }
      case 'check': {
        // A stored plan is checked with its own list of abbreviations, as the app checks it (the service reads it).
        const { service, planId } = await planArgument(args[0], user, scratch);
        const findings = await service.api.checkPlan(planId, lang);
        // Severity and message in the command's language; the rule id and the path are identifiers for scripts.
        for (const f of findings) out(`${say(`cli.severity.${f.severity}`)}\t${f.rule}\t${f.path}\t${f.message}`);
        const { countFindings } = await import('../core/checks');
        const counts = countFindings(findings);
        out(say('cli.checkSummary', { error: counts.error, warning: counts.warning, info: counts.info }));
        return counts.error > 0 ? 1 : 0;
      }
      case 'rollover': {
        const yearText = takeOption(args, '--year');
        const outFile = takeOption(args, '--json');
        if (!yearText || !/^\d{4}$/.test(yearText)) throw UserError.coded('cli.rolloverNeedsYear', {}, 'rollover needs --year YYYY (the new plan year).');
        if (!outFile) throw UserError.coded('cli.rolloverNeedsJson', {}, 'rollover needs --json OUT.json (where to write the new plan).');
        const source = await planArgument(args[0], user, scratch);
        // Next year's plan is made in the scratch store and written out: the user's store is only read.
        const work = await scratch();
        const planId = source.service === work ? source.planId : (await work.api.importPlan(`${args[0]}.json`, (await source.service.exportBytes(source.planId, 'json')).toString('utf8'))).id;
        const { formatProposal } = await import('../core/rollover');
        const year = Number(yearText);
        for (const p of await work.api.proposeRollover(planId, year)) out(formatProposal(p, lang));
        const next = await work.api.applyRollover(planId, year, 'all');
        await work.exportTo(next.id, 'json', outFile);
        out(say('cli.wrote', { file: outFile }));
        return 0;
      }
      case 'import-docx': {
        const file = args[0];
        if (!file) throw UserError.coded('cli.needsFile', { command: 'import-docx', kind: '.docx' }, 'import-docx needs a .docx file.');
        const data = readBytes(file);
        const imported = await (await user()).api.importDocx(basename(file), data.toString('base64'));
        for (const w of imported.warnings) out(say('cli.warning', { text: codedText(w, lang) }));
        printReport(imported.report, lang, out);
        const parts = (['decision', 'body', 'appendix'] as const).filter((p) => imported.found?.[p]).map((p) => say(`cli.part.${p}`)).join(', ');
        out(say('cli.importedParts', { title: imported.title, parts, rows: imported.rowCount, file: basename(file) }));
        out(String(imported.id));
        return 0;
      }
      case 'import-xlsx': {
        const into = takeOption(args, '--into');
        const file = args[0];
        if (!file) throw UserError.coded('cli.needsFile', { command: 'import-xlsx', kind: '.xlsx' }, 'import-xlsx needs an .xlsx file.');
        const data = readBytes(file);
        if (into) {
          // The app's "take rows from a department's file": each row against PLAN's appendix (new, same, changed).
          const { service, planId } = await planArgument(into, user, scratch);
          const merge = await service.api.readMergeFile(planId, basename(file), data.toString('base64'));
          for (const w of merge.warnings) out(say('cli.warning', { text: codedText(w, lang) }));
          if (merge.otherYear !== null) out(say('cli.warning', { text: say('cli.otherYear', { file: basename(file), fileYear: merge.otherYear, planYear: (await service.api.openPlan(planId)).summary.year }) }));
          if (merge.report) printReport(merge.report, lang, out);
          // What taking the rows will ask (the app's "Cơ quan trong tệp" and unplaced columns): nothing is dropped or added unsaid.
          const fileName = basename(file);
          for (const caption of merge.unplacedColumns) out(say('cli.warning', { text: say('cli.unplacedColumn', { file: fileName, caption }) }));
          const { pkg } = await service.api.openPlan(planId);
          const { fileSpellings } = await import('../core/model/merge-take');
          const agencyKeys = new Set(pkg.appendix.columns.filter((c) => c.kind === 'agencies').map((c) => c.key));
          for (const { spelling, match } of fileSpellings(merge.proposals.filter((p) => p.status !== 'same'), agencyKeys, pkg.agencies)) {
            if (match.kind === 'exact' || match.kind === 'spelling') continue;
            const line =
              match.kind === 'none' ? say('cli.agencyUnknown', { file: fileName, spelling })
              : match.kind === 'ambiguous' ? say('cli.agencyAmbiguous', { file: fileName, spelling, names: match.candidates.map((a) => a.name).join('; ') })
              : say('cli.agencyLikely', { file: fileName, spelling, name: match.agency.name, how: say(`agencyMatch.kind.${match.kind}`) });
            out(say('cli.warning', { text: line }));
          }
          for (const p of merge.proposals) {
            const task = (p.texts[Object.keys(p.texts)[0]] ?? '').slice(0, 80);
            const match = p.match ? say('cli.match', { number: p.match.number, score: p.match.score.toFixed(2) }) : say('cli.noMatch');
            out(`${say(`cli.proposal.${p.status}`)}\t${p.number}\t${match}\t${task}`);
          }
          return 0;
        }
        const imported = await (await user()).api.importXlsx(basename(file), data.toString('base64'));
        for (const w of imported.warnings) out(say('cli.warning', { text: codedText(w, lang) }));
        printReport(imported.report, lang, out);
        out(say('cli.imported', { title: imported.title, rows: imported.rowCount, file: basename(file) }));
        out(String(imported.id));
        return 0;
      }
      case 'versions': {
        const { service, planId } = await planArgument(args[0], user, scratch);
        const list = await service.api.listVersions(planId);
        if (!list.length) out(say('cli.noVersions', { id: planId }));
        for (const v of list) out(say('cli.versionRow', { id: v.id, kind: say(`versionKind.${v.kind}`), date: v.createdAt, name: v.name }));
        return 0;
      }
      case 'compare': {
        if (args.length < 2) throw UserError.coded('cli.compareNeedsTwo', {}, 'compare needs two sides: compare PLAN[@VERSION] PLAN[@VERSION].');
        const [from, to] = args.slice(0, 2).map(compareSide);
        const comparison = await (await user()).api.compareSides(from, to);
        const { printComparison } = await import('./compare-lines');
        printComparison(comparison, say, out);
        return 0;
      }
      case 'issue':
      case 'returns':
      case 'read-returns':
      case 'status':
      case 'report':
        return await yearLoop(command, args, {
          plan: (name) => planArgument(name, async () => (await writableStore(), user()), scratch),
          say,
          lang,
          out,
          readBytes,
          writeOut: (file, bytes) => writeOut(file, bytes, safety),
        });
      case 'sample': {
        const file = args[0];
        if (!file) throw UserError.coded('cli.needsOutput', {}, 'sample needs the output file name.');
        const work = await scratch();
        await work.exportTo((await work.api.createPlan('sample')).id, 'json', file);
        out(say('cli.wrote', { file }));
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
        out(usage(lang));
        return 0;
      default:
        throw UserError.coded('cli.unknownCommand', { command, usage: usage(lang) }, `Unknown command "${command}".\n\n${usage('en')}`);
    }
  } catch (e) {
    // Damage or a disk problem met while the command ran: one coded line (the transaction was rolled back).
    if (isUserError(e)) throw e;
    const { storeDiskError } = await storeModule();
    throw storeDiskError(e, storePath, 'the command stopped; nothing more was written') ?? e;
  } finally {
    (db as Db | null)?.close();
    (scratchDb as Db | null)?.close();
    (release as ReleaseLock | null)?.();
  }
}

// Run only when executed directly — as the source (tsx) or as the build (launch.mjs sets argv[1] to it); tests import runCli.
if (process.argv[1] && /(electron[\\/]cli[\\/]main\.ts|out[\\/]cli[\\/]main\.js)$/.test(process.argv[1])) {
  // `… | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  const lang = cliLang(process.argv.slice(2));
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (e: unknown) => {
    console.error(isUserError(e) ? cliErrorLine(e, lang) : e);
    process.exitCode = 1;
  });
}
