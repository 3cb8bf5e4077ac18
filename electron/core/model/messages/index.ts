/**
 * The one message catalogue: every text the program says to a person (errors, import reports, export notes,
 * the checker's findings and fixes, the command line's own lines) as a key with `{{name}}` values, in Vietnamese (the default) and English.
 *
 * The JSON files beside this module are read by the core and the command line through `translate`, and by the
 * renderer's i18next, which merges them with its screen texts (renderer/src/locales): the desktop app, the
 * browser host and the command line say the same words. Pure, no Node: the renderer imports it.
 */
import viErrors from './vi/errors.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import viImportReport from './vi/import-report.json' with { type: 'json' };
import enImportReport from './en/import-report.json' with { type: 'json' };
import viCli from './vi/cli.json' with { type: 'json' };
import enCli from './en/cli.json' with { type: 'json' };
import viExport from './vi/export.json' with { type: 'json' };
import enExport from './en/export.json' with { type: 'json' };
import viExchange from './vi/exchange.json' with { type: 'json' };
import enExchange from './en/exchange.json' with { type: 'json' };
import viMenu from './vi/menu.json' with { type: 'json' };
import enMenu from './en/menu.json' with { type: 'json' };
import viRollover from './vi/rollover.json' with { type: 'json' };
import enRollover from './en/rollover.json' with { type: 'json' };
import viChecks from './vi/checks.json' with { type: 'json' };
import enChecks from './en/checks.json' with { type: 'json' };
import viImportWarning from './vi/import-warning.json' with { type: 'json' };
import enImportWarning from './en/import-warning.json' with { type: 'json' };
import viHost from './vi/host.json' with { type: 'json' };
import enHost from './en/host.json' with { type: 'json' };
import viAgencyMatch from './vi/agency-match.json' with { type: 'json' };
import enAgencyMatch from './en/agency-match.json' with { type: 'json' };
import viVersionKind from './vi/version-kind.json' with { type: 'json' };
import enVersionKind from './en/version-kind.json' with { type: 'json' };
import viTracking from './vi/tracking.json' with { type: 'json' };
import enTracking from './en/tracking.json' with { type: 'json' };

/** The languages of the catalogue; Vietnamese is the default wherever no language is given. */
export const MESSAGE_LANGUAGES = ['vi', 'en'] as const;
export type MessageLang = (typeof MESSAGE_LANGUAGES)[number];

/** Values filled into a message's `{{name}}` placeholders. */
export type MessageValues = Record<string, string | number>;

type Tree = { [key: string]: string | Tree };

/** The catalogue files of each language, as the renderer merges them into its own (one namespace). */
export const MESSAGE_FILES: Record<MessageLang, Record<string, Tree>> = {
  vi: {
    'errors.json': viErrors, 'import-report.json': viImportReport, 'cli.json': viCli, 'export.json': viExport, 'exchange.json': viExchange,
    'menu.json': viMenu, 'rollover.json': viRollover, 'checks.json': viChecks, 'import-warning.json': viImportWarning, 'host.json': viHost,
    'agency-match.json': viAgencyMatch, 'version-kind.json': viVersionKind,
    'tracking.json': viTracking,
  },
  en: {
    'errors.json': enErrors, 'import-report.json': enImportReport, 'cli.json': enCli, 'export.json': enExport, 'exchange.json': enExchange,
    'menu.json': enMenu, 'rollover.json': enRollover, 'checks.json': enChecks, 'import-warning.json': enImportWarning, 'host.json': enHost,
    'agency-match.json': enAgencyMatch, 'version-kind.json': enVersionKind,
    'tracking.json': enTracking,
  },
};

function deepMerge(into: Tree, from: Tree): Tree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] = typeof existing === 'object' && typeof value === 'object' ? deepMerge({ ...existing }, value) : value;
  }
  return into;
}

function merged(lang: MessageLang): Tree {
  const out: Tree = {};
  for (const file of Object.values(MESSAGE_FILES[lang])) deepMerge(out, file);
  return out;
}

