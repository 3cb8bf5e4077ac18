/**
 * Reporting periods as data per plan (#23): q1, h1, q3 and year of every plan year (a 2021–2030 plan reports per
 * year), with the dates of Công văn 581/BNV-CCHC until the secretariat changes them, and custom periods it adds.
 * The standard periods are written the first time they are asked for; a period is named by its key (`2025-q1`).
 */
import type { Db } from '../store/open';
import { UserError } from '../errors';
import { planSummary } from '../store/plans';
import { isValidIsoDate } from '../model/dates';
import { nfc } from '../model/text';
import { planPeriod } from '../model/rows';
import { rulePeriods, type PeriodCode, type ReportPeriod } from '../model/tracking';
import type { PlanPeriod } from '../model/types';

interface PeriodRow {
  id: number;
  key: string;
  year: number;
  code: PeriodCode;
  label: string;
  from_date: string;
  cutoff: string;
  due: string;
  returns_due: string;
  by_rule: number;
}

const toPeriod = (r: PeriodRow): ReportPeriod => ({
  key: r.key, year: r.year, code: r.code, label: r.label, from: r.from_date, cutoff: r.cutoff, due: r.due, returnsDue: r.returns_due, byRule: r.by_rule === 1,
});

/** The years the plan covers, read from the store without loading the package. */
function planYears(db: Db, planId: number): PlanPeriod {
  const { year } = planSummary(db, planId);
  const row = db.prepare("SELECT value FROM plan_fields WHERE plan_id = ? AND field = 'period'").get(planId) as { value: string | null } | undefined;
  return planPeriod({ year, period: row?.value ? (JSON.parse(row.value) as PlanPeriod) : null });
}

/**
 * Writes the standard periods of every plan year that are not stored yet (one transaction; nothing when all are).
 * A standard period of a year the plan no longer covers is removed when nothing refers to it.
 */
export function ensurePeriods(db: Db, planId: number): void {
  const years = planYears(db, planId);
  const have = new Set((db.prepare('SELECT key FROM report_periods WHERE plan_id = ?').all(planId) as Array<{ key: string }>).map((r) => r.key));
  const wanted = rulePeriods(years);
  const missing = wanted.filter((p) => !have.has(p.key));
  const stale = db.prepare(
    `SELECT id FROM report_periods p WHERE plan_id = ? AND code != 'custom' AND (year < ? OR year > ?)
       AND NOT EXISTS (SELECT 1 FROM period_returns WHERE period_id = p.id) AND NOT EXISTS (SELECT 1 FROM task_status WHERE period_id = p.id)
       AND NOT EXISTS (SELECT 1 FROM reports WHERE period_id = p.id)`,
  ).all(planId, years.from, years.to) as Array<{ id: number }>;
  if (!missing.length && !stale.length) return;
  db.transaction(() => {
    const insert = db.prepare(
      'INSERT INTO report_periods (plan_id, key, year, code, label, from_date, cutoff, due, returns_due, by_rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)',
    );
    for (const p of missing) insert.run(planId, p.key, p.year, p.code, p.label, p.from, p.cutoff, p.due, p.returnsDue);
    for (const s of stale) db.prepare('DELETE FROM report_periods WHERE id = ?').run(s.id);
  })();
}

/** Every period of the plan, by year then q1, h1, q3, year, then custom ones in the order added. */
export function listPeriods(db: Db, planId: number): ReportPeriod[] {
  ensurePeriods(db, planId);
  const order = "CASE code WHEN 'q1' THEN 1 WHEN 'h1' THEN 2 WHEN 'q3' THEN 3 WHEN 'year' THEN 4 ELSE 5 END";
  return (db.prepare(`SELECT * FROM report_periods WHERE plan_id = ? ORDER BY year, ${order}, id`).all(planId) as PeriodRow[]).map(toPeriod);
}

/** One period and its store id; refused naming the key and the keys there are. */
export function periodByKey(db: Db, planId: number, key: string): { id: number; period: ReportPeriod } {
  ensurePeriods(db, planId);
  const row = db.prepare('SELECT * FROM report_periods WHERE plan_id = ? AND key = ?').get(planId, key) as PeriodRow | undefined;
  if (!row) {
    const keys = listPeriods(db, planId).map((p) => p.key);
    throw UserError.coded('period.notFound', { key, keys: keys.join(', ') }, `The plan has no period "${key}" (it has ${keys.join(', ')}).`);
  }
  return { id: row.id, period: toPeriod(row) };
}

