/**
 * The command line: headless, no Electron. `npm run cli -- <command> …`, each with `--db FILE`.
 * Errors go to stderr with exit code 1; a user's mistake gets one line that names the file or field.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Db } from '../core/store/open';
import type { ReleaseLock } from '../core/store/lock';
import { errorText, isUserError, UserError } from '../core/errors';
import { argvLang, translate, type MessageLang, type MessageValues } from '../core/model/messages';
import { settleStorePath } from '../core/data-folder';
import type { PlanPackage } from '../core/model/types';
import type { DocxPart, ExportFormat } from '../core/api/contract';
import type { CodedMessage } from '../core/model/messages';
import { writeFileSafely, type SafeWriteOptions } from '../core/files/safe-write';
import { decodeUtf8 } from '../core/files/utf8';

// Every other module is imported by the command that needs it (`await import`), so `help` loads none of them,
// `check` never loads exceljs, and `export --docx` never loads the Excel reader: a command pays only for its own work.
const storeModules = async () => {
  const [open, plans] = await Promise.all([import('../core/store/open'), import('../core/store/plans')]);
  return { ...open, ...plans };
};
const exchangeModule = () => import('../core/exchange/exchange');

import { importKindText, importNoteText, type ImportReport } from '../core/model/import-report';

/** The import report, one line per note: `Đoán — hãy kiểm tra\tdòng 7: …` (the kind, then the note). */
function printReport(report: ImportReport, lang: MessageLang, out: (line: string) => void): void {
  for (const note of report.notes) out(`${importKindText(note.kind, lang)}\t${importNoteText(note, lang)}`);
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

/** PLAN is a store id, or the path of an exchange file (read without touching the store). */
async function loadPlanArgument(plan: string | undefined, db: () => Promise<Db>): Promise<PlanPackage> {
  if (!plan) throw UserError.coded('cli.planMissing', {}, 'Name the plan: its id (see `list`) or an exchange .json file.');
  if (/^\d+$/.test(plan)) return (await storeModules()).loadPlan(await db(), Number(plan)).pkg;
  if (plan.toLowerCase().endsWith('.json')) return (await exchangeModule()).parseExchange(readText(plan), plan);
  throw UserError.coded('cli.planBad', { plan }, `"${plan}" is neither a plan id nor a .json exchange file.`);
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
  const store = async () => (db ??= (await storeModules()).openStore(storePath));
  // Writes need the store's lock (one writer: the app, or this command); reads do not (WAL).
  let release: ReleaseLock | null = null;
  const writableStore = async () => {
    const { waitForStoreLock } = await import('../core/store/lock');
    release ??= await waitForStoreLock(storePath, 'cli', { timeoutMs: CLI_LOCK_WAIT_MS });
    return store();
  };
  try {
    switch (command) {
      case 'list': {
        const { listPlans } = await storeModules();
        for (const p of listPlans(await store())) out(say('cli.listRow', { id: p.id, year: p.year, rows: p.rowCount, title: p.title }));
        return 0;
      }
      case 'import': {
        const file = args[0];
        if (!file) throw UserError.coded('cli.needsFile', { command: 'import', kind: '.json' }, 'import needs a .json exchange file.');
        // Invalid UTF-8 and lone surrogates are replaced, and said so, never altered silently.
        const notes: CodedMessage[] = [];
        const decoded = decodeUtf8(readBytes(file));
        if (decoded.replaced) notes.push({ key: 'cli.notUtf8', values: { file: basename(file), count: decoded.replaced } });
        const pkg = (await exchangeModule()).parseExchange(decoded.text, file, notes);
        for (const note of notes) out(say('cli.note', { text: say(note.key, note.values) }));
        const summary = (await storeModules()).createPlan(await writableStore(), pkg);
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
        const pkg = await loadPlanArgument(args[0], store);
        const { renderExport } = await import('../core/export/render');
        for (const t of targets) {
          const file = await renderExport(pkg, t.format, parts);
          writeOut(t.file, file.bytes, safety);
          for (const note of file.notes) out(say('cli.note', { text: say(note.key, note.values) }));
          out(say('cli.wrote', { file: t.file }));
        }
        return 0;
      }
      case 'check': {
        const { checkPlan, countFindings } = await import('../core/checks');
        const { readKnownAbbreviations } = await import('../core/store/check-settings');
        // A stored plan is checked with its own list of abbreviations, as the app checks it.
        const knownAbbreviations = args[0] && /^\d+$/.test(args[0]) ? readKnownAbbreviations(await store(), Number(args[0])) : [];
        const findings = checkPlan(await loadPlanArgument(args[0], store), { lang, knownAbbreviations });
        // Severity and message in the command's language; the rule id and the path are identifiers for scripts.
        for (const f of findings) out(`${say(`cli.severity.${f.severity}`)}\t${f.rule}\t${f.path}\t${f.message}`);
        const counts = countFindings(findings);
        out(say('cli.checkSummary', { error: counts.error, warning: counts.warning, info: counts.info }));
        return counts.error > 0 ? 1 : 0;
      }
      case 'rollover': {
        const yearText = takeOption(args, '--year');
        const outFile = takeOption(args, '--json');
        if (!yearText || !/^\d{4}$/.test(yearText)) throw UserError.coded('cli.rolloverNeedsYear', {}, 'rollover needs --year YYYY (the new plan year).');
        if (!outFile) throw UserError.coded('cli.rolloverNeedsJson', {}, 'rollover needs --json OUT.json (where to write the new plan).');
        const pkg = await loadPlanArgument(args[0], store);
        const { applyRollover, formatProposal, proposeRollover } = await import('../core/rollover');
        const { serializeExchange } = await exchangeModule();
        const year = Number(yearText);
        for (const p of proposeRollover(pkg, year)) out(formatProposal(p, lang));
        writeOut(outFile, serializeExchange(applyRollover(pkg, year, 'all')), safety);
        out(say('cli.wrote', { file: outFile }));
        return 0;
      }
      case 'import-docx': {
        const file = args[0];
        if (!file) throw UserError.coded('cli.needsFile', { command: 'import-docx', kind: '.docx' }, 'import-docx needs a .docx file.');
        const data = readBytes(file);
        const { importDocx } = await import('../core/docx-import');
        const { pkg, warnings, found, report } = await importDocx(data, basename(file));
        for (const w of warnings) out(say('cli.warning', { text: w }));
        printReport(report, lang, out);
        const parts = (['decision', 'body', 'appendix'] as const).filter((p) => found[p]).map((p) => say(`cli.part.${p}`)).join(', ');
        const summary = (await storeModules()).createPlan(await writableStore(), pkg);
        out(say('cli.importedParts', { title: summary.title, parts, rows: summary.rowCount, file: basename(file) }));
        out(String(summary.id));
        return 0;
      }
      case 'import-xlsx': {
        const into = takeOption(args, '--into');
        const file = args[0];
        if (!file) throw UserError.coded('cli.needsFile', { command: 'import-xlsx', kind: '.xlsx' }, 'import-xlsx needs an .xlsx file.');
        const data = readBytes(file);
        if (into) {
          const pkg = await loadPlanArgument(into, store);
          const { importAppendixXlsx } = await import('../core/xlsx');
          const { proposalsAgainst } = await import('../core/merge/proposals');
          const incoming = await importAppendixXlsx(data, basename(file));
          for (const w of incoming.warnings) out(say('cli.warning', { text: w }));
          printReport(incoming.report, lang, out);
          for (const p of proposalsAgainst(pkg, incoming.appendix, incoming.agencies)) {
            const task = (p.texts[Object.keys(p.texts)[0]] ?? '').slice(0, 80);
            const match = p.match ? say('cli.match', { number: p.match.number, score: p.match.score.toFixed(2) }) : say('cli.noMatch');
            out(`${say(`cli.proposal.${p.status}`)}\t${p.number}\t${match}\t${task}`);
          }
          return 0;
        }
        const { packageFromWorkbook } = await import('../core/xlsx/new-plan');
        const { pkg, warnings, report } = await packageFromWorkbook(data, basename(file));
        for (const w of warnings) out(say('cli.warning', { text: w }));
        printReport(report, lang, out);
        const summary = (await storeModules()).createPlan(await writableStore(), pkg);
        out(say('cli.imported', { title: summary.title, rows: summary.rowCount, file: basename(file) }));
        out(String(summary.id));
        return 0;
      }
      case 'sample': {
        const file = args[0];
        if (!file) throw UserError.coded('cli.needsOutput', {}, 'sample needs the output file name.');
        const { loadSamplePackage } = await import('../core/sample');
        writeOut(file, (await exchangeModule()).serializeExchange(loadSamplePackage()), safety);
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
    const { storeDiskError } = await import('../core/store/open');
    throw storeDiskError(e, storePath, 'the command stopped; nothing more was written') ?? e;
  } finally {
    (db as Db | null)?.close();
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
