/**
 * What a batch of returns left for the secretariat to look at (#23): the returns read (each with its report) and the
 * new tasks units added to their returns. A proposed task is never taken in silence: the secretariat takes it into
 * the plan (an edit of the content: refused while the plan is issued and frozen — open an adjustment first) or
 * dismisses it.
 */
import type { Db } from '../store/open';
import { UserError } from '../errors';
import { loadPlan } from '../store/plans';
import { recordStep, trackingScope } from '../store/history';
import { takeProposal } from '../merge/take';
import type { TakeTarget } from '../model/merge';
import type { ReturnFileReport, ReturnProposal, ReturnRecord, TaskStatus } from '../model/tracking';
import { periodByKey } from './periods';

interface ProposalRow {
  id: number;
  key: string;
  unit: string;
  unit_name: string;
  file: string;
  sheet_row: number;
  stt: string;
  group_title: string;
  task: string;
  deadline: string;
  status: TaskStatus | null;
  status_text: string;
  result: string;
  evidence: string;
  note: string;
  state: 'open' | 'taken' | 'dismissed';
  taken_row_id: number | null;
}

const toProposal = (r: ProposalRow): ReturnProposal => ({
  id: r.id, period: r.key, unit: r.unit, unitName: r.unit_name, file: r.file, row: r.sheet_row, stt: r.stt, group: r.group_title, task: r.task,
  deadline: r.deadline, status: r.status, statusText: r.status_text, result: r.result, evidence: r.evidence, note: r.note, state: r.state, takenRowId: r.taken_row_id,
});

/** The returns read for a period, newest first, each with the report it got when read. */
export function listReturns(db: Db, planId: number, periodKey: string): ReturnRecord[] {
  const { id } = periodByKey(db, planId, periodKey);
  const rows = db.prepare('SELECT id, unit, unit_name, file, read_at, matched_by, report FROM period_returns WHERE period_id = ? ORDER BY id DESC').all(id) as Array<{
    id: number; unit: string; unit_name: string; file: string; read_at: string; matched_by: 'manifest' | 'text'; report: string;
  }>;
  return rows.map((r) => ({ id: r.id, period: periodKey, unit: r.unit, unitName: r.unit_name, file: r.file, readAt: r.read_at, matchedBy: r.matched_by, report: JSON.parse(r.report) as ReturnFileReport }));
}

/** The tasks units proposed in their returns (of one period, or of all), in the order read. */
export function listReturnProposals(db: Db, planId: number, periodKey?: string): ReturnProposal[] {
  const period = periodKey ? periodByKey(db, planId, periodKey).id : null;
  const rows = db.prepare(
    `SELECT p.*, r.key FROM return_proposals p JOIN report_periods r ON r.id = p.period_id WHERE r.plan_id = ? AND (? IS NULL OR p.period_id = ?) ORDER BY p.id`,
  ).all(planId, period, period) as ProposalRow[];
  return rows.map(toProposal);
}

function proposalOf(db: Db, planId: number, id: number): ProposalRow {
  const row = db.prepare('SELECT p.*, r.key FROM return_proposals p JOIN report_periods r ON r.id = p.period_id WHERE p.id = ? AND r.plan_id = ?').get(id, planId) as ProposalRow | undefined;
  if (!row) throw UserError.coded('returns.proposalNotFound', { id }, `No proposal ${id} in this plan.`);
  return row;
}

/** Dismisses a proposal (or opens it again): one step of the tracking history. */
export function setReturnProposalState(db: Db, planId: number, id: number, state: 'open' | 'dismissed'): ReturnProposal {
  const row = proposalOf(db, planId, id);
  if (row.state === 'taken') throw UserError.coded('returns.proposalTaken', { id }, `Proposal ${id} was taken into the plan already.`);
  db.transaction(() => recordStep(db, trackingScope(planId), 'setReturnProposalState', () => db.prepare('UPDATE return_proposals SET state = ? WHERE id = ?').run(state, id)))();
  return toProposal(proposalOf(db, planId, id));
}

/**
 * Takes a proposed task into the appendix at `target` (as the merge desk takes a department's row: its source is
 * remembered), with the unit as its lead when the unit is an agency of the directory, and marks the proposal taken.
 * An edit of the content: refused while the plan is issued and frozen (`plan.issuedFrozen`). Returns the new row id.
 */
export function takeReturnProposal(db: Db, planId: number, id: number, target: Extract<TakeTarget, { kind: 'new' }>): number {
  const row = proposalOf(db, planId, id);
  if (row.state === 'taken') throw UserError.coded('returns.proposalTaken', { id }, `Proposal ${id} was taken into the plan already.`);
  const { pkg } = loadPlan(db, planId, { rows: false });
  const key = (role: string) => pkg.appendix.columns.find((c) => c.role === role)?.key;
  const cells: Record<string, string> = {};
  const put = (role: string, text: string) => {
    const k = key(role);
    if (k && text) cells[k] = text;
  };
  put('task', row.task);
  put('deadline', row.deadline);
  put('note', row.note);
  if (pkg.agencies.some((a) => a.key === row.unit)) put('lead', row.unit_name);
  return db.transaction(() => {
    const rowId = takeProposal(db, planId, target, cells, { file: row.file, department: row.unit_name });
    db.prepare("UPDATE return_proposals SET state = 'taken', taken_row_id = ? WHERE id = ?").run(rowId, id);
    return rowId;
  })();
}
