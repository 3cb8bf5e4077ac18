/**
 * The statuses of a period (#23): what each unit's return said of each task, the secretariat's own word (it has the
 * last word, field by field), and what follows — each task's status, whether it is overdue (its deadline, as the
 * deadline reader understands it, ended before the cut-off and it is not done), the completion rates per group and
 * per agency, and who has not sent a return. `trackingView` is the one call the tracking screen, `status --json` and
 * the report make.
 */
import type { Db } from '../store/open';
import { UserError } from '../errors';
import { loadPlan } from '../store/plans';
import { recordStep, trackingScope } from '../store/history';
import { groupLabel, rowNumbering } from '../model/rows';
import { nfc } from '../model/text';
import {
  isClosed, isDone, STATUS_FIELDS, type AgencyRate, type GroupRate, type ReportingUnit, type ReturnLine, type StatusCounts, type StatusField,
  type StatusOverride, type StatusPatch, type TaskLine, type TaskStatus, type TrackingFilter, type TrackingView, type UnitReturnState,
} from '../model/tracking';
import { issueState } from './issue';
import { periodByKey } from './periods';
import { planTasks, type PlanTask } from './tasks';
import { reportingUnits } from './units';

interface LineRow {
  row_id: number;
  unit: string;
  unit_name: string;
  role: 'lead' | 'cooperate';
  status: TaskStatus | null;
  progress: number | null;
  status_text: string;
  result: string;
  evidence: string;
  difficulties: string;
  note: string;
  file: string;
  read_at: string;
}

interface OverrideRow {
  row_id: number;
  status: TaskStatus | null;
  progress: number | null;
  progress_set: number;
  result: string | null;
  evidence: string | null;
  difficulties: string | null;
  note: string | null;
  updated_at: string;
}

const toLine = (r: LineRow): ReturnLine => ({
  unit: r.unit, unitName: r.unit_name, role: r.role, status: r.status, progress: r.progress, statusText: r.status_text,
  result: r.result, evidence: r.evidence, difficulties: r.difficulties, note: r.note, file: r.file, readAt: r.read_at,
});

function toOverride(r: OverrideRow): StatusOverride {
  const o: StatusOverride = { updatedAt: r.updated_at };
  if (r.status !== null) o.status = r.status;
  if (r.progress_set === 1) o.progress = r.progress;
  if (r.result !== null) o.result = r.result;
  if (r.evidence !== null) o.evidence = r.evidence;
  if (r.difficulties !== null) o.difficulties = r.difficulties;
  if (r.note !== null) o.note = r.note;
  return o;
}

/** What the lead units' lines say together: done only when every expected unit said done. */
export function combineStatuses(statuses: ReadonlyArray<TaskStatus | null>, expected: number): TaskStatus | null {
  const said = statuses.filter((s): s is TaskStatus => s !== null);
  if (!said.length) return null;
  const complete = said.length >= Math.max(1, expected);
  if (said.every((s) => isDone(s))) return complete ? (said.includes('doneLate') ? 'doneLate' : 'done') : 'inProgress';
  if (said.every((s) => s === 'dropped')) return complete ? 'dropped' : 'inProgress';
  if (said.every((s) => s === 'notStarted')) return 'notStarted';
  return 'inProgress';
}

/** `Sở Tư pháp: …` lines when several units wrote, the one text when one did. */
function joined(lines: readonly ReturnLine[], pick: (l: ReturnLine) => string): string {
  const written = lines.filter((l) => pick(l).trim());
  if (written.length <= 1) return written[0] ? pick(written[0]).trim() : '';
  return written.map((l) => `${l.unitName}: ${pick(l).trim()}`).join('\n');
}

function emptyCounts(): StatusCounts {
  return { total: 0, done: 0, doneLate: 0, inProgress: 0, notStarted: 0, dropped: 0, unreported: 0, overdue: 0, rate: 0 };
}

function add(counts: StatusCounts, status: TaskStatus | null, overdue: boolean): void {
  counts.total++;
  if (status === null) counts.unreported++;
  else counts[status]++;
  if (overdue) counts.overdue++;
}

