/**
 * Next year's plan (see electron/core/rollover): where a text lives and the proposals the review shows, as the
 * API carries them. Kept in the model so that the API contract imports nothing but the model.
 */
import type { ListField } from './fields';

/** A scalar text field a rollover may change or clear. */
export type ScalarTextField =
  | 'decision.summary'
  | 'decision.authority'
  | 'decision.proposal'
  | 'decision.number'
  | 'decision.date'
  | 'plan.summary'
  | 'plan.issuance.number'
  | 'plan.issuance.date';

/** Where a text lives in the package. */
export type FieldRef =
  | { kind: 'title' }
  | { kind: 'field'; field: ScalarTextField }
  | { kind: 'list'; field: ListField; index: number }
  /** `indexes`: the node's position from the root (`[2, 1]` is `plan.body[2].children[1]`). */
  | { kind: 'body'; indexes: number[] }
  | { kind: 'cell'; group: number; row: number; key: string; sub?: number[] }
  | { kind: 'group'; group: number }
  | { kind: 'appendix'; part: 'label' | 'title' }
  | { kind: 'appendix'; part: 'caption'; column: number };

/** Why a proposal is made: a short code the review screen translates (the locale catalogue). */
export type RolloverReason =
  | 'plan-year'
  | 'previous-year-result'
  | 'next-year'
  | 'deadline'
  | 'signing-date'
  | 'decision-number'
  | 'cited-proposal'
  | 'cited-title'
  /** v2: the plan's own period in its titles (`giai đoạn 2021 - 2030` → `2031 - 2040`) when a period plan rolls over to the next period. */
  | 'plan-period';

/** How the drafter meets a proposal in the review. */
export type RolloverMode =
  /** A change to accept or reject. */
  | 'change'
  /** Done whatever is accepted (the new draft has no number and no date yet); listed so the drafter sees it. */
  | 'always'
  /** Nothing changes: a cited document the drafter updates by hand when the new one is issued. */
  | 'info';

export interface RolloverProposal {
  /** Stable for the same package and year: the path and the offset of the change in the field's text. */
  id: string;
  /** The place in the exchange file's path syntax: `appendix.groups[1].rows[4].deadline`. */
  path: string;
  /** The excerpt around the year, as it is now. */
  before: string;
  /** The same excerpt after the change (equal to `before` for an info). */
  after: string;
  reason: RolloverReason;
  mode: RolloverMode;
  /** Where the text lives, enough to apply the change. */
  field: FieldRef;
  /** The change in the field's plain text: `from` at `offset` becomes `to`, of the same length. Absent for info and cleared fields. */
  edit?: { offset: number; from: string; to: string };
  /** What the rules saw (`inside a document number`, `last year's results …`). */
  why: string;
}

/**
 * The first year of the plan that follows this one: next year for a one-year plan, the year after its period
 * for a period plan (2021–2030 → 2031). What the rollover review proposes by default.
 */
export function nextPlanYear(pkg: { year: number; period?: { from: number; to: number } | null }): number {
  const p = pkg.period;
  return p && Number.isInteger(p.to) && p.to > pkg.year ? p.to + 1 : pkg.year + 1;
}
