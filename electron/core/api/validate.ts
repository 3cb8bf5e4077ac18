/**
 * Checks the arguments of every API call before it reaches the store. Both transports (Electron IPC and
 * the loopback HTTP host) receive data from a less trusted side, so nothing is passed on unchecked.
 */
import { UserError, badYearError, reservedKeyError } from '../errors';
import { isReservedKey } from '../model/keys';
import { isPlanYear } from '../model/year';
import { BODY_KINDS, COLUMN_KINDS, COLUMN_ROLES } from '../model/types';
import { PLAN_EDIT_METHODS, type ApiMethod } from './contract';

type Check = (value: unknown, name: string) => void;

const fail = (name: string, what: string): never => {
  throw new UserError(`Invalid argument ${name}: ${what}.`);
};

const MAX_TEXT = 2_000_000;
/** An exchange file travels as one string; the exchange reader refuses anything over its own 50 MB limit with a clear message. */
const MAX_FILE_TEXT = 60 * 1024 * 1024;

const int: Check = (v, n) => {
  if (!Number.isSafeInteger(v)) fail(n, 'expected a whole number');
};
const id: Check = (v, n) => {
  if (!Number.isSafeInteger(v) || (v as number) < 1) fail(n, 'expected an id');
};
const str: Check = (v, n) => {
  if (typeof v !== 'string' || v.length > MAX_TEXT) fail(n, 'expected text');
};
const strOrNull: Check = (v, n) => (v === null ? undefined : str(v, n));
const optional = (check: Check): Check => (v, n) => (v === undefined ? undefined : check(v, n));
const nullable = (check: Check): Check => (v, n) => (v === null ? undefined : check(v, n));
const oneOf = (...values: readonly unknown[]): Check => (v, n) => {
  if (!values.includes(v)) fail(n, `expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
};
/** The id of an exported file (a UUID main made); only main knows which path it stands for. */
const fileId: Check = (v, n) => {
  if (typeof v !== 'string' || !/^[0-9a-f-]{36}$/.test(v)) fail(n, 'expected the id of an exported file');
};
/** A plan year: the one rule of model/year.ts, with the coded message naming the year. */
const year: Check = (v, n) => {
  int(v, n);
  if (!isPlanYear(v)) throw badYearError(v);
};
const bool: Check = (v, n) => {
  if (typeof v !== 'boolean') fail(n, 'expected true or false');
};
const arrayOf = (check: Check, max = 10_000): Check => (v, n) => {
  if (!Array.isArray(v) || v.length > max) fail(n, 'expected a list');
  (v as unknown[]).forEach((item, i) => check(item, `${n}[${i}]`));
};
const object = (shape: Record<string, Check>, { partial = false } = {}): Check => (v, n) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(n, 'expected an object');
  // Own keys only: `in` would also find `constructor`, `toString`, `__proto__` on the prototype and let them through.
  for (const key of Object.keys(v)) if (!Object.prototype.hasOwnProperty.call(shape, key)) fail(`${n}.${key}`, 'unknown field');
  for (const [key, check] of Object.entries(shape)) {
    const value = (v as Record<string, unknown>)[key];
    if (value === undefined && partial) continue;
    check(value, `${n}.${key}`);
  }
};
const run = object({ text: str, bold: optional(bool), italic: optional(bool) });
const richText = arrayOf(run, 5000);
const listItem: Check = (v, n) => (typeof v === 'string' ? str(v, n) : richText(v, n));
const mention = object({ agency: str, after: str });
const cellValue: Check = (v, n) => (typeof v === 'string' ? str(v, n) : arrayOf(mention, 200)(v, n));
/** A column or agency key: never a name every object already has (`constructor`, `__proto__` …), which lookups would find. */
const key: Check = (v, n) => {
  str(v, n);
  if (isReservedKey(v as string)) throw reservedKeyError(v as string, n);
};
const cells: Check = (v, n) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(n, 'expected cells');
  for (const [k, value] of Object.entries(v)) {
    key(k, `${n}.${k}`);
    cellValue(value, `${n}.${k}`);
  }
};
const bodyNode = object({ kind: oneOf(...BODY_KINDS), heading: bool, text: richText });
const bodyPatch = object({ kind: oneOf(...BODY_KINDS), heading: bool, text: richText }, { partial: true });
const number: Check = (v, n) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(n, 'expected a number');
};
const column = object({ key, caption: str, kind: oneOf(...COLUMN_KINDS), role: nullable(oneOf(...COLUMN_ROLES)), width: number, hidden: bool });
const columnPatch = object({ caption: str, width: number, hidden: bool, role: nullable(oneOf(...COLUMN_ROLES)) }, { partial: true });
const docxParts = optional(arrayOf(oneOf('decision', 'plan', 'appendix'), 3));
const findQuery = object({ text: str, loose: optional(bool), wholeWord: optional(bool) });
const MAX_BASE64 = 70 * 1024 * 1024;
const base64: Check = (v, n) => {
  if (typeof v !== 'string' || v.length > MAX_BASE64 || !/^[A-Za-z0-9+/]*={0,2}$/.test(v)) fail(n, 'expected file bytes (base64)');
};

/** The argument list of each method, checked in order; extra arguments are refused. */
const SIGNATURES: Record<ApiMethod, Check[]> = {
  appInfo: [],
  listPlans: [],
  listTrash: [],
  openPlan: [id],
  createPlan: [oneOf('sample', 'blank'), optional(year)],
  duplicatePlan: [id],
  renamePlan: [id, str],
  setPlanYear: [id, year],
  trashPlan: [id],
  restorePlan: [id],
  purgePlan: [id],
  importPlan: [str, (v, n) => (typeof v === 'string' && v.length <= MAX_FILE_TEXT ? undefined : fail(n, 'expected the file text (at most 60 MB)'))],
  exportPlan: [id, oneOf('json', 'docx', 'xlsx'), docxParts],
  openExportedFile: [fileId],
  showExportedFile: [fileId],
  setField: [id, key, strOrNull],
  setKnownAbbreviations: [id, arrayOf(str, 500)],
  addKnownAbbreviation: [id, str],
  knownAbbreviations: [id],
  insertListItem: [id, str, int, listItem],
  updateListItem: [id, str, int, listItem],
  removeListItem: [id, str, int],
  moveListItem: [id, str, int, int],
  insertBodyNode: [id, nullable(id), int, bodyNode],
  updateBodyNode: [id, id, bodyPatch],
  moveBodyNode: [id, id, nullable(id), int, optional(bodyPatch)],
  deleteBodyNode: [id, id],
  addColumn: [id, int, column],
  updateColumn: [id, str, columnPatch],
  moveColumn: [id, str, int],
  removeColumn: [id, str],
  addGroup: [id, int, str],
  renameGroup: [id, id, str],
  moveGroup: [id, id, int],
  deleteGroup: [id, id],
  insertRow: [id, id, int, optional(cells)],
  setCell: [id, id, key, cellValue],
  moveRow: [id, id, id, int],
  deleteRow: [id, id],
  listAgencies: [id],
  addAgency: [id, str],
  renameAgency: [id, str, str],
  mergeAgencies: [id, str, str],
  regroupAgencies: [id, str, arrayOf(str, 100), oneOf('join', 'split')],
  // h6 (#16 one voice)
  setUiLanguage: [oneOf('vi', 'en')],
  insertRows: [id, id, int, arrayOf(cells, 20_000)],
  undo: [id],
  redo: [id],
  historyState: [id],
  findInPlan: [id, findQuery],
  replaceInPlan: [id, findQuery, str, arrayOf(str, 100_000)],
  saveVersion: [id, str],
  listVersions: [id],
  compareVersions: [id, nullable(id), nullable(id)],
  restoreVersion: [id],
  deleteVersion: [id],
  importXlsx: [str, base64],
  importDocx: [str, base64],
  listBackups: [],
  backupNow: [],
  restoreBackup: [str],
  exportAll: [],
  checkPlan: [id, oneOf('vi', 'en')],
  // Each op of a fix is validated again, as its own call, when it runs (service.ts).
  applyFix: [id, arrayOf(object({ method: str, args: arrayOf((v, n) => (typeof v === 'string' || typeof v === 'number' || v === null || typeof v === 'object' ? undefined : fail(n, 'expected a value')), 20) }), 200)],
  readMergeFile: [id, str, base64],
  takeProposal: [
    id,
    (v, n) => {
      const target = v as { kind?: unknown };
      if (target?.kind === 'new') return object({ kind: oneOf('new'), groupId: id, index: int })(v, n);
      return object({ kind: oneOf('replace'), rowId: id })(v, n);
    },
    (v, n) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(n, 'expected cells');
      for (const [k, value] of Object.entries(v)) {
        key(k, `${n}.${k}`);
        str(value, `${n}.${k}`);
      }
    },
    object({ file: str, department: str }),
  ],
  rowSources: [id],
  // The edit's own arguments are validated again, as the call they are, when it runs (service.ts).
  editPlan: [id, oneOf(...PLAN_EDIT_METHODS), arrayOf(() => undefined, 10)],
  planRevision: [id],
  proposeRollover: [id, year],
  applyRollover: [id, year, (v, n) => (v === 'all' ? undefined : arrayOf(str, 100_000)(v, n))],
};

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(SIGNATURES, name);
}

/** Throws a UserError naming the first bad argument. */
export function validateCall(method: string, args: unknown): asserts args is unknown[] {
  if (!isApiMethod(method)) throw new UserError(`Unknown operation "${method}".`);
  if (!Array.isArray(args)) throw new UserError(`${method}: arguments must be a list.`);
  const checks = SIGNATURES[method];
  if (args.length > checks.length) throw new UserError(`${method}: takes at most ${checks.length} arguments.`);
  checks.forEach((check, i) => check(args[i], `${method}#${i + 1}`));
}