export interface PeriodPatch {
  label?: string;
  from?: string;
  cutoff?: string;
  due?: string;
  returnsDue?: string;
}

function checkDates(p: Pick<ReportPeriod, 'from' | 'cutoff' | 'due' | 'returnsDue'>): void {
  for (const [field, value] of Object.entries(p)) {
    if (!isValidIsoDate(value)) throw UserError.coded('period.badDate', { field, value }, `${field}: "${value}" is not a date (YYYY-MM-DD).`);
  }
  if (p.cutoff < p.from) throw UserError.coded('period.cutoffBeforeStart', { from: p.from, cutoff: p.cutoff }, `The cut-off ${p.cutoff} is before the start ${p.from}.`);
  if (p.due < p.cutoff) throw UserError.coded('period.dueBeforeCutoff', { due: p.due, cutoff: p.cutoff }, `The due date ${p.due} is before the cut-off ${p.cutoff}.`);
}

/** Changes a period's dates or label (the province's own dates); the period no longer follows the rule. */
export function updatePeriod(db: Db, planId: number, key: string, patch: PeriodPatch): ReportPeriod {
  const { id, period } = periodByKey(db, planId, key);
  const label = patch.label !== undefined ? nfc(patch.label).trim() : period.label;
  if (!label) throw UserError.coded('period.needsLabel', {}, 'A period needs a name.');
  const next = { from: patch.from ?? period.from, cutoff: patch.cutoff ?? period.cutoff, due: patch.due ?? period.due, returnsDue: patch.returnsDue ?? period.returnsDue };
  checkDates(next);
  db.prepare('UPDATE report_periods SET label = ?, from_date = ?, cutoff = ?, due = ?, returns_due = ?, by_rule = 0 WHERE id = ?').run(
    label, next.from, next.cutoff, next.due, next.returnsDue, id,
  );
  return periodByKey(db, planId, key).period;
}

/** Adds a custom period of `year` (a plan year), keyed `<year>-custom-<n>`. */
export function addPeriod(db: Db, planId: number, input: { year: number; label: string; from: string; cutoff: string; due: string; returnsDue?: string }): ReportPeriod {
  const years = planYears(db, planId);
  if (input.year < years.from || input.year > years.to) {
    throw UserError.coded('period.outsidePlan', { year: input.year, from: years.from, to: years.to }, `${input.year} is not a year of the plan (${years.from}–${years.to}).`);
  }
  const label = nfc(input.label).trim();
  if (!label) throw UserError.coded('period.needsLabel', {}, 'A period needs a name.');
  const dates = { from: input.from, cutoff: input.cutoff, due: input.due, returnsDue: input.returnsDue ?? input.cutoff };
  checkDates(dates);
  ensurePeriods(db, planId);
  let n = 1;
  while (db.prepare('SELECT 1 FROM report_periods WHERE plan_id = ? AND key = ?').get(planId, `${input.year}-custom-${n}`)) n++;
  const key = `${input.year}-custom-${n}`;
  db.prepare(
    "INSERT INTO report_periods (plan_id, key, year, code, label, from_date, cutoff, due, returns_due, by_rule) VALUES (?, ?, ?, 'custom', ?, ?, ?, ?, ?, 0)",
  ).run(planId, key, input.year, label, dates.from, dates.cutoff, dates.due, dates.returnsDue);
  return periodByKey(db, planId, key).period;
}

/** Removes a custom period that holds nothing yet (no return read, no status set, no report). */
export function deletePeriod(db: Db, planId: number, key: string): void {
  const { id, period } = periodByKey(db, planId, key);
  if (period.code !== 'custom') throw UserError.coded('period.standard', { key }, `"${key}" is a period of the rule; change its dates instead.`);
  const used = db.prepare(
    'SELECT (SELECT count(*) FROM period_returns WHERE period_id = ?) + (SELECT count(*) FROM task_status WHERE period_id = ?) + (SELECT count(*) FROM reports WHERE period_id = ?) AS n',
  ).get(id, id, id) as { n: number };
  if (used.n > 0) throw UserError.coded('period.inUse', { key }, `"${key}" already holds returns, statuses or a report.`);
  db.prepare('DELETE FROM report_periods WHERE id = ?').run(id);
}
