/**
 * The one API between the UI and the rest. The Electron preload exposes it as `window.soan`
 * (one function per operation, over IPC); the loopback HTTP host serves the very same interface
 * for the browser. The renderer only ever sees this file's types.
 *
 * Pure types: no Node, no Electron, so the renderer may import it.
 */
import type { Agency, Appendix, AppendixRow, BodyKind, BodyNode, CellValue, ColumnDef, Plan, PlanPackage, RichText } from '../model/types';
import type { Comparison } from '../model/comparison';
import type { FindHit, FindQuery } from '../model/find-replace';
import type { RolloverProposal } from '../model/rollover';
import type { Finding } from '../model/findings';
import type { MergeFile, RowSource, TakeTarget } from '../model/merge';
import type { ImportReport } from '../model/import-report';
import type { CodedMessage } from '../model/messages';

export type { Comparison, FindHit, FindQuery, RolloverProposal, Finding, MergeFile, RowSource, TakeTarget };

/** One edit of a checker fix: an API method and its arguments, `'$plan'` standing for the plan's id. */
/** A plan made from a Word or Excel file: its summary, the reader's warnings and the coded import report. */
export type ImportedPlan = PlanSummary & { warnings: string[]; report: ImportReport };

export interface FixOp {
  method: string;
  args: unknown[];
}

export interface PlanSummary {
  id: number;
  title: string;
  year: number;
  /** False for a standalone Plan (KH-UBND) with no Decision in front. */
  hasDecision: boolean;
  rowCount: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Bumped by every edit. */
  revision: number;
}

export interface OpenedPlan {
  summary: PlanSummary;
  /** The package with store ids on body nodes, groups and rows. */
  pkg: PlanPackage;
}

export type ExportFormat = 'json' | 'docx' | 'xlsx';
export type DocxPart = 'decision' | 'plan' | 'appendix';

/** Desktop: main shows the save dialog and writes the file. Browser: the bytes come back for a download. */
export type ExportResult =
  /** `fileId` stands for the written file in `openExportedFile` / `showExportedFile` (main maps it back to the path). */
  | { kind: 'saved'; path: string; fileId: string; notes: CodedMessage[] }
  | { kind: 'cancelled' }
  | { kind: 'download'; fileName: string; mime: string; base64: string; notes: CodedMessage[] };

export interface AgencyUsage {
  key: string;
  name: string;
  lead: number;
  cooperate: number;
  total: number;
}

export interface BackupEntry {
  name: string;
  createdAt: string;
  size: number;
}

export type ExportAllResult = { kind: 'saved'; folder: string; count: number } | { kind: 'cancelled' };

export interface AppInfo {
  version: string;
  /** Where the store lives, for the "where is my data" line. */
  dataFile: string;
  shell: 'electron' | 'browser';
}

export interface BodyNodeInput {
  kind: BodyKind;
  heading: boolean;
  text: RichText;
}

export type ListItem = string | RichText;

export interface HistoryState {
  /** What Ctrl+Z would undo (an edit's code, e.g. "setCell"), or null. */
  undo: string | null;
  redo: string | null;
}

export interface PlanVersion {
  id: number;
  planId: number;
  name: string;
  createdAt: string;
  revision: number;
}

/** A pasted or imported row: text for every column; agency columns hold names as typed ("; ", ", ", " và ", one per line), cut by the agency splitter (model/agency-split.ts) with the plan's directory. */
export type RowInput = Record<string, CellValue>;

/** Everything of a package but its body, its rows and its directory: fields, lists, title, year, columns. */
export type PlanHead = Omit<PlanPackage, 'plan' | 'appendix' | 'agencies'> & { plan: Omit<Plan, 'body'>; appendix: Omit<Appendix, 'groups'> };

/**
 * What one edit changed, read back from the store right after it: the UI patches its copy of the plan with it
 * instead of downloading the whole plan again. Only the parts that changed are present.
 */
export interface PlanDelta {
  /** The plan's revision before the edit: if the UI knew another one, someone else wrote meanwhile (reload). */
  previousRevision: number;
  /** After the edit (its `revision` is the plan's new revision). */
  summary: PlanSummary;
  history: HistoryState;
  /** A field, a list, the title, the year or a column's caption, width, role or place changed. */
  head?: PlanHead;
  /** The Plan's body, whole, when a paragraph was added, removed or moved. */
  body?: BodyNode[];
  /** Paragraphs whose text, kind or heading changed in place (no `children`: those stay). */
  nodes?: Array<Omit<BodyNode, 'children'> & { id: number }>;
  agencies?: Agency[];
  /** Every group in order with the ids of its rows, when a group or the order of rows changed. */
  groups?: Array<{ id: number; title: string; rowIds: number[] }>;
  /** Rows whose cells changed, and new rows, whole (every column present). */
  rows?: Array<AppendixRow & { id: number }>;
  /** A change the parts above cannot carry (a column added or removed): fetch the whole plan. */
  reload?: true;
}

