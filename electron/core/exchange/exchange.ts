import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { UserError } from '../errors';
import { linesValue, translate, type CodedMessage, type MessageValues } from '../model/messages';
import { isValidIsoDate } from '../model/dates';
import type {
  Agency, AppendixRow, BodyNode, BodyNumbering, CellValue, ColumnDef, Decision, Issuance, Issuer,
  Mention, PlanPackage, PlanPeriod, PlanTracking, RichText, RowNumbering, Run, Signer,
} from '../model/types';
import { resourcePath } from '../resources';
import { own } from '../model/keys';
import { deepNfc } from '../model/text';
import { IMPORT_FILE_MAX_BYTES, IMPORT_JSON_MAX_DEPTH, jsonNestingDepth } from '../files/input-guard';

export const EXCHANGE_FORMAT = 'soan-ke-hoach/plan';
/** The version export writes. Version 1 files still import: a v1 file is a v2 file without the v2 options. */
export const EXCHANGE_VERSION = 2;
/**
 * The minor version of v2 (#23): 1 adds `tracking` (issues, periods, units, returns, statuses, reports), written as
 * `"minor": 1` only in a file that carries it, so a plan never issued writes the same bytes as before.
 */
export const EXCHANGE_MINOR = 1;
/** The key of a row's sub-rows in a v2 file; it starts with "_" so no column key can ever be it. */
export const SUB_ROWS_KEY = '_rows';
/** The import limits (files/input-guard.ts), under the names the exchange reader's messages use. */
export const EXCHANGE_MAX_BYTES = IMPORT_FILE_MAX_BYTES;
const EXCHANGE_MAX_DEPTH = IMPORT_JSON_MAX_DEPTH;

const validators = new Map<number, ValidateFunction>();
/** The schema of one file version (1 or 2), compiled once. */
function schemaValidator(version: number): ValidateFunction {
  let validator = validators.get(version);
  if (!validator) {
    const schema = JSON.parse(readFileSync(resourcePath('schema', `plan.v${version}.schema.json`), 'utf8'));
    validator = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
    validators.set(version, validator);
  }
  return validator;
}