function finish(counts: StatusCounts): StatusCounts {
  counts.rate = counts.total ? (counts.done + counts.doneLate) / counts.total : 0;
  return counts;
}

/** Everything the period holds, read once. */
function periodData(db: Db, periodId: number) {
  const lines = db.prepare(
    `SELECT l.row_id, l.unit, r.unit_name, l.role, l.status, l.progress, l.status_text, l.result, l.evidence, l.difficulties, l.note, r.file, r.read_at
     FROM return_lines l JOIN period_returns r ON r.id = l.return_id WHERE l.period_id = ? ORDER BY r.id`,
  ).all(periodId) as LineRow[];
  const byRow = new Map<number, ReturnLine[]>();
  for (const l of lines) {
    const list = byRow.get(l.row_id);
    if (list) list.push(toLine(l));
    else byRow.set(l.row_id, [toLine(l)]);
  }
  const overrides = new Map(
    (db.prepare('SELECT * FROM task_status WHERE period_id = ?').all(periodId) as OverrideRow[]).map((r) => [r.row_id, toOverride(r)]),
  );
  const returns = db.prepare('SELECT unit, file, read_at FROM period_returns WHERE period_id = ? ORDER BY id').all(periodId) as Array<{ unit: string; file: string; read_at: string }>;
  return { byRow, overrides, returns };
}

/** The units answering for each agency. */
function unitsByAgency(units: readonly ReportingUnit[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const u of units) for (const a of u.agencies) map.set(a, [...(map.get(a) ?? []), u.key]);
  return map;
}

/** The status of a task as the lines of the units answering for `agencies` say it (no override). */
function statusFrom(lines: readonly ReturnLine[], agencies: readonly string[], byAgency: Map<string, string[]>): { status: TaskStatus | null; expected: string[]; leadLines: ReturnLine[] } {
  const expected = [...new Set(agencies.flatMap((a) => byAgency.get(a) ?? []))];
  const expectedSet = new Set(expected);
  // A line the unit gave as a lead though it answers for none of the leads still counts when nobody is expected.
  const leadLines = lines.filter((l) => l.role === 'lead' && (expectedSet.has(l.unit) || expected.length === 0));
  return { status: combineStatuses(leadLines.map((l) => l.status), expected.length), expected, leadLines };
}

/** One task's line in the period: the returns' words, the secretariat's over them, overdue against the cut-off. */
function taskLine(task: PlanTask, names: ReadonlyMap<string, string>, lines: readonly ReturnLine[], override: StatusOverride | undefined, byAgency: Map<string, string[]>, cutoff: string): TaskLine {
  const { status: fromReturns, expected, leadLines } = statusFrom(lines, task.lead, byAgency);
  const progressOf = leadLines.map((l) => l.progress).filter((p): p is number => p !== null);
  const fromProgress = progressOf.length && progressOf.length === leadLines.length ? Math.round(progressOf.reduce((a, b) => a + b, 0) / progressOf.length) : null;
  const status = override?.status ?? fromReturns;
  const deadlineEnd = task.reading.end ?? null;
  const reported = new Set(leadLines.filter((l) => l.status !== null || l.result || l.evidence).map((l) => l.unit));
  return {
    rowId: task.rowId,
    stt: task.stt,
    groupId: task.groupId,
    group: task.group,
    groupTitle: task.groupTitle,
    task: task.task,
    lead: task.lead.map((key) => ({ key, name: names.get(key) ?? key })),
    leadText: task.leadText,
    deadline: task.deadline,
    deadlineEnd,
    status,
    progress: override && 'progress' in override ? (override.progress ?? null) : fromProgress,
    result: override?.result ?? joined(leadLines, (l) => l.result),
    evidence: override?.evidence ?? joined(leadLines, (l) => l.evidence),
    difficulties: override?.difficulties ?? joined(lines, (l) => l.difficulties),
    note: override?.note ?? joined(lines, (l) => l.note),
    overdue: deadlineEnd !== null && deadlineEnd < cutoff && !isClosed(status),
    source: override && Object.keys(override).length > 1 ? 'secretariat' : leadLines.length ? 'returns' : null,
    sourceFiles: [...new Set(lines.map((l) => l.file))],
    expected: expected.length,
    reportedBy: reported.size,
    returns: [...lines],
    override: override ?? null,
  };
}