/** The answer to `editPlan`: the method's own result and what the edit changed. */
export interface EditReply<T = unknown> {
  value: T;
  delta: PlanDelta;
}

/** The methods `editPlan` runs: each changes one plan, given as its first argument. */
export const PLAN_EDIT_METHODS = [
  'setField', 'insertListItem', 'updateListItem', 'removeListItem', 'moveListItem', 'insertBodyNode', 'updateBodyNode', 'moveBodyNode',
  'deleteBodyNode', 'addColumn', 'updateColumn', 'moveColumn', 'removeColumn', 'addGroup', 'renameGroup', 'moveGroup', 'deleteGroup',
  'insertRow', 'setCell', 'moveRow', 'deleteRow', 'insertRows', 'addAgency', 'renameAgency', 'mergeAgencies', 'replaceInPlan', 'applyFix',
  'takeProposal', 'renamePlan', 'setPlanYear', 'setKnownAbbreviations', 'addKnownAbbreviation', 'regroupAgencies', 'undo', 'redo',
] as const satisfies readonly (keyof SoanApi)[];
export type PlanEditMethod = (typeof PLAN_EDIT_METHODS)[number];
type EditArgs<M extends PlanEditMethod> = SoanApi[M] extends (planId: number, ...rest: infer A) => Promise<unknown> ? A : never;

/** Every operation of the app. Ids are store ids; indexes are 0-based positions among siblings. */
export interface SoanApi {
  appInfo(): Promise<AppInfo>;

  listPlans(): Promise<PlanSummary[]>;
  listTrash(): Promise<PlanSummary[]>;
  openPlan(planId: number): Promise<OpenedPlan>;
  createPlan(source: 'sample' | 'blank', year?: number): Promise<PlanSummary>;
  duplicatePlan(planId: number): Promise<PlanSummary>;
  renamePlan(planId: number, title: string): Promise<PlanSummary>;
  setPlanYear(planId: number, year: number): Promise<PlanSummary>;
  trashPlan(planId: number): Promise<PlanSummary>;
  restorePlan(planId: number): Promise<PlanSummary>;
  purgePlan(planId: number): Promise<void>;

  /** Imports an exchange file's text as a new plan. */
  importPlan(fileName: string, text: string): Promise<PlanSummary>;
  exportPlan(planId: number, format: ExportFormat, parts?: DocxPart[]): Promise<ExportResult>;
  /**
   * Desktop only: opens a file this session exported (its `fileId` from ExportResult) with the system's program, or
   * shows it in its folder. Any other id is refused (`export.unknownFile`); the browser host refuses both
   * (`export.openNotHere`: its exports are downloads).
   */
  openExportedFile(fileId: string): Promise<void>;
  showExportedFile(fileId: string): Promise<void>;

  setField(planId: number, field: string, value: string | null): Promise<void>;
  insertListItem(planId: number, list: string, index: number, value: ListItem): Promise<void>;
  updateListItem(planId: number, list: string, index: number, value: ListItem): Promise<void>;
  removeListItem(planId: number, list: string, index: number): Promise<void>;
  moveListItem(planId: number, list: string, from: number, to: number): Promise<void>;

  insertBodyNode(planId: number, parentId: number | null, index: number, node: BodyNodeInput): Promise<number>;
  updateBodyNode(planId: number, nodeId: number, patch: Partial<BodyNodeInput>): Promise<void>;
  /** Moves a paragraph (with its subtree); `patch` changes its kind or heading in the same step (Tab, Shift+Tab). */
  moveBodyNode(planId: number, nodeId: number, parentId: number | null, index: number, patch?: Partial<BodyNodeInput>): Promise<void>;
  deleteBodyNode(planId: number, nodeId: number): Promise<void>;

  addColumn(planId: number, index: number, column: ColumnDef): Promise<void>;
  updateColumn(planId: number, key: string, patch: Partial<Pick<ColumnDef, 'caption' | 'width' | 'hidden' | 'role'>>): Promise<void>;
  moveColumn(planId: number, key: string, index: number): Promise<void>;
  removeColumn(planId: number, key: string): Promise<void>;

  addGroup(planId: number, index: number, title: string): Promise<number>;
  renameGroup(planId: number, groupId: number, title: string): Promise<void>;
  moveGroup(planId: number, groupId: number, index: number): Promise<void>;
  deleteGroup(planId: number, groupId: number): Promise<void>;

