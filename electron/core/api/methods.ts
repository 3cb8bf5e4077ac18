/**
 * Every API method, defined once: its arguments (valibot schemas from args.ts), the type of its answer, and
 * whether it is an edit of one plan (`edit`: run through `editPlan`, which answers with what changed). From this
 * one object follow the `SoanApi` type (contract.ts), the argument check both transports run (validate.ts), the
 * method list the preload, the IPC handlers and the HTTP host loop over (API_METHODS), and PLAN_EDIT_METHODS.
 *
 * Adding a method: one line here and its implementation in service.ts (the compiler asks for it there):
 *
 *     /** Doc for the UI's engineers: what it does, units, errors. *\/
 *     setRowNote: edit([id, id, text], returns<void>()),      // an edit of plan #1: setRowNote(planId, rowId, note)
 *     countRows: call([id], returns<number>()),               // anything else
 *
 * `edit` methods take the plan's id first and write it in one transaction (editPlan tracks what changed); their
 * implementation is synchronous, in service.ts's `planEdits` (then a checker fix may use it too) or
 * `planEditsWithDelta`. Other methods go in the service's `others`. Optional trailing arguments: `optional(schema)`.
 * New shapes go to args.ts as `Arg<TheirModelType>` (the annotation ties the schema to the model's type).
 * Porting an old-style method (a SoanApi signature + a validate.ts line): the signature's argument types become
 * the schemas, its answer `returns<…>()`, and a name in PLAN_EDIT_METHODS becomes `edit(…)`.
 *
 * Runtime code: it imports valibot. The renderer imports contract.ts (types only), never this file.
 */
import * as v from 'valibot';
import type { Comparison } from '../model/comparison';
import type { FindHit } from '../model/find-replace';
import type { RolloverProposal } from '../model/rollover';
import type { Finding } from '../model/findings';
import type { MergeFile, RowSource } from '../model/merge';
import type {
  AgencyUsage, AppInfo, BackupEntry, EditReply, ExportAllResult, ExportResult, HistoryState, ImportedExchange, ImportedPlan, OpenedPlan, PlanSummary, PlanVersion,
} from './shapes';
import {
  agencyChoice, anything, base64, compareSide, bodyNode, bodyPatch, cells, cellValue, column, columnPatch, fileId, fileText, findQuery, fixOp, id, int, key, listItem,
  listOf, nullable, oneOf, optional, record, shape, takeTarget, text, year, type Arg,
  issueInput, newPeriod, newRowTarget, periodPatch, reportField, reportList, statusFields, statusPatch, trackingFilter, unitPatch, uploadedFile,
} from './args';
import type {
  FilesResult, IssueState, ReportDraft, ReportingUnit, ReportPeriod, ReportTemplateInfo, ReturnProposal, ReturnRecord, ReturnsBatchReport, TaskLine,
  TrackingHistoryState, TrackingView,
} from '../model/tracking';

/** The answer's type of a method (nothing at run time: answers are not validated, they come from the service). */
export interface Returns<T> {
  readonly __returns?: T;
}
export const returns = <T>(): Returns<T> => ({});

/** One method's definition. */
export interface MethodDef<A extends readonly Arg[] = readonly Arg[], R = unknown, E extends boolean = boolean> {
  args: A;
  returns: Returns<R>;
  /** An edit of the plan given as the first argument (editPlan runs it and answers with the delta). */
  edit: E;
}

/** A method that is not an edit of one plan. */
const call = <const A extends readonly Arg[], R>(args: A, answer: Returns<R>): MethodDef<A, R, false> => ({ args, returns: answer, edit: false });
/** An edit of the plan whose id is the first argument. */
const edit = <const A extends readonly [typeof id, ...Arg[]], R>(args: A, answer: Returns<R>): MethodDef<A, R, true> => ({ args, returns: answer, edit: true });

const docxPart = oneOf(['decision', 'plan', 'appendix']);
/** editPlan's method name: one of PLAN_EDIT_METHODS (checked when called, the list being made below; SoanApi types it). */
const planEditName: Arg<string> = v.custom<string>((m) => isPlanEditMethod(m), 'planEdit');