function matches(line: TaskLine, filter: TrackingFilter): boolean {
  if (filter.agency !== undefined && !line.lead.some((l) => l.key === filter.agency)) return false;
  if (filter.groupId !== undefined && line.groupId !== filter.groupId) return false;
  if (filter.status !== undefined && (filter.status === 'unreported' ? line.status !== null : line.status !== filter.status)) return false;
  if (filter.overdue !== undefined && line.overdue !== filter.overdue) return false;
  return true;
}

/**
 * The period's tracking: each task's line (after `filter`), the counts and rates per group and per lead agency over
 * the whole plan, the units and whether they sent their return. Refused for a period the plan does not have.
 */
export function trackingView(db: Db, planId: number, periodKey: string, filter: TrackingFilter = {}): TrackingView {
  const { pkg } = loadPlan(db, planId);
  const { id: periodId, period } = periodByKey(db, planId, periodKey);
  const tasks = planTasks(pkg);
  const units = reportingUnits(db, planId, pkg.agencies, tasks);
  const byAgency = unitsByAgency(units);
  const data = periodData(db, periodId);
  const leaves = tasks.filter((t) => t.leaf);
  const names = new Map(pkg.agencies.map((a) => [a.key, a.name]));
  const lines = leaves.map((t) => taskLine(t, names, data.byRow.get(t.rowId) ?? [], data.overrides.get(t.rowId), byAgency, period.cutoff));

  const totals = emptyCounts();
  const numbering = rowNumbering(pkg.appendix);
  const groups: GroupRate[] = pkg.appendix.groups.map((g, i) => ({ groupId: g.id!, label: groupLabel(numbering, i).replace(/\.$/, ''), title: g.title, counts: emptyCounts() }));
  const agencyCounts = new Map<string, StatusCounts>();
  lines.forEach((line, i) => {
    add(totals, line.status, line.overdue);
    add(groups[line.group].counts, line.status, line.overdue);
    const task = leaves[i];
    for (const key of task.lead) {
      // Each lead agency by its own units' words (the secretariat's word, when given, for all of them).
      const own = data.overrides.get(task.rowId)?.status ?? statusFrom(line.returns, [key], byAgency).status;
      const overdue = line.deadlineEnd !== null && line.deadlineEnd < period.cutoff && !isClosed(own);
      let counts = agencyCounts.get(key);
      if (!counts) agencyCounts.set(key, (counts = emptyCounts()));
      add(counts, own, overdue);
    }
  });
  const agencies: AgencyRate[] = pkg.agencies.filter((a) => agencyCounts.has(a.key)).map((a) => ({ key: a.key, name: a.name, counts: finish(agencyCounts.get(a.key)!) }));
  const unitStates: UnitReturnState[] = units.map((u) => {
    const files = data.returns.filter((r) => r.unit === u.key).map((r) => ({ file: r.file, readAt: r.read_at }));
    return { key: u.key, name: u.name, leads: u.leads, files, sent: files.length > 0, late: files.length > 0 && files[0].readAt.slice(0, 10) > period.returnsDue };
  });
  const open = db.prepare("SELECT count(*) AS n FROM return_proposals WHERE period_id = ? AND state = 'open'").get(periodId) as { n: number };
  return {
    period,
    issue: issueState(db, planId, pkg),
    tasks: lines.filter((l) => matches(l, filter)),
    totals: finish(totals),
    groups: groups.map((g) => ({ ...g, counts: finish(g.counts) })),
    agencies,
    units: unitStates,
    missing: unitStates.filter((u) => u.leads > 0 && !u.sent).map((u) => ({ key: u.key, name: u.name })),
    openProposals: open.n,
  };
}