  insertRow(planId: number, groupId: number, index: number, cells?: Record<string, CellValue>): Promise<number>;
  setCell(planId: number, rowId: number, key: string, value: CellValue): Promise<void>;
  moveRow(planId: number, rowId: number, groupId: number, index: number): Promise<void>;
  deleteRow(planId: number, rowId: number): Promise<void>;

  /** Several rows at once (a block pasted from Excel): one transaction, one undo step. Returns the new row ids. */
  insertRows(planId: number, groupId: number, index: number, rows: RowInput[]): Promise<number[]>;

  listAgencies(planId: number): Promise<AgencyUsage[]>;
  addAgency(planId: number, name: string): Promise<string>;
  renameAgency(planId: number, key: string, name: string): Promise<void>;
  mergeAgencies(planId: number, fromKey: string, intoKey: string): Promise<void>;
  /** The checker's per-plan list of abbreviations needing no spelling-out (`UBND`, `HĐND`); one undo step. */
  setKnownAbbreviations(planId: number, names: string[]): Promise<void>;
  /** Adds one name to that list (the abbreviation finding's action); one undo step. */
  addKnownAbbreviation(planId: number, name: string): Promise<void>;
  /** The plan's own list (the bundled one is `KNOWN_ABBREVIATIONS` in the checker). */
  knownAbbreviations(planId: number): Promise<string[]>;

  /**
   * Runs one edit of PLAN_EDIT_METHODS (`args` without the plan id) and answers with its result and what it changed,
   * so the UI patches its copy instead of reloading the plan. Undo and redo go the same way.
   */
  editPlan<M extends PlanEditMethod>(planId: number, method: M, args: EditArgs<M>): Promise<EditReply<Awaited<ReturnType<SoanApi[M]>>>>;
  /** The plan's revision, bumped by every edit: the one cheap question an open plan asks to notice other writers. */
  planRevision(planId: number): Promise<number>;
  /**
   * The import report's one-click correction of a guessed agency split: `join` the cells cut from `printed` into
   * `names` back into one agency, or `split` them again. One undo step; returns how many cells changed.
   */
  regroupAgencies(planId: number, printed: string, names: string[], mode: 'join' | 'split'): Promise<number>;

  /** Undo and redo of any edit of the plan; each returns the edit's code, or null when there is nothing. */
  undo(planId: number): Promise<string | null>;
  redo(planId: number): Promise<string | null>;
  historyState(planId: number): Promise<HistoryState>;

  findInPlan(planId: number, query: FindQuery): Promise<FindHit[]>;
  /** Replaces the chosen hits of a search, as one undo step; returns how many. */
  replaceInPlan(planId: number, query: FindQuery, replacement: string, hitIds: string[]): Promise<number>;

  saveVersion(planId: number, name: string): Promise<PlanVersion>;
  listVersions(planId: number): Promise<PlanVersion[]>;
  /** Compares two versions of a plan; null stands for the plan as it is now. */
  compareVersions(planId: number, fromVersionId: number | null, toVersionId: number | null): Promise<Comparison>;
  /** A version comes back as a new plan. */
  restoreVersion(versionId: number): Promise<PlanSummary>;
  deleteVersion(versionId: number): Promise<void>;

  /** Every change of year that "next year's plan from this one" proposes, with its context. */
  proposeRollover(planId: number, toYear: number): Promise<RolloverProposal[]>;
  /** Creates next year's plan with the accepted proposals (ids, or 'all'); the original is not touched. */
  applyRollover(planId: number, toYear: number, accepted: string[] | 'all'): Promise<PlanSummary>;

  /** The format and consistency checker: findings with place, message (in `lang`) and, where mechanical, a fix. */
  checkPlan(planId: number, lang: 'vi' | 'en'): Promise<Finding[]>;
  /** Applies a finding's fix (its edits, one undo step). */
  applyFix(planId: number, ops: FixOp[]): Promise<void>;

  /** Reads a department's proposals (a workbook or an exchange file, bytes as base64) against the plan's appendix. */
  readMergeFile(planId: number, fileName: string, base64: string): Promise<MergeFile>;
  /** Takes one proposal (cells by column key; agency columns as names separated by "; ") as a new row or over a row. */
  takeProposal(planId: number, target: TakeTarget, cells: Record<string, string>, source: { file: string; department: string }): Promise<number>;
  /** Where each taken row came from, by row id. */
  rowSources(planId: number): Promise<Record<number, RowSource>>;