export const METHODS = {
  appInfo: call([], returns<AppInfo>()),

  listPlans: call([], returns<PlanSummary[]>()),
  listTrash: call([], returns<PlanSummary[]>()),
  openPlan: call([id], returns<OpenedPlan>()),
  createPlan: call([oneOf(['sample', 'blank']), optional(year)], returns<PlanSummary>()),
  duplicatePlan: call([id], returns<PlanSummary>()),
  renamePlan: edit([id, text], returns<PlanSummary>()),
  setPlanYear: edit([id, year], returns<PlanSummary>()),
  trashPlan: call([id], returns<PlanSummary>()),
  restorePlan: call([id], returns<PlanSummary>()),
  purgePlan: call([id], returns<void>()),

  /** Imports an exchange file's text as a new plan. */
  importPlan: call([text, fileText], returns<ImportedExchange>()),
  exportPlan: call([id, oneOf(['json', 'docx', 'xlsx']), optional(listOf(docxPart, 3))], returns<ExportResult>()),
  /**
   * Desktop only: opens a file this session exported (its `fileId` from ExportResult) with the system's program, or
   * shows it in its folder. Any other id is refused (`export.unknownFile`); the browser host refuses both
   * (`export.openNotHere`: its exports are downloads).
   */
  openExportedFile: call([fileId], returns<void>()),
  showExportedFile: call([fileId], returns<void>()),

  setField: edit([id, key, nullable(text)], returns<void>()),
  insertListItem: edit([id, text, int, listItem], returns<void>()),
  updateListItem: edit([id, text, int, listItem], returns<void>()),
  removeListItem: edit([id, text, int], returns<void>()),
  moveListItem: edit([id, text, int, int], returns<void>()),

  insertBodyNode: edit([id, nullable(id), int, bodyNode], returns<number>()),
  updateBodyNode: edit([id, id, bodyPatch], returns<void>()),
  /** Moves a paragraph (with its subtree); `patch` changes its kind or heading in the same step (Tab, Shift+Tab). */
  moveBodyNode: edit([id, id, nullable(id), int, optional(bodyPatch)], returns<void>()),
  deleteBodyNode: edit([id, id], returns<void>()),

  addColumn: edit([id, int, column], returns<void>()),
  updateColumn: edit([id, text, columnPatch], returns<void>()),
  moveColumn: edit([id, text, int], returns<void>()),
  removeColumn: edit([id, text], returns<void>()),

  addGroup: edit([id, int, text], returns<number>()),
  renameGroup: edit([id, id, text], returns<void>()),
  moveGroup: edit([id, id, int], returns<void>()),
  deleteGroup: edit([id, id], returns<void>()),

  insertRow: edit([id, id, int, optional(cells)], returns<number>()),
  setCell: edit([id, id, key, cellValue], returns<void>()),
  moveRow: edit([id, id, id, int], returns<void>()),
  deleteRow: edit([id, id], returns<void>()),

  /**
   * Several rows at once (a block pasted from Excel): one transaction, one undo step. Returns the new row ids.
   * A row is text for every column; agency columns hold names as typed ("; ", ", ", " và ", one per line), cut by
   * the agency splitter (model/agency-split.ts) with the plan's directory.
   */
  insertRows: edit([id, id, int, listOf(cells, 20_000)], returns<number[]>()),

  // Row trees (model v2): rows under rows; one transaction and one undo step each.
  /**
   * `dir` 1 (indent, "Thụt vào"): the row with its sub-rows goes under the row above it at its level, as its last
   * sub-row. -1 (outdent, "Đưa ra"): a sub-row goes right after its parent, taking the rows that followed it as
   * its own sub-rows (the table reads in the same order). Refused past MAX_ROW_DEPTH levels (`row.tooDeep`),
   * for the first row of a level (`row.noRowAbove`) and for a top-level row (`row.topLevel`).
   */
  indentRow: edit([id, id, v.picklist([1, -1] as const, 'oneOf') as Arg<1 | -1>], returns<void>()),
  /** Rows (cells as `insertRows` takes them) inserted as sub-rows of `parentId` at `index`; returns the new ids. */
  insertSubRows: edit([id, id, int, listOf(cells, 20_000)], returns<number[]>()),
  /** Moves a row with its sub-rows under `parentId` of `groupId` (null: the group's top level), at `index`. */
  placeRow: edit([id, id, id, nullable(id), int], returns<void>()),

  /** The UI switched language: the desktop menu follows; the browser host has no menu and does nothing. */
  setUiLanguage: call([oneOf(['vi', 'en'])], returns<void>()),

  listAgencies: call([id], returns<AgencyUsage[]>()),
  addAgency: edit([id, text], returns<string>()),
  renameAgency: edit([id, text, text], returns<void>()),
  mergeAgencies: edit([id, text, text], returns<void>()),
  /** The checker's per-plan list of abbreviations needing no spelling-out (`UBND`, `HĐND`); one undo step. */
  setKnownAbbreviations: edit([id, listOf(text, 500)], returns<void>()),
  /** Adds one name to that list (the abbreviation finding's action); one undo step. */
  addKnownAbbreviation: edit([id, text], returns<void>()),
  /** The plan's own list (the bundled one is `KNOWN_ABBREVIATIONS` in the checker). */
  knownAbbreviations: call([id], returns<string[]>()),

  /**
   * Runs one edit of PLAN_EDIT_METHODS (`args` without the plan id) and answers with its result and what it changed,
   * so the UI patches its copy instead of reloading the plan. Undo and redo go the same way. The edit's own
   * arguments are checked again, as the call they are, when it runs (service.ts). Its precise type is in SoanApi.
   */
  editPlan: call([id, planEditName, listOf(anything, 10)], returns<EditReply>()),
  /** The plan's revision, bumped by every edit: the one cheap question an open plan asks to notice other writers. */
  planRevision: call([id], returns<number>()),
  /**
   * The import report's one-click correction of a guessed agency split: `join` the cells cut from `printed` into
   * `names` back into one agency, or `split` them again. One undo step; returns how many cells changed.
   */
  regroupAgencies: edit([id, text, listOf(text, 100), oneOf(['join', 'split'])], returns<number>()),

  /** Undo and redo of any edit of the plan; each returns the edit's code, or null when there is nothing. */
  undo: edit([id], returns<string | null>()),
  redo: edit([id], returns<string | null>()),
  historyState: call([id], returns<HistoryState>()),

  findInPlan: call([id, findQuery], returns<FindHit[]>()),
  /** Replaces the chosen hits of a search, as one undo step; returns how many. */
  replaceInPlan: edit([id, findQuery, text, listOf(text, 100_000)], returns<number>()),

  saveVersion: call([id, text], returns<PlanVersion>()),
  listVersions: call([id], returns<PlanVersion[]>()),
  /** Compares two versions of a plan; null stands for the plan as it is now. */
  compareVersions: call([id, nullable(id), nullable(id)], returns<Comparison>()),
  /**
   * Compares any two sides: a plan as it is now or one of its versions, of the same plan or of two plans (last
   * year's imported plan against this year's draft). Lists the rollover's changes when one plan was rolled over
   * from the other.
   */
  compareSides: call([compareSide, compareSide], returns<Comparison>()),
  /** A version comes back as a new plan. */
  restoreVersion: call([id], returns<PlanSummary>()),
  deleteVersion: call([id], returns<void>()),

  /** Every change of year that "next year's plan from this one" proposes, with its context. */
  proposeRollover: call([id, year], returns<RolloverProposal[]>()),
  /** Creates next year's plan with the accepted proposals (ids, or 'all'); the original is not touched. */
  applyRollover: call([id, year, v.union([v.literal('all', 'oneOf'), listOf(text, 100_000)], 'list')], returns<PlanSummary>()),

  /** The format and consistency checker: findings with place, message (in `lang`) and, where mechanical, a fix. */
  checkPlan: call([id, oneOf(['vi', 'en'])], returns<Finding[]>()),
  /** Applies a finding's fix (its edits, one undo step); each op is checked again, as its own call, when it runs. */
  applyFix: edit([id, listOf(fixOp, 200)], returns<void>()),

  /** Reads a department's proposals (a workbook or an exchange file, bytes as base64) against the plan's appendix. */
  readMergeFile: call([id, text, base64], returns<MergeFile>()),
  /**
   * Takes one proposal (cells by column key; agency columns as the department wrote them) as a new row or over a
   * row. Each agency is matched to the directory; one that is only likely (STP) or unknown needs the drafter's
   * choice, by its spelling (a directory key, or a name to add), else `merge.agencyUnsettled`.
   */
  takeProposal: edit([id, takeTarget, record(text), shape({ file: text, department: text }), optional(record(agencyChoice, 'object'))], returns<number>()),
  /** Where each taken row came from, by row id. */
  rowSources: call([id], returns<Record<number, RowSource>>()),

  /** Backups of the whole store: made on start and daily (10 kept), or now; a restore replaces the store. */
  listBackups: call([], returns<BackupEntry[]>()),
  backupNow: call([], returns<BackupEntry>()),
  /** Replaces the store with a backup (the current one is backed up first); every plan reloads. */
  restoreBackup: call([text], returns<{ replacedBy: string | null }>()),
  /** Writes every plan as an exchange file into a new folder (desktop: the user picks where). */
  exportAll: call([], returns<ExportAllResult>()),

  /** Reads last year's Word file (bytes as base64): Decision, Plan body and appendix, as a new plan. */
  importDocx: call([text, base64], returns<ImportedPlan>()),
  /** Reads an appendix-shaped workbook (bytes as base64) into a new plan. */
  importXlsx: call([text, base64], returns<ImportedPlan>()),

  // ---- #23, the year after the signature: issue, periods, returns, tracking, report. Tracking data is not the
  // plan's content: none of these is an edit of the package (but takeReturnProposal), and none is refused while the
  // plan is issued and frozen. Their changes are undone in the plan's tracking history (undoTracking), apart from
  // the content's. A period is named by its key (`2025-q1`); errors are coded (catalogue `errors.issue.*`, `period.*` …).

  /** The plan's place in its life (draft, issued, adjusting), its issues (number, date, PDF, version of record) and how later documents cite it. */
  issueState: call([id], returns<IssueState>()),
  /**
   * "Ban hành": records the number and date the e-office gave (and the symbol, and the signed PDF, ≤ 20 MB), writes
   * them into the package, saves the version of record and freezes the content (edits refused: `plan.issuedFrozen`).
   * While an adjustment is open, issues the adjustment (a new version of record). Refused when already issued.
   */
  issuePlan: call([id, issueInput], returns<IssueState>()),
  /** "Điều chỉnh": opens the issued plan's content for an adjustment (a reason is needed); its number and date go blank until issued. */
  startAdjustment: call([id, text], returns<IssueState>()),
  /** Closes an adjustment in which nothing was edited (else refused: issue it). */
  cancelAdjustment: call([id], returns<IssueState>()),
  /** Keeps the signed PDF of an issue (`IssueRecord.id`), replacing one kept before. */
  attachIssuedPdf: call([id, id, uploadedFile], returns<IssueState>()),
  /** Delivers the kept signed PDF of an issue as a file (desktop: save dialog; browser: download). */
  saveIssuedPdf: call([id, id], returns<ExportResult>()),

  /** Every reporting period of the plan (q1, h1, q3, year of each plan year by Công văn 581/BNV-CCHC, then custom ones). */
  listPeriods: call([id], returns<ReportPeriod[]>()),
  /** Changes a period's name or dates (the province's own); it no longer follows the rule (`byRule` false). */
  updatePeriod: call([id, text, periodPatch], returns<ReportPeriod>()),
  /** Adds a custom period of a plan year, keyed `<year>-custom-<n>`. */
  addPeriod: call([id, newPeriod], returns<ReportPeriod>()),
  /** Removes a custom period that holds nothing yet. */
  deletePeriod: call([id, text], returns<void>()),

  /** Who sends returns: one unit per directory agency with tasks, and the units the secretariat added. */
  listReportingUnits: call([id], returns<ReportingUnit[]>()),
  /** Adds a unit (a district) answering for directory agencies (`ubnd-cap-huyen`); answers with every unit. */
  addReportingUnit: call([id, text, listOf(key, 500)], returns<ReportingUnit[]>()),
  updateReportingUnit: call([id, text, unitPatch], returns<ReportingUnit[]>()),
  removeReportingUnit: call([id, text], returns<ReportingUnit[]>()),

  /**
   * Writes the return workbooks of a period, one per unit (`unitKeys`, or every unit with tasks when absent), into a
   * new folder (desktop: the user picks where) or as downloads (browser). Refused for a plan never issued.
   */
  writeReturns: call([id, text, optional(listOf(text, 2000))], returns<FilesResult>()),
  /** Reads returned workbooks (each `{ name, base64 }`) for a period: one report per file and a summary. */
  readReturns: call([id, text, listOf(uploadedFile, 500)], returns<ReturnsBatchReport>()),
  /** The returns read for a period, newest first, each with its report. */
  listReturns: call([id, text], returns<ReturnRecord[]>()),
  /** New tasks units added to their returns (of a period, or of all). */
  listReturnProposals: call([id, optional(text)], returns<ReturnProposal[]>()),
  /** Dismisses a proposed task, or opens it again. */
  setReturnProposalState: call([id, id, oneOf(['open', 'dismissed'])], returns<ReturnProposal>()),
  /** Takes a proposed task into the appendix at `target` (an edit of the content: needs an open adjustment once issued). Returns the row id. */
  takeReturnProposal: edit([id, id, newRowTarget], returns<number>()),

  /** A period's tracking: each task's status, result, evidence, overdue; counts and rates per group and agency; who has not sent a return. */
  trackingView: call([id, text, optional(trackingFilter)], returns<TrackingView>()),
  /** The secretariat's word on a task (it has the last word over the returns): only the fields given change. */
  setTaskStatus: call([id, text, id, statusPatch], returns<TaskLine>()),
  /** Takes back the secretariat's word on some fields of a task (all when absent). */
  clearTaskStatus: call([id, text, id, optional(statusFields)], returns<TaskLine>()),
  /** Undo and redo in the plan's tracking history (status fixes, batches of returns, report edits); each returns the step's code or null. */
  undoTracking: call([id], returns<string | null>()),
  redoTracking: call([id], returns<string | null>()),
  trackingHistory: call([id], returns<TrackingHistoryState>()),

  /** The report templates there are (resources/report-templates). */
  listReportTemplates: call([], returns<ReportTemplateInfo[]>()),
  /** The period's Báo cáo, made from `template` (default `cchc-bnv-581`) with the period's figures the first time it is opened. */
  openReport: call([id, text, optional(text)], returns<ReportDraft>()),
  /** Makes the report again from a template (one undo step of the tracking history brings the old one back). */
  resetReport: call([id, text, optional(text)], returns<ReportDraft>()),
  setReportField: call([id, text, reportField, text], returns<ReportDraft>()),
  setReportList: call([id, text, reportList, listOf(text, 200)], returns<ReportDraft>()),
  /** The report's body, edited like the plan's body: insert under a parent (null: top) at an index; returns the id. */
  insertReportNode: call([id, text, nullable(id), int, bodyNode], returns<number>()),
  updateReportNode: call([id, id, bodyPatch], returns<void>()),
  moveReportNode: call([id, id, nullable(id), int, optional(bodyPatch)], returns<void>()),
  deleteReportNode: call([id, id], returns<void>()),
  /** Writes the latest figures into the filled paragraphs nobody edited. */
  refreshReportFigures: call([id, text], returns<ReportDraft>()),
  /** The report as DOCX (ND30, with its landscape appendix) or its status table as XLSX (opened first if need be). */
  exportReport: call([id, text, oneOf(['docx', 'xlsx'])], returns<ExportResult>()),
} satisfies Record<string, MethodDef>;

