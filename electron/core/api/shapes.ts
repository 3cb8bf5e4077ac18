/**
 * The shapes the API's methods take and answer (methods.ts defines the methods themselves), and the error
 * body both transports send back. Pure types and two small codecs: no Node, no Electron, no validator library,
 * so the renderer may import it. Import it through contract.ts.
 */
import type { CodedMessage } from '../model/messages';
import type { Agency, Appendix, AppendixRow, BodyKind, BodyNode, CellValue, Plan, PlanPackage, RichText } from '../model/types';
import type { Comparison, VersionKind } from '../model/comparison';
import type { FindHit, FindQuery } from '../model/find-replace';
import type { RolloverProposal } from '../model/rollover';
import type { Finding } from '../model/findings';
import type { MergeFile, RowSource } from '../model/merge';
import type { ImportReport } from '../model/import-report';

export type { Comparison, FindHit, FindQuery, RolloverProposal, Finding, MergeFile, RowSource };
// #23, the year after the signature: the shapes its methods answer with are the model's (electron/core/model/tracking.ts,
// which the renderer imports directly); those only its arguments use are here.

/** What `issuePlan` takes: the number and date the e-office gave, the symbol when not the plan's own, the signed PDF. */
export interface IssueInput {
  /** Digits (`2142`). */
  number: string;
  /** ISO date (`2023-12-09`). */
  date: string;
  symbol?: string;
  pdf?: { name: string; base64: string };
}

/** A change of a period's name or dates (ISO); only the fields given change. */
export interface PeriodPatch {
  label?: string;
  from?: string;
  cutoff?: string;
  due?: string;
  returnsDue?: string;
}

/** A custom period of a plan year. */
export interface NewPeriod {
  year: number;
  label: string;
  from: string;
  cutoff: string;
  due: string;
  returnsDue?: string;
}

/** A plan made from a Word or Excel file: its summary, the reader's warnings and the coded import report. */
export type ImportedPlan = PlanSummary & {
  /** Coded (`importWarning.*`): the UI and the CLI word them in their language (`codedText`). */
  warnings: CodedMessage[];
  report: ImportReport;
  /** A Word file: which of its three parts were found. */
  found?: { decision: boolean; body: boolean; appendix: boolean };
};

/** A plan made from an exchange file: its summary and what the reader repaired on the way (lone surrogates …). */
export type ImportedExchange = PlanSummary & { notes: CodedMessage[] };

/** One edit of a checker fix: an API method and its arguments, `'$plan'` standing for the plan's id. */
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
  /** `cli`: the command line, which runs the same service over the store it is given. */
  shell: 'electron' | 'browser' | 'cli';
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
  /** As the drafter named it; a version a program made has its name in Vietnamese, and `kind` for the UI to word it. */
  name: string;
  createdAt: string;
  revision: number;
  kind: VersionKind;
  /** An "as imported" version: the file the import read. */
  file?: string;
  /** An "as rolled over" version: the plan and year it was rolled over from, and the year it was rolled over to. */
  from?: { planId: number; title: string; year: number };
  toYear?: number;
}

/** One side of a comparison: a plan as it is now (`versionId` null), or one of its versions. */
export interface CompareSide {
  planId: number;
  versionId: number | null;
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
  /**
   * Every group in order with the ids of its top-level rows, when a group, the order of rows or a row's parent
   * changed; `children` gives the sub-row ids of every row that has some (the tree of model v2).
   */
  groups?: Array<{ id: number; title: string; rowIds: number[]; children?: Record<number, number[]> }>;
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
