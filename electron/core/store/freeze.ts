/**
 * An issued plan is kept as it was issued (#23): its content (every table an edit of the package writes) may not
 * change until the secretariat opens an adjustment ("Điều chỉnh"), which leads to a new issue and a new version of
 * record. The one check every content edit passes through: `touch` (plans.ts), which each edit's transaction calls,
 * and undo/redo (history.ts). Tracking data (statuses, returns, periods, reports) is not content and never refused.
 */
import type { Db } from './open';
import { UserError } from '../errors';
import type { Statement } from 'better-sqlite3';

/** Compiled once per connection: the check runs inside every edit. (plans.ts has its own cache; importing it would make a cycle.) */
const cache = new WeakMap<Db, Map<string, Statement>>();
function stmt(db: Db, sql: string): Statement {
  let map = cache.get(db);
  if (!map) cache.set(db, (map = new Map()));
  let s = map.get(sql);
  if (!s) map.set(sql, (s = db.prepare(sql)));
  return s;
}

/** Whether the plan's content is frozen as issued (issued and no adjustment open). */
export function isFrozen(db: Db, planId: number): boolean {
  const row = stmt(db, 'SELECT frozen FROM plan_tracking WHERE plan_id = ?').get(planId) as { frozen: number } | undefined;
  return row?.frozen === 1;
}

/** The words a refusal cites: `Quyết định số 2142/QĐ-UBND ngày 09/12/2023`-like, from the last issue. */
function lastIssueWords(db: Db, planId: number): { number: string; symbol: string; date: string } {
  const row = stmt(db, 'SELECT number, symbol, date FROM plan_issues WHERE plan_id = ? ORDER BY id DESC LIMIT 1').get(planId) as
    | { number: string; symbol: string; date: string }
    | undefined;
  return row ?? { number: '', symbol: '', date: '' };
}

/** Throws `plan.issuedFrozen` when the plan's content is frozen; a content edit calls it inside its transaction. */
export function assertContentEditable(db: Db, planId: number): void {
  if (!isFrozen(db, planId)) return;
  const { number, symbol, date } = lastIssueWords(db, planId);
  const [y, m, d] = date.split('-');
  throw UserError.coded(
    'plan.issuedFrozen',
    { number, symbol, date: date ? `${d}/${m}/${y}` : '' },
    `The plan was issued (${number}/${symbol} of ${date}): its content is kept as issued. Open an adjustment ("Điều chỉnh") to change it.`,
  );
}