type Methods = typeof METHODS;
export type ApiMethod = keyof Methods;

/** Every method name: the one list the transports iterate (preload, IPC handlers, HTTP routes). */
export const API_METHODS = Object.keys(METHODS) as ApiMethod[];

/** The methods `editPlan` runs: each changes one plan, given as its first argument. */
export type PlanEditMethod = { [K in ApiMethod]: Methods[K]['edit'] extends true ? K : never }[ApiMethod];
export const PLAN_EDIT_METHODS = API_METHODS.filter((m): m is PlanEditMethod => METHODS[m].edit);

/** Whether `name` is a method of the API (own keys only: `constructor` or `toString` never are). */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHODS, name);
}

export function isPlanEditMethod(name: unknown): name is PlanEditMethod {
  return isApiMethod(name) && METHODS[name].edit;
}

// ---- The TypeScript type of the API, derived from the definitions. ----

/** Trailing arguments that accept `undefined` may be left out: `createPlan('sample')`. */
type OptionalTail<T extends unknown[]> = T extends [...infer H, infer L] ? (undefined extends L ? [...OptionalTail<H>, L?] : T) : T;
type ArgTypes<A extends readonly Arg[]> = OptionalTail<{ -readonly [I in keyof A]: v.InferInput<A[I]> }>;
type MethodOf<D> = D extends MethodDef<infer A, infer R> ? (...args: ArgTypes<A>) => Promise<R> : never;
type DerivedApi = { [K in ApiMethod]: MethodOf<Methods[K]> };

/** An edit's arguments after the plan's id, as `editPlan` takes them. */
export type EditArgs<M extends PlanEditMethod> = Parameters<DerivedApi[M]> extends [number, ...infer R] ? R : never;

/** Every operation of the app. Ids are store ids; indexes are 0-based positions among siblings. */
export interface SoanApi extends Omit<DerivedApi, 'editPlan'> {
  /**
   * Runs one edit of PLAN_EDIT_METHODS (`args` without the plan id) and answers with its result and what it changed,
   * so the UI patches its copy instead of reloading the plan. Undo and redo go the same way.
   */
  editPlan<M extends PlanEditMethod>(planId: number, method: M, args: EditArgs<M>): Promise<EditReply<Awaited<ReturnType<DerivedApi[M]>>>>;
}
