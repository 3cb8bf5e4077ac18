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
}