/** `/appendix/groups/2/rows/4/lead` → `appendix.groups[2].rows[4].lead`. */
export function jsonPointerToPath(pointer: string): string {
  if (!pointer) return '(root)';
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

/** One problem of a file: a code of the catalogue (`exchangeProblem.*`) with the field's path and values. */
function problem(key: string, path: string, values: MessageValues = {}): CodedMessage {
  return { key: `exchangeProblem.${key}`, values: { path, ...values } };
}

/** The schema's patterns, each with the advice that says how to write the value (never the regex itself). */
const PATTERN_ADVICE: Record<string, string> = {
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': 'date',
  '^[0-9]{0,10}$': 'digits',
  '^[^\\s/]*$': 'symbol',
  '^[a-z][a-z0-9-]{0,39}$': 'columnKey',
  '^([a-z][a-z0-9-]{0,39}|_rows)$': 'columnKey',
  '^[a-z0-9][a-z0-9-]{0,99}$': 'agencyKey',
};

const JSON_TYPES = ['string', 'integer', 'number', 'boolean', 'array', 'object'];

/** A short, shown form of a value: `"2022/12/26"` → `2022/12/26`, long text cut. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * One schema error as advice a person can act on, naming the field's path: "decision.date: "26/12/2022" is not
 * a date; write the date as 2022-12-26" (never ajv's own words, such as a raw regular expression).
 */
function describeAjvError(e: ErrorObject): CodedMessage {
  const path = jsonPointerToPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  const limit = Number(params.limit);
  switch (e.keyword) {
    case 'required':
      return problem('required', `${path === '(root)' ? '' : path + '.'}${String(params.missingProperty)}`);
    case 'additionalProperties':
      return problem('unknownField', path, { field: String(params.additionalProperty) });
    case 'not':
    case 'propertyNames': {
      // The only `not` of the schema: keys that every JavaScript object already has (model/keys.ts).
      const key = e.propertyName ?? String(e.data);
      return problem('reservedKey', path, { key });
    }
    case 'enum':
      return problem('oneOf', path, { allowed: JSON.stringify(params.allowedValues) });
    case 'const':
      return problem('const', path, { allowed: JSON.stringify(params.allowedValue) });
    case 'type': {
      const types = (Array.isArray(params.type) ? params.type : String(params.type).split(',')) as string[];
      const others = types.filter((t) => t !== 'null');
      if (others.length === 1 && types.length === 2 && JSON_TYPES.includes(others[0])) {
        return problem(`type.${others[0]}OrNull`, path);
      }
      if (types.length === 1 && [...JSON_TYPES, 'null'].includes(types[0])) return problem(`type.${types[0]}`, path);
      return problem('other', path, { keyword: 'type' });
    }
    case 'pattern':
      return problem(PATTERN_ADVICE[String(params.pattern)] ?? 'pattern', path, { value: shown(e.data) });
    case 'minLength':
      return limit === 1 ? problem('empty', path) : problem('minLength', path, { limit });
    case 'maxLength':
      return problem('maxLength', path, { limit, length: typeof e.data === 'string' ? [...e.data].length : '?' });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
      return problem(e.keyword, path, { limit, value: shown(e.data) });
    case 'minItems':
      return problem('minItems', path, { limit });
    case 'maxItems':
      return problem('maxItems', path, { limit, count: Array.isArray(e.data) ? e.data.length : '?' });
    case 'oneOf':
    case 'anyOf':
      return problem('noMatch', path);
    default:
      return problem('other', path, { keyword: e.keyword });
  }
}

/** A problem in English, as `UserError.problems` and logs carry it. */
function problemText(p: CodedMessage): string {
  return translate(p.key, p.values, 'en');
}

/**
 * Parses and validates an exchange file. Every problem is reported with its field path; nothing is partly accepted.
 * Lone surrogates (`"\ud800"`: not Unicode text) are replaced with U+FFFD and counted in a coded note added to `notes`.
 * A bad file throws the coded UserError `exchange.invalid`: one line per problem, each naming its field's path
 * (`problems` in English, the translated lines in its `lines` value).
 */
export function parseExchange(text: string, fileName = 'plan.json', notes: CodedMessage[] = []): PlanPackage {
  const name = basename(fileName);
  if (Buffer.byteLength(text, 'utf8') > EXCHANGE_MAX_BYTES) {
    const max = EXCHANGE_MAX_BYTES / 1024 / 1024;
    throw UserError.coded('exchange.tooLarge', { file: name, max }, `${name}: the file is larger than ${max} MB; a plan file is never that big.`);
  }
  if (jsonNestingDepth(text) > EXCHANGE_MAX_DEPTH) {
    throw UserError.coded(
      'exchange.tooDeep',
      { file: name, max: EXCHANGE_MAX_DEPTH },
      `${name}: the JSON is nested more than ${EXCHANGE_MAX_DEPTH} levels deep; this is not a plan file.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw notJson(name, text, (e as Error).message);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== EXCHANGE_FORMAT) {
    throw UserError.coded(
      'exchange.notPlanFile',
      { file: name, format: EXCHANGE_FORMAT },
      `${name}: not a Soạn Kế hoạch plan file (it needs "format": "${EXCHANGE_FORMAT}").`,
    );
  }
  const version = (data as { version?: unknown }).version;
  const minor = (data as { minor?: unknown }).minor;
  if (version === EXCHANGE_VERSION && typeof minor === 'number' && minor > EXCHANGE_MINOR) {
    throw UserError.coded(
      'exchange.tooNew',
      { file: name, version: `${version}.${minor}`, supported: `${EXCHANGE_VERSION}.${EXCHANGE_MINOR}` },
      `${name}: written in plan format version ${version}.${minor}, newer than this program reads (${EXCHANGE_VERSION}.${EXCHANGE_MINOR}). Update Soạn Kế hoạch to open it.`,
    );
  }
  if (typeof version === 'number' && version > EXCHANGE_VERSION) {
    throw UserError.coded(
      'exchange.tooNew',
      { file: name, version, supported: EXCHANGE_VERSION },
      `${name}: written in plan format version ${version}, newer than this program reads (${EXCHANGE_VERSION}). Update Soạn Kế hoạch to open it.`,
    );
  }
  // A v1 file is checked against the v1 schema (so a v1 file with v2 fields is refused, as before) and
  // then read as the v2 file it is: nothing of v1 changed meaning.
  const validate = schemaValidator(version === 1 ? 1 : EXCHANGE_VERSION);
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map(describeAjvError);
    throw invalid(name, dedupe(problems));
  }
  const repairs = { replaced: 0 };
  const pkg = fromExchangeObject(data as ExchangeDoc, repairs);
  if (repairs.replaced) notes.push({ key: 'exchangeNote.loneSurrogates', values: { file: name, count: repairs.replaced } });
  const problems = semanticProblemMessages(pkg);
  if (problems.length) throw invalid(name, problems);
  return pkg;
}

/** The same problem reported twice (ajv's allErrors) is shown once. */
function dedupe(lines: CodedMessage[]): CodedMessage[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    const id = JSON.stringify(l);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** JSON.parse's complaint as a place in the file (line and column) when it says one; its own (English) words stay in the log's message. */
function notJson(name: string, text: string, detail: string): UserError {
  const at = /position (\d+)/.exec(detail);
  if (at) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = Number(at[1]) - before.lastIndexOf('\n');
    return UserError.coded('exchange.notJsonAt', { file: name, line, column }, `${name}: not valid JSON (${detail}).`);
  }
  return UserError.coded('exchange.notJson', { file: name, detail }, `${name}: not valid JSON (${detail}).`);
}

/** At most this many problems are listed; the rest are counted in one line. */
const PROBLEMS_SHOWN = 20;

function invalid(name: string, problems: CodedMessage[]): UserError {
  const lines = problems.slice(0, PROBLEMS_SHOWN).map((p) => ({ key: p.key, values: p.values }));
  if (problems.length > lines.length) lines.push({ key: 'exchangeProblem.more', values: { count: problems.length - lines.length } });
  const english = lines.map(problemText);
  return UserError.coded(
    'exchange.invalid',
    { file: name, problems: english.join('\n  '), lines: linesValue(lines) },
    `${name}: not a valid plan file:\n  ${english.join('\n  ')}`,
    problems.map(problemText),
  );
}

/** What the schema cannot say, in English (the problems of `semanticProblemMessages`). */
export function semanticProblems(pkg: PlanPackage): string[] {
  return semanticProblemMessages(pkg).map(problemText);
}

/** What the schema cannot say: references, uniqueness, cell kinds, dates, the Decision/standalone rule (coded). */
export function semanticProblemMessages(pkg: PlanPackage): CodedMessage[] {
  const problems: CodedMessage[] = [];
  const agencyKeys = new Set<string>();
  pkg.agencies.forEach((a, i) => {
    if (agencyKeys.has(a.key)) problems.push(problem('usedTwice', `agencies[${i}].key`, { key: a.key }));
    agencyKeys.add(a.key);
  });
  const columns = new Map<string, ColumnDef>();
  pkg.appendix.columns.forEach((c, i) => {
    if (columns.has(c.key)) problems.push(problem('usedTwice', `appendix.columns[${i}].key`, { key: c.key }));
    columns.set(c.key, c);
  });
  const checkRow = (r: AppendixRow, base: string): void => {
    for (const [key, value] of Object.entries(r.cells)) {
      const where = `${base}.${key}`;
      const column = columns.get(key);
      if (!column) problems.push(problem('noColumn', where, { key }));
      else if (column.kind === 'agencies' && typeof value === 'string') problems.push(problem('agenciesNotText', where));
      else if (column.kind !== 'agencies' && typeof value !== 'string') problems.push(problem('mustBeText', where));
      else if (column.kind === 'number' && value !== '') problems.push(problem('numberIsProgram', where));
      if (Array.isArray(value)) {
        value.forEach((m, mi) => {
          if (!agencyKeys.has(m.agency)) problems.push(problem('unknownAgency', `${where}[${mi}].agency`, { agency: m.agency }));
        });
      }
    }
    r.children?.forEach((c, ci) => checkRow(c, `${base}.${SUB_ROWS_KEY}[${ci}]`));
  };
  pkg.appendix.groups.forEach((g, gi) => g.rows.forEach((r, ri) => checkRow(r, `appendix.groups[${gi}].rows[${ri}]`)));
  if (pkg.period && pkg.period.from !== pkg.year) problems.push(problem('periodFrom', 'period.from', { from: pkg.period.from, year: pkg.year }));
  if (pkg.period && pkg.period.to < pkg.period.from) problems.push(problem('periodTo', 'period.to', { to: pkg.period.to, from: pkg.period.from }));
  const checkDate = (date: string | null, where: string) => {
    if (date !== null && !isValidIsoDate(date)) problems.push(problem('notRealDate', where, { date }));
  };
  if (pkg.decision) checkDate(pkg.decision.date, 'decision.date');
  if (pkg.plan.issuance) checkDate(pkg.plan.issuance.date, 'plan.issuance.date');
  if (pkg.decision && pkg.plan.issuance) problems.push(problem('issuanceWithDecision', 'plan.issuance'));
  if (!pkg.decision && !pkg.plan.issuance) problems.push(problem('standaloneNeedsIssuance', 'plan.issuance'));
  if (pkg.tracking) problems.push(...trackingProblems(pkg));
  return problems;
}

/** v2.1: every row a tracking entry names by its place is a row of the file; every period it names is one of its periods. */
function trackingProblems(pkg: PlanPackage): CodedMessage[] {
  const t = pkg.tracking!;
  const problems: CodedMessage[] = [];
  const rowExists = (path: readonly number[]) => {
    const [g, ...rest] = path;
    let rows: AppendixRow[] | undefined = pkg.appendix.groups[g]?.rows;
    let row: AppendixRow | undefined;
    for (const i of rest) {
      row = rows?.[i];
      rows = row?.children;
    }
    return row !== undefined;
  };
  const periods = new Set(t.periods.map((p) => p.key));
  const agencies = new Set(pkg.agencies.map((a) => a.key));
  const checkRow = (path: readonly number[] | null, where: string) => {
    if (path && !rowExists(path)) problems.push(problem('noRow', where, { row: path.join('.') }));
  };
  const checkPeriod = (key: string, where: string) => {
    if (!periods.has(key)) problems.push(problem('noPeriod', where, { period: key }));
  };
  t.units.forEach((u, i) => u.agencies.forEach((a, j) => {
    if (!agencies.has(a)) problems.push(problem('unknownAgency', `tracking.units[${i}].agencies[${j}]`, { agency: a }));
  }));
  t.returns.forEach((r, i) => {
    checkPeriod(r.period, `tracking.returns[${i}].period`);
    r.lines.forEach((l, j) => checkRow(l.row, `tracking.returns[${i}].lines[${j}].row`));
  });
  t.statuses.forEach((st, i) => {
    checkPeriod(st.period, `tracking.statuses[${i}].period`);
    checkRow(st.row, `tracking.statuses[${i}].row`);
  });
  t.proposals.forEach((p, i) => {
    checkPeriod(p.period, `tracking.proposals[${i}].period`);
    checkRow(p.takenRow, `tracking.proposals[${i}].takenRow`);
  });
  t.reports.forEach((r, i) => checkPeriod(r.period, `tracking.reports[${i}].period`));
  return problems;
}

// ---- canonical form: key order fixed here, so export → import → export gives the same bytes ----

/** A row in the file: its cells keyed by column key, and (v2) its sub-rows under `_rows`. */
type RowDoc = Record<string, CellValue> & { [SUB_ROWS_KEY]?: RowDoc[] };

interface ExchangeDoc {
  format: string;
  version: number;
  minor?: number;
  title: string;
  year: number;
  period?: PlanPeriod;
  issuer: Issuer;
  decision: Decision | null;
  plan: { summary: string; issuance: Issuance | null; body: BodyNode[]; numbering?: BodyNumbering };
  appendix: {
    label: string; title: string; columns: ColumnDef[]; groups: Array<{ title: string; rows: RowDoc[] }>; numbering?: RowNumbering;
  };
  agencies: Agency[];
  knownAbbreviations?: string[];
  tracking?: PlanTracking;
}

const n = (s: string) => s.normalize('NFC');

function runs(rich: RichText): Run[] {
  return rich.map((r) => {
    const out: Run = { text: n(r.text) };
    if (r.bold !== undefined) out.bold = r.bold;
    if (r.italic !== undefined) out.italic = r.italic;
    if (r.footnote) out.footnote = n(r.footnote);
    return out;
  });
}

function signer(s: Signer): Signer {
  return { prefix: s.prefix, title: n(s.title), deputyTitle: n(s.deputyTitle), name: n(s.name) };
}

function issuance(i: Issuance): Issuance {
  const flags: Pick<Issuance, 'numberUnknown' | 'dateUnknown'> = {};
  if (i.numberUnknown) flags.numberUnknown = true;
  if (i.dateUnknown) flags.dateUnknown = true;
  return { number: i.number, symbol: n(i.symbol), date: i.date, ...flags, recipients: i.recipients.map(n), signer: signer(i.signer) };
}

function bodyNode(node: BodyNode): BodyNode {
  return { kind: node.kind, heading: node.heading, text: runs(node.text), children: node.children.map(bodyNode) };
}

function cell(value: CellValue): CellValue {
  return typeof value === 'string' ? n(value) : value.map((m: Mention) => ({ agency: m.agency, after: n(m.after) }));
}

/** Rows are written in column order, so the file reads like the table. */
function rowObject(row: AppendixRow, columns: ColumnDef[]): RowDoc {
  const out: RowDoc = {};
  for (const c of columns) {
    const value = own(row.cells, c.key);
    if (value !== undefined && c.kind !== 'number') out[c.key] = cell(value);
  }
  if (row.children?.length) out[SUB_ROWS_KEY] = row.children.map((r) => rowObject(r, columns));
  return out;
}

function levelStyles(numbering: BodyNumbering): BodyNumbering {
  const out: BodyNumbering = {};
  for (const kind of ['part', 'item', 'point', 'dash', 'plus'] as const) {
    const st = numbering[kind];
    if (st) out[kind] = st.path !== undefined ? { format: st.format, path: st.path, suffix: st.suffix } : { format: st.format, suffix: st.suffix };
  }
  return out;
}

/** The canonical file object: fixed key order, v2 options only when set, so a v1-shaped plan writes no more than before. */
export function toExchangeObject(pkg: PlanPackage): ExchangeDoc {
  const d = pkg.decision;
  const doc: ExchangeDoc = {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    ...(pkg.tracking ? { minor: EXCHANGE_MINOR } : {}),
    title: n(pkg.title),
    year: pkg.year,
  } as ExchangeDoc;
  if (pkg.period) doc.period = { from: pkg.period.from, to: pkg.period.to };
  const plan: ExchangeDoc['plan'] = { summary: n(pkg.plan.summary), issuance: pkg.plan.issuance ? issuance(pkg.plan.issuance) : null, body: pkg.plan.body.map(bodyNode) };
  if (pkg.plan.numbering) plan.numbering = levelStyles(pkg.plan.numbering);
  const appendix: ExchangeDoc['appendix'] = {
    label: n(pkg.appendix.label),
    title: n(pkg.appendix.title),
    columns: pkg.appendix.columns.map((c) => ({ key: c.key, caption: n(c.caption), kind: c.kind, role: c.role, width: c.width, hidden: c.hidden })),
    groups: pkg.appendix.groups.map((g) => ({ title: n(g.title), rows: g.rows.map((r) => rowObject(r, pkg.appendix.columns)) })),
  };
  if (pkg.appendix.numbering) {
    const { style, start } = pkg.appendix.numbering;
    appendix.numbering = start !== undefined ? { style, start } : { style };
  }
  return Object.assign(doc, {
    issuer: { parentBody: n(pkg.issuer.parentBody), name: n(pkg.issuer.name), place: n(pkg.issuer.place), citedAs: n(pkg.issuer.citedAs) },
    decision: d
      ? {
          ...issuance(d),
          summary: n(d.summary),
          authority: n(d.authority),
          legalBases: d.legalBases.map(n),
          proposal: n(d.proposal),
          articles: d.articles.map(runs),
        }
      : null,
    plan,
    appendix,
    agencies: pkg.agencies.map((a) => ({ key: a.key, name: n(a.name) })),
    // v2: the checker's per-plan list travels with the plan; written only when there is one.
    ...(pkg.knownAbbreviations?.length ? { knownAbbreviations: pkg.knownAbbreviations.map(n) } : {}),
    // v2.1: the year after the signature, as tracking/exchange.ts wrote it (already canonical), NFC throughout.
    ...(pkg.tracking ? { tracking: deepNfc(pkg.tracking) } : {}),
  });
}

function rowFromDoc(doc: RowDoc): AppendixRow {
  const { [SUB_ROWS_KEY]: sub, ...cells } = doc;
  const row: AppendixRow = { cells: cells as Record<string, CellValue> };
  if (sub?.length) row.children = sub.map(rowFromDoc);
  return row;
}

/** The schema has already fixed the shape; this only normalises text, gives rows their `cells` and sub-rows. */
function fromExchangeObject(raw: ExchangeDoc, repairs: { replaced: number }): PlanPackage {
  const doc = deepNfc(raw, repairs);
  const pkg: PlanPackage = {
    title: doc.title,
    year: doc.year,
    issuer: doc.issuer,
    decision: doc.decision,
    plan: doc.plan,
    appendix: {
      label: doc.appendix.label,
      title: doc.appendix.title,
      columns: doc.appendix.columns,
      groups: doc.appendix.groups.map((g) => ({ title: g.title, rows: g.rows.map(rowFromDoc) })),
    },
    agencies: doc.agencies,
  };
  if (doc.period) pkg.period = doc.period;
  if (doc.knownAbbreviations?.length) pkg.knownAbbreviations = [...new Set(doc.knownAbbreviations.map((a) => a.trim()))];
  if (doc.appendix.numbering) pkg.appendix.numbering = doc.appendix.numbering;
  if (doc.tracking) pkg.tracking = doc.tracking;
  return pkg;
}

export function serializeExchange(pkg: PlanPackage): string {
  return JSON.stringify(toExchangeObject(pkg), null, 2) + '\n';
}
