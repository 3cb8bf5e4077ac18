/**
 * The command line: headless, no Electron. `npm run cli -- <command> …`, each with `--db FILE`.
 * Errors go to stderr with exit code 1; a user's mistake gets one line that names the file or field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openStore, type Db } from '../core/store/open';
import { waitForStoreLock, type ReleaseLock } from '../core/store/lock';
import { createPlan, listPlans, loadPlan } from '../core/store/plans';
import { parseExchange, serializeExchange } from '../core/exchange/exchange';
import { loadSamplePackage } from '../core/sample';
import { renderExport } from '../core/export/render';
import { isUserError, UserError } from '../core/errors';
import { resolveStorePath } from '../core/paths';
import type { PlanPackage } from '../core/model/types';
import type { DocxPart, ExportFormat } from '../core/api/contract';
import { packageFromWorkbook } from '../core/xlsx/new-plan';
import { importAppendixXlsx } from '../core/xlsx';
import { proposalsAgainst } from '../core/merge/proposals';
import { applyRollover, formatProposal, proposeRollover } from '../core/rollover';
import { checkPlan, countFindings } from '../core/checks';
import { importDocx } from '../core/docx-import';
import { importNoteText, type ImportReport } from '../core/model/import-report';

/** The import report, one line per note: `guessed\tdòng 7: …`. */
function printReport(report: ImportReport, lang: 'vi' | 'en', out: (line: string) => void): void {
  for (const note of report.notes) out(`${note.kind}\t${importNoteText(note, lang)}`);
}

function langOption(args: string[]): 'vi' | 'en' {
  const lang = takeOption(args, '--lang') ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') throw new UserError('--lang is vi or en.');
  return lang;
}

/** How long a write command waits for the app (or another command) to let go of the store. */
export const CLI_LOCK_WAIT_MS = 3000;

const USAGE = `Soạn Kế hoạch — command line

  npm run cli -- list                                  plans in the store (id, year, rows, title)
  npm run cli -- import FILE.json                      import an exchange file; prints the new id last
  npm run cli -- export PLAN --json|--docx|--xlsx OUT  export a plan (PLAN: an id or an exchange file)
                 [--parts decision,plan,appendix]      (DOCX) only some of the three documents
  npm run cli -- sample OUT.json                       write the bundled sample as an exchange file
  npm run cli -- check PLAN [--lang en]                one line per finding of the format and consistency
                                                       checker; exit code 1 when there are errors
  npm run cli -- rollover PLAN --year 2025 --json OUT  next year's plan with every proposed change of year
                                                       accepted; prints each change: place, before, after, reason
  npm run cli -- import-docx FILE.docx [--lang en]     read last year's Word file (Decision, Plan, appendix); prints the import report
                                                       into a new plan; prints its id last
  npm run cli -- import-xlsx FILE.xlsx [--lang en]     read an appendix workbook into a new plan; prints the import report, its id last
  npm run cli -- import-xlsx FILE.xlsx --into PLAN     list its rows against PLAN's appendix: new, same, changed

Every command takes --db FILE (default: $SOAN_KE_HOACH_DB, else the user's data folder).
Commands that write (import, import-docx, import-xlsx without --into) wait up to ${CLI_LOCK_WAIT_MS / 1000} s while the app has the
data file open, then refuse; the others only read it.`;

function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UserError(`${name} needs a value.`);
  args.splice(i, 2);
  return value;
}

/** PLAN is a store id, or the path of an exchange file (read without touching the store). */
function loadPlanArgument(plan: string | undefined, db: () => Db): PlanPackage {
  if (!plan) throw new UserError('Name the plan: its id (see `list`) or an exchange .json file.');
  if (/^\d+$/.test(plan)) return loadPlan(db(), Number(plan)).pkg;
  if (plan.toLowerCase().endsWith('.json')) return parseExchange(readText(plan), plan);
  throw new UserError(`"${plan}" is neither a plan id nor a .json exchange file.`);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
}