  /** Backups of the whole store: made on start and daily (10 kept), or now; a restore replaces the store. */
  listBackups(): Promise<BackupEntry[]>;
  backupNow(): Promise<BackupEntry>;
  /** Replaces the store with a backup (the current one is backed up first); every plan reloads. */
  restoreBackup(name: string): Promise<{ replacedBy: string | null }>;
  /** Writes every plan as an exchange file into a new folder (desktop: the user picks where). */
  exportAll(): Promise<ExportAllResult>;

  /** Reads last year's Word file (bytes as base64): Decision, Plan body and appendix, as a new plan. */
  importDocx(fileName: string, base64: string): Promise<ImportedPlan>;

  /** Reads an appendix-shaped workbook (bytes as base64) into a new plan. */
  importXlsx(fileName: string, base64: string): Promise<ImportedPlan>;

  // ---- h6 (#16 one voice): the UI language, for what the shell words itself (the desktop menu) ----
  /** The UI switched language: the desktop menu follows; the browser host has no menu and does nothing. */
  setUiLanguage(lang: 'vi' | 'en'): Promise<void>;
}

export type ApiMethod = keyof SoanApi;

/** Every method name, in one list the transports iterate (preload, IPC handlers, HTTP routes). */
export const API_METHODS = [
  'appInfo', 'listPlans', 'listTrash', 'openPlan', 'createPlan', 'duplicatePlan', 'renamePlan', 'setPlanYear', 'trashPlan', 'restorePlan',
  'purgePlan', 'importPlan', 'exportPlan', 'openExportedFile', 'showExportedFile', 'setField', 'insertListItem', 'updateListItem', 'removeListItem', 'moveListItem',
  'insertBodyNode', 'updateBodyNode', 'moveBodyNode', 'deleteBodyNode', 'addColumn', 'updateColumn', 'moveColumn', 'removeColumn',
  'addGroup', 'renameGroup', 'moveGroup', 'deleteGroup', 'insertRow', 'setCell', 'moveRow', 'deleteRow', 'listAgencies', 'addAgency',
  'renameAgency', 'mergeAgencies', 'insertRows', 'undo', 'redo', 'historyState', 'findInPlan', 'replaceInPlan', 'saveVersion',
  'listVersions', 'compareVersions', 'restoreVersion', 'deleteVersion', 'importXlsx', 'proposeRollover', 'applyRollover',
  'checkPlan', 'applyFix', 'setKnownAbbreviations', 'addKnownAbbreviation', 'knownAbbreviations', 'readMergeFile', 'takeProposal', 'rowSources', 'importDocx',
  'listBackups', 'backupNow', 'restoreBackup', 'exportAll', 'editPlan', 'planRevision', 'regroupAgencies',
  // h6 (#16 one voice)
  'setUiLanguage',
] as const satisfies readonly ApiMethod[];

/**
 * The error shape both transports send back: the message is for the user. A coded UserError also sends its
 * `code` and `params`, which the UI translates (`errors.<code>`); the message stays the English fallback.
 */
export interface ApiErrorBody {
  error: string;
  userError: boolean;
  code?: string;
  params?: Record<string, string | number>;
}

/**
 * Over IPC only an Error's message crosses contextBridge, so the preload puts a coded error's code and params in
 * front of the plain message: `\u0000soan:{"code":…,"params":…}\u0000<message>`. NUL never occurs in a message, and
 * the renderer's API wrapper strips the prefix again (decodeErrorMessage), so the user never sees it.
 */
const CODE_OPEN = '\u0000soan:';
const CODE_CLOSE = '\u0000';

export function encodeErrorMessage(body: ApiErrorBody): string {
  if (!body.code) return body.error;
  return `${CODE_OPEN}${JSON.stringify({ code: body.code, params: body.params ?? {} })}${CODE_CLOSE}${body.error}`;
}

/** The plain message and, when encodeErrorMessage put them there, the code and params. */
export function decodeErrorMessage(message: string): { message: string; code?: string; params?: Record<string, string | number> } {
  if (!message.startsWith(CODE_OPEN)) return { message };
  const end = message.indexOf(CODE_CLOSE, CODE_OPEN.length);
  if (end < 0) return { message };
  try {
    const { code, params } = JSON.parse(message.slice(CODE_OPEN.length, end)) as { code?: unknown; params?: unknown };
    const plain = message.slice(end + CODE_CLOSE.length);
    if (typeof code !== 'string') return { message: plain };
    return { message: plain, code, params: params && typeof params === 'object' ? (params as Record<string, string | number>) : {} };
  } catch {
    return { message };
  }
}

// Compile-time proof that API_METHODS lists every method of SoanApi.
type MissingMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
export const API_METHODS_COMPLETE: [MissingMethods] extends [never] ? true : MissingMethods = true;
