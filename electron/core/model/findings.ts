/**
 * What a check reports. A finding names a rule, how bad it is, where it is (the exchange file's path
 * syntax: `decision.legalBases[3]`, `plan.body[3].children[0]`, `appendix.groups[1].rows[4].lead`,
 * `agencies[5]`), a message in the UI's language and, when the change is mechanical, a fix made of
 * calls of the app's API (`'$plan'` stands for the plan id; the caller substitutes it).
 *
 * Kept in the model (data the API carries and the renderer shows) so that the API contract imports nothing but the model.
 */
/**
 * How sure the secretariat is to send the document back: `error` certain (a missing `Lưu: VT`, a date that
 * does not exist, a cross-reference to the wrong article); `warning` likely (a deadline already past, a
 * year left from last year, an agency written two ways); `info` a note on style (capitals, end marks,
 * abbreviations not spelt out).
 */
export type Severity = 'error' | 'warning' | 'info';

export interface FixOp {
  method: string;
  args: unknown[];
}

/** What a fix changes, for the panel's before/after line: the same stretch of text before and after the change. */
export interface FixPreview {
  before: string;
  after: string;
}

export interface Fix {
  label: string;
  ops: FixOp[];
  /** Before/after text of the change; a fix whose two sides are equal is never offered (see `Ctx.add`). */
  preview?: FixPreview;
}

export interface Finding {
  rule: string;
  severity: Severity;
  path: string;
  message: string;
  excerpt?: string;
  /**
   * The words the finding is about, as offsets into the plain text of the place at `path` (a field, a
   * list item, a cell, the joined runs of a paragraph): UTF-16 code units, `end` exclusive. The panel
   * selects them after going to the place. Absent when the finding is about the whole place.
   */
  range?: TextRange;
  fix?: Fix;
}

/** A stretch of a place's plain text: UTF-16 offsets, `end` exclusive. */
export interface TextRange {
  start: number;
  end: number;
}