/** A leaf row of this plan, or a coded refusal naming it. */
function checkTaskRow(db: Db, planId: number, rowId: number): void {
  const row = db.prepare(
    'SELECT (SELECT count(*) FROM appendix_rows c WHERE c.parent_id = r.id) AS children FROM appendix_rows r JOIN appendix_groups g ON g.id = r.group_id WHERE r.id = ? AND g.plan_id = ?',
  ).get(rowId, planId) as { children: number } | undefined;
  if (!row) throw UserError.coded('row.notFound', { id: rowId }, `Row ${rowId} is not in this plan.`);
  if (row.children > 0) throw UserError.coded('tracking.parentRow', { id: rowId }, `Row ${rowId} has sub-rows: their statuses make its own.`);
}

/** One task's line after a change (the view of the whole period, then the one line). */
export function taskLineOf(db: Db, planId: number, periodKey: string, rowId: number): TaskLine {
  const line = trackingView(db, planId, periodKey).tasks.find((t) => t.rowId === rowId);
  if (!line) throw UserError.coded('row.notFound', { id: rowId }, `Row ${rowId} is not in this plan.`);
  return line;
}

/**
 * The secretariat's word on a task (it has the last word over the returns): only the fields given change. One
 * transaction and one step of the plan's tracking history. Returns the task's line.
 */
export function setTaskStatus(db: Db, planId: number, periodKey: string, rowId: number, patch: StatusPatch): TaskLine {
  const { id: periodId } = periodByKey(db, planId, periodKey);
  checkTaskRow(db, planId, rowId);
  if (patch.progress !== undefined && patch.progress !== null && (!Number.isInteger(patch.progress) || patch.progress < 0 || patch.progress > 100)) {
    throw UserError.coded('tracking.badProgress', { value: String(patch.progress) }, `${patch.progress}: a percentage is a whole number from 0 to 100.`);
  }
  const text = (v: string | undefined) => (v === undefined ? undefined : nfc(v).trim());
  db.transaction(() =>
    recordStep(db, trackingScope(planId), 'setTaskStatus', () => {
      db.prepare('INSERT INTO task_status (period_id, row_id, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(periodId, rowId, new Date().toISOString());
      const sets: string[] = ['updated_at = ?'];
      const values: unknown[] = [new Date().toISOString()];
      const set = (sql: string, value: unknown) => {
        sets.push(sql);
        values.push(value);
      };
      if (patch.status !== undefined) set('status = ?', patch.status);
      if (patch.progress !== undefined) set('progress = ?, progress_set = 1', patch.progress);
      for (const f of ['result', 'evidence', 'difficulties', 'note'] as const) if (patch[f] !== undefined) set(`${f} = ?`, text(patch[f]));
      db.prepare(`UPDATE task_status SET ${sets.join(', ')} WHERE period_id = ? AND row_id = ?`).run(...values, periodId, rowId);
    }),
  ).immediate();
  return taskLineOf(db, planId, periodKey, rowId);
}

/** Takes back the secretariat's word on some fields (all when none are named): the returns' words show again. */
export function clearTaskStatus(db: Db, planId: number, periodKey: string, rowId: number, fields: readonly StatusField[] = STATUS_FIELDS): TaskLine {
  const { id: periodId } = periodByKey(db, planId, periodKey);
  checkTaskRow(db, planId, rowId);
  db.transaction(() =>
    recordStep(db, trackingScope(planId), 'clearTaskStatus', () => {
      const sets = fields.map((f) => (f === 'progress' ? 'progress = NULL, progress_set = 0' : `${f} = NULL`));
      db.prepare(`UPDATE task_status SET ${sets.join(', ')} WHERE period_id = ? AND row_id = ?`).run(periodId, rowId);
      db.prepare(
        `DELETE FROM task_status WHERE period_id = ? AND row_id = ? AND status IS NULL AND progress_set = 0 AND result IS NULL AND evidence IS NULL
           AND difficulties IS NULL AND note IS NULL`,
      ).run(periodId, rowId);
    }),
  ).immediate();
  return taskLineOf(db, planId, periodKey, rowId);
}
