/**
 * Departments' proposals against the appendix (see electron/core/merge), as the API carries them.
 * Kept in the model so that the API contract imports nothing but the model.
 */
import type { WordOp } from './comparison';
import type { ImportReport } from './import-report';
import type { CodedMessage } from './messages';

export interface Proposal {
  /** 'same': the plan has this row already; 'changed': it changes row `match.number`; 'new': no row like it. */
  status: 'new' | 'same' | 'changed';
  /** Position in the incoming workbook (1-based, continuous, sub-rows counted after their parent) and its group title there. */
  number: number;
  group: string;
  /** The incoming row's STT as the file numbers it (`3`, `1.2`, `1.1.1`; '' under numbering `none`). */
  label: string;
  /**
   * v2: the incoming row is a sub-row: `proposal` is the index of its parent's proposal in the list, `rowId` the
   * plan's row that parent matches (take the row under it to keep the tree), absent when the parent is new.
   */
  parent?: { proposal: number; rowId?: number };
  /** The incoming row's text per column caption. */
  texts: Record<string, string>;
  /** The same texts keyed by the plan's own column keys (matched by role, then caption), ready to take. */
  cells: Record<string, string>;
  /**
   * Text of the file's columns the plan has no column for, by the file's caption: shown on the card and taken
   * only into the column the drafter places it in (MergeFile.unplacedColumns), never dropped without a word.
   */
  unplaced?: Record<string, string>;
  /** The plan's row it matches: its STT, group, store id, similarity and the word diff per caption. */
  match?: { number: number; label: string; group: string; rowId?: number; score: number; diffs: Record<string, WordOp[]> };
}

/**
 * How the drafter settled one spelling of an agency in a department's file (keyed by the spelling, cleaned):
 * the directory entry it names, or a new entry to add under the name given (only on that explicit choice).
 */
export type AgencyChoice = { agency: string } | { add: string };

export interface RowSource {
  file: string;
  department: string;
  takenAt: string;
}

/** Where a taken row goes: new at `index` in a group (v2: among the sub-rows of `parentId`), or over a row it changes. */
export type TakeTarget = { kind: 'new'; groupId: number; index: number; parentId?: number } | { kind: 'replace'; rowId: number };

export interface MergeFile {
  fileName: string;
  /** A guess the drafter can change: the agency the file is named after, else the lead most rows name, else the file name. */
  department: string;
  /** The workbook reader's warnings, coded (`importWarning.*`): the merge desk and the CLI word them. */
  warnings: CodedMessage[];
  /** The workbook reader's coded notes (guessed agency splits …); absent for an exchange file. */
  report?: ImportReport;
  proposals: Proposal[];
  /** Captions of the file's columns that match no column of the plan, in the file's order (see Proposal.unplaced). */
  unplacedColumns: string[];
  /** The plan year the file speaks of, when it is not the plan's: its rows are last year's (offer the rollover). */
  otherYear: number | null;
}