function writeOut(file: string, bytes: Buffer | string): void {
  try {
    writeFileSync(file, bytes);
  } catch (e) {
    throw new UserError(`${file}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
}

/** Runs one command; resolves to the process exit code (1 when `check` finds errors). */
export async function runCli(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { path: storePath, rest } = resolveStorePath(argv);
  const args = [...rest];
  const command = args.shift();
  let db: Db | null = null;
  const store = () => (db ??= openStore(storePath));
  // Writes need the store's lock (one writer: the app, or this command); reads do not (WAL).
  let release: ReleaseLock | null = null;
  const writableStore = async () => {
    release ??= await waitForStoreLock(storePath, 'cli', { timeoutMs: CLI_LOCK_WAIT_MS });
    return store();
  };
  try {
    switch (command) {
      case 'list': {
        for (const p of listPlans(store())) out(`${p.id}\t${p.year}\t${p.rowCount} rows\t${p.title}`);
        return 0;
      }
      case 'import': {
        const file = args[0];
        if (!file) throw new UserError('import needs a .json exchange file.');
        const pkg = parseExchange(readText(file), file);
        const summary = createPlan(await writableStore(), pkg);
        out(`Imported "${summary.title}" (${summary.rowCount} rows) from ${basename(file)} as plan:`);
        out(String(summary.id));
        return 0;
      }
      case 'export': {
        const parts = takeOption(args, '--parts')?.split(',') as DocxPart[] | undefined;
        const targets = (['json', 'docx', 'xlsx'] as ExportFormat[])
          .map((format) => ({ format, file: takeOption(args, `--${format}`) }))
          .filter((t): t is { format: ExportFormat; file: string } => t.file !== undefined);
        if (!targets.length) throw new UserError('export needs --json OUT.json, --docx OUT.docx or --xlsx OUT.xlsx.');
        if (parts?.some((p) => !['decision', 'plan', 'appendix'].includes(p))) throw new UserError('--parts takes decision, plan and/or appendix.');
        const pkg = loadPlanArgument(args[0], store);
        for (const t of targets) {
          const file = await renderExport(pkg, t.format, parts);
          writeOut(t.file, file.bytes);
          for (const note of file.notes) out(`note: ${note}`);
          out(`Wrote ${t.file}`);
        }
        return 0;
      }
      case 'check': {
        const lang = takeOption(args, '--lang') ?? 'vi';
        if (lang !== 'vi' && lang !== 'en') throw new UserError('--lang is vi or en.');
        const findings = checkPlan(loadPlanArgument(args[0], store), { lang });
        for (const f of findings) out(`${f.severity}\t${f.rule}\t${f.path}\t${f.message}`);
        const counts = countFindings(findings);
        out(`${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`);
        return counts.error > 0 ? 1 : 0;
      }
      case 'rollover': {
        const yearText = takeOption(args, '--year');
        const outFile = takeOption(args, '--json');
        if (!yearText || !/^\d{4}$/.test(yearText)) throw new UserError('rollover needs --year YYYY (the new plan year).');
        if (!outFile) throw new UserError('rollover needs --json OUT.json (where to write the new plan).');
        const pkg = loadPlanArgument(args[0], store);
        const year = Number(yearText);
        for (const p of proposeRollover(pkg, year)) out(formatProposal(p));
        writeOut(outFile, serializeExchange(applyRollover(pkg, year, 'all')));
        out(`Wrote ${outFile}`);
        return 0;
      }
      case 'import-docx': {
        const lang = langOption(args);
        const file = args[0];
        if (!file) throw new UserError('import-docx needs a .docx file.');
        let data: Buffer;
        try {
          data = readFileSync(file);
        } catch (e) {
          throw new UserError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
        }
        const { pkg, warnings, found, report } = await importDocx(data, basename(file));
        for (const w of warnings) out(`warning: ${w}`);
        printReport(report, lang, out);
        const parts = (['decision', 'body', 'appendix'] as const).filter((p) => found[p]).join(', ');
        const summary = createPlan(await writableStore(), pkg);
        out(`Imported "${summary.title}" (${parts}; ${summary.rowCount} rows) from ${basename(file)} as plan:`);
        out(String(summary.id));
        return 0;
      }
      case 'import-xlsx': {
        const lang = langOption(args);
        const into = takeOption(args, '--into');
        const file = args[0];
        if (!file) throw new UserError('import-xlsx needs an .xlsx file.');
        let data: Buffer;
        try {
          data = readFileSync(file);
        } catch (e) {
          throw new UserError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
        }
        if (into) {
          const pkg = loadPlanArgument(into, store);
          const incoming = await importAppendixXlsx(data, basename(file));
          for (const w of incoming.warnings) out(`warning: ${w}`);
          printReport(incoming.report, lang, out);
          for (const p of proposalsAgainst(pkg, incoming.appendix, incoming.agencies)) {
            const task = (p.texts[Object.keys(p.texts)[0]] ?? '').slice(0, 80);
            const match = p.match ? `row ${p.match.number} (score ${p.match.score.toFixed(2)})` : '-';
            out(`${p.status}\t${p.number}\t${match}\t${task}`);
          }
          return 0;
        }
        const { pkg, warnings, report } = await packageFromWorkbook(data, basename(file));
        for (const w of warnings) out(`warning: ${w}`);
        printReport(report, lang, out);
        const summary = createPlan(await writableStore(), pkg);
        out(`Imported "${summary.title}" (${summary.rowCount} rows) from ${basename(file)} as plan:`);
        out(String(summary.id));
        return 0;
      }
      case 'sample': {
        const file = args[0];
        if (!file) throw new UserError('sample needs the output file name.');
        writeOut(file, serializeExchange(loadSamplePackage()));
        out(`Wrote ${file}`);
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
        out(USAGE);
        return 0;
      default:
        throw new UserError(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } finally {
    (db as Db | null)?.close();
    (release as ReleaseLock | null)?.();
  }
}

// Run only when executed directly (tests import runCli).
if (process.argv[1] && /electron[\\/]cli[\\/]main\.ts$/.test(process.argv[1])) {
  // `… | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (e: unknown) => {
    console.error(isUserError(e) ? `Error: ${e.message}` : e);
    process.exitCode = 1;
  });
}
