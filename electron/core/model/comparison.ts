/**
 * Two versions compared (see electron/core/compare): the shapes the API carries and the renderer shows.
 * Kept in the model so that the API contract imports nothing but the model.
 */
/** Word-level diff: the changed words of a cell or paragraph, for the compare view. */
export type WordOp = { op: 'same' | 'added' | 'removed'; text: string };

export type RowStatus = 'same' | 'added' | 'removed' | 'moved' | 'changed';

export interface RowChange {
  status: RowStatus;
  /** STT and group title in each version (absent on the side where the row does not exist). */
  before?: { number: number; group: string };
  after?: { number: number; group: string };
  /** Per column key: the word diff, for columns whose text differs. */
  cells: Record<string, WordOp[]>;
  /** 0..1 similarity of the task text for matched rows. */
  score?: number;
}

export interface TextChange {
  /** Where, in the exchange file's path syntax, or a readable label for body paragraphs. */
  place: string;
  diff: WordOp[];
}

export interface Comparison {
  rows: RowChange[];
  fields: TextChange[];
  body: TextChange[];
  counts: Record<RowStatus, number>;
  /**
   * The caption of each column key the rows' diffs use (the later side's, else the earlier's): two plans may key
   * and caption their columns differently; columns are matched by role, then caption (ignoring case and marks).
   */
  captions: Record<string, string>;
  /** The two sides are last year's plan and the plan rolled over from it: the changes of year the rollover made. */
  rollover?: RolloverRecord;
}

/** Who made a version: the drafter ('named'), an import ('imported') or the rollover ('rolled-over'). */
export type VersionKind = 'named' | 'imported' | 'rolled-over';

/** One change of year the rollover made (or, for `always`, did whatever the drafter chose: a number and date cleared). */
export interface RolloverChange {
  /** In the exchange file's path syntax, in the plan rolled over from. */
  path: string;
  before: string;
  after: string;
  /** A rollover reason code (model/rollover.ts RolloverReason), worded by the catalogue (`rollover.reason.*`). */
  reason: string;
}

/** What an "as rolled over" version records: the plan and year it came from, and the changes of year made. */
export interface RolloverRecord {
  from: { planId: number; title: string; year: number };
  toYear: number;
  changes: RolloverChange[];
}

/** Where a version a program made came from (absent for a named version). */
export type VersionOrigin =
  | { kind: 'imported'; file: string; format: 'json' | 'docx' | 'xlsx' }
  | ({ kind: 'rolled-over' } & RolloverRecord);