const CATALOGUE: Record<MessageLang, Tree> = { vi: merged('vi'), en: merged('en') };

/** `'en'` for `en`, `en-US` …; Vietnamese for anything else (the default). */
export function messageLang(lang: string | undefined | null): MessageLang {
  return lang && lang.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/**
 * The language a command line asks for, never failing: `--lang en` in `argv`, else `env` (the value of
 * $SOAN_LANG) when it is `en`, else Vietnamese. (The CLI refuses a wrong `--lang` itself.)
 */
export function argvLang(argv: readonly string[], env: string | undefined): MessageLang {
  const i = argv.indexOf('--lang');
  if (i >= 0) return argv[i + 1] === 'en' ? 'en' : 'vi';
  return env === 'en' ? 'en' : 'vi';
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Whether `key` (`errors.plan.notFound`) has a text in `lang`. */
export function hasMessage(key: string, lang: MessageLang = 'vi'): boolean {
  return lookup(CATALOGUE[lang], key) !== undefined;
}

/** Fills `{{name}}` with `values.name`; a placeholder without a value stays as written. */
export function fillMessage(text: string, values: MessageValues = {}): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : m,
  );
}

/**
 * The text of `key` (a dotted path such as `errors.plan.notFound` or `cli.wrote`) in `lang`, values filled in,
 * as i18next fills them in the UI (`{{name}}`, no escaping). A key missing in English falls back to Vietnamese;
 * a key missing in both comes back as the key itself (a test keeps every used key in both languages).
 */
export function translate(key: string, values: MessageValues = {}, lang: MessageLang = 'vi'): string {
  const text = lookup(CATALOGUE[lang], key) ?? lookup(CATALOGUE.vi, key);
  return text === undefined ? key : fillMessage(text, values);
}

/** A message as data: a key of the catalogue and its values; the reader's language decides the words. */
export interface CodedMessage {
  key: string;
  values: MessageValues;
}

/**
 * The value of a coded error that lists its problems (a bad exchange file's fields): the coded lines as JSON,
 * so they travel through the IPC and HTTP error encodings as one plain value and are translated by the reader.
 */
export const LINES_VALUE = 'lines';

/** `lines` as the value `LINES_VALUE` of a coded error. */
export function linesValue(lines: readonly CodedMessage[]): string {
  return JSON.stringify(lines.map(({ key, values }) => ({ key, values })));
}

/**
 * The values of a coded error made readable in one language by `tr`:
 * - a value named `<name>Key` holds a key of the catalogue, whose text (filled with the same values) becomes
 *   `<name>`: a detail worded in the reader's language (`whyKey: 'errors.zip.why.truncated'` → `why`);
 * - `lines` (see `linesValue`) becomes `problems`, one problem per line.
 * Other values come back as they are.
 */
export function withProblemLines(values: MessageValues, tr: (key: string, values: MessageValues) => string): MessageValues {
  const out: MessageValues = { ...values };
  for (const [name, value] of Object.entries(values)) {
    if (name.endsWith('Key') && name.length > 3 && typeof value === 'string') out[name.slice(0, -3)] = tr(value, values);
  }
  const raw = values[LINES_VALUE];
  if (typeof raw !== 'string') return out;
  let lines: CodedMessage[];
  try {
    lines = JSON.parse(raw) as CodedMessage[];
  } catch {
    return out;
  }
  return { ...out, problems: lines.map((l) => tr(l.key, l.values ?? {})).join('\n  ') };
}

/**
 * A coded message (an import warning, an export note …) in `lang`: the catalogue's text of its key with its
 * values, the `<name>Key` values (a place in a file, a list of rows) worded in the same language first.
 */
export function codedText(message: CodedMessage, lang: MessageLang = 'vi'): string {
  const tr = (key: string, values: MessageValues) => translate(key, values, lang);
  return tr(message.key, withProblemLines(message.values ?? {}, tr));
}
