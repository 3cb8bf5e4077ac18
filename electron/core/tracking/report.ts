/**
 * The Báo cáo of a period (#23), kept in the store: its ND30 fields (number, symbol `BC-UBND`, date, trích yếu,
 * place, `Kính gửi`, `Nơi nhận`, signer) and its body, a tree of nodes edited like the plan's body (insert, update,
 * move, delete; the numbering `I.`, `1.`, `a)`, `-` is the program's). Made from a template (report-template.ts) the
 * first time it is opened, with the period's figures; `refreshReportFigures` writes the latest figures into the
 * nodes nobody edited. Every change is one transaction and one step of the plan's tracking history.
 */
import type { Db } from '../store/open';
import { UserError } from '../errors';
import { loadPlan } from '../store/plans';
import { recordStep, trackingScope } from '../store/history';
import { isValidIsoDate } from '../model/dates';
import { nfc } from '../model/text';
import { BODY_KINDS, SIGNER_PREFIXES, type BodyKind, type RichText, type Signer } from '../model/types';
import type { BodyNodeInput } from '../api/shapes';
import { REPORT_FIELDS, REPORT_LISTS, type ReportDraft, type ReportField, type ReportList, type ReportNode } from '../model/tracking';
import { requireIssued } from './issue';
import { periodByKey } from './periods';
import { trackingView } from './status';
import { DEFAULT_TEMPLATE, fillTemplate, loadTemplate, templateText, type FillContext, type FilledNode } from './report-template';

interface ReportRow {
  id: number;
  plan_id: number;
  period_id: number;
  template: string;
  number: string;
  symbol: string;
  date: string | null;
  summary: string;
  place: string;
  addressees: string;
  recipients: string;
  signer: string;
  updated_at: string;
  revision: number;
}

function fillContext(db: Db, planId: number, periodKey: string): FillContext {
  const view = trackingView(db, planId, periodKey);
  const { pkg } = loadPlan(db, planId, { rows: false });
  return { view, issuer: pkg.issuer.citedAs, planSummary: pkg.plan.summary, hasDecision: pkg.decision !== null };
}

function insertNodes(db: Db, reportId: number, parentId: number | null, nodes: readonly FilledNode[]): void {
  const insert = db.prepare('INSERT INTO report_nodes (report_id, parent_id, position, kind, heading, text, auto) VALUES (?, ?, ?, ?, ?, ?, ?)');
  nodes.forEach((n, i) => {
    const id = Number(insert.run(reportId, parentId, i, n.kind, n.heading ? 1 : 0, JSON.stringify(n.text.map((r) => ({ ...r, text: nfc(r.text) }))), n.auto).lastInsertRowid);
    insertNodes(db, reportId, id, n.children);
  });
}

function reportRow(db: Db, planId: number, periodId: number): ReportRow | undefined {
  return db.prepare('SELECT * FROM reports WHERE plan_id = ? AND period_id = ?').get(planId, periodId) as ReportRow | undefined;
}

function loadNodes(db: Db, reportId: number): ReportNode[] {
  const rows = db.prepare('SELECT id, parent_id, kind, heading, text, auto FROM report_nodes WHERE report_id = ? ORDER BY parent_id, position').all(reportId) as Array<{
    id: number; parent_id: number | null; kind: BodyKind; heading: number; text: string; auto: string | null;
  }>;
  const nodes = new Map<number, ReportNode>(rows.map((r) => [r.id, { id: r.id, kind: r.kind, heading: r.heading === 1, text: JSON.parse(r.text) as RichText, auto: r.auto, children: [] }]));
  const roots: ReportNode[] = [];
  for (const r of rows) (r.parent_id === null ? roots : nodes.get(r.parent_id)!.children).push(nodes.get(r.id)!);
  return roots;
}

function draftOf(db: Db, planId: number, periodKey: string, row: ReportRow): ReportDraft {
  return {
    id: row.id,
    period: periodByKey(db, planId, periodKey).period,
    template: row.template,
    number: row.number,
    symbol: row.symbol,
    date: row.date,
    summary: row.summary,
    place: row.place,
    addressees: JSON.parse(row.addressees) as string[],
    recipients: JSON.parse(row.recipients) as string[],
    signer: JSON.parse(row.signer) as Signer,
    body: loadNodes(db, row.id),
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}

/**
 * The report of a period, made from `template` (the province's; `cchc-bnv-581` by default) the first time: fields from
 * the template and the plan (its place, its signer), body filled with the period's figures. Refused for a plan never
 * issued. `template` is ignored once the report exists (see `resetReport`).
 */
export function openReport(db: Db, planId: number, periodKey: string, template?: string): ReportDraft {
  requireIssued(db, planId);
  const { id: periodId } = periodByKey(db, planId, periodKey);
  const existing = reportRow(db, planId, periodId);
  if (existing) return draftOf(db, planId, periodKey, existing);
  createReport(db, planId, periodKey, periodId, template ?? DEFAULT_TEMPLATE);
  return draftOf(db, planId, periodKey, reportRow(db, planId, periodId)!);
}

function createReport(db: Db, planId: number, periodKey: string, periodId: number, templateKey: string): void {
  const template = loadTemplate(templateKey);
  const ctx = fillContext(db, planId, periodKey);
  const { pkg } = loadPlan(db, planId, { rows: false });
  const signer = (pkg.decision ?? pkg.plan.issuance)?.signer ?? { prefix: '', title: '', deputyTitle: '', name: '' };
  const now = new Date().toISOString();
  db.transaction(() =>
    recordStep(db, trackingScope(planId), 'openReport', () => {
      const id = Number(
        db.prepare(
          `INSERT INTO reports (plan_id, period_id, template, number, symbol, date, summary, place, addressees, recipients, signer, created_at, updated_at)
           VALUES (?, ?, ?, '', ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          planId, periodId, template.key, template.symbol, nfc(templateText(template.summary, ctx)), nfc(pkg.issuer.place),
          JSON.stringify(template.addressees.map(nfc)), JSON.stringify(template.recipients.map(nfc)), JSON.stringify(signer), now, now,
        ).lastInsertRowid,
      );
      insertNodes(db, id, null, fillTemplate(template, ctx));
    }),
  )();
}

/** Makes the report again from a template (the one it had, or `template`): its edits are lost (one undo step brings them back). */
export function resetReport(db: Db, planId: number, periodKey: string, template?: string): ReportDraft {
  requireIssued(db, planId);
  const { id: periodId } = periodByKey(db, planId, periodKey);
  const existing = reportRow(db, planId, periodId);
  db.transaction(() =>
    recordStep(db, trackingScope(planId), 'resetReport', () => {
      if (existing) db.prepare('DELETE FROM reports WHERE id = ?').run(existing.id);
      createReport(db, planId, periodKey, periodId, template ?? existing?.template ?? DEFAULT_TEMPLATE);
    }),
  )();
  return draftOf(db, planId, periodKey, reportRow(db, planId, periodId)!);
}

function requireReport(db: Db, planId: number, periodKey: string): ReportRow {
  const { id: periodId } = periodByKey(db, planId, periodKey);
  const row = reportRow(db, planId, periodId);
  if (!row) throw UserError.coded('report.notFound', { period: periodKey }, `No report for ${periodKey} yet: open it first.`);
  return row;
}

/** One change of a report: its transaction, its tracking-history step, the report's revision bumped. */
function reportEdit<T>(db: Db, planId: number, reportId: number, label: string, work: () => T): T {
  return db.transaction(() =>
    recordStep(db, trackingScope(planId), label, () => {
      const result = work();
      db.prepare('UPDATE reports SET revision = revision + 1, updated_at = ? WHERE id = ?').run(new Date().toISOString(), reportId);
      return result;
    }),
  ).immediate();
}

/** Sets one field: `number` digits, `date` ISO or '' (blank), `signer.prefix` one of the prefixes, the rest text. */
export function setReportField(db: Db, planId: number, periodKey: string, field: ReportField, value: string): ReportDraft {
  const row = requireReport(db, planId, periodKey);
  if (!(REPORT_FIELDS as readonly string[]).includes(field)) throw UserError.coded('field.unknown', { field }, `"${field}" is not a field of a report.`);
  const clean = nfc(value).trim();
  if (field === 'number' && !/^\d{0,10}$/.test(clean)) throw UserError.coded('field.numberDigits', { field }, `${field}: digits only.`);
  if (field === 'date' && clean && !isValidIsoDate(clean)) throw UserError.coded('field.notDate', { field, value }, `${field}: "${value}" is not a date.`);
  if (field === 'symbol' && !/^[^\s/]{0,50}$/.test(clean)) throw UserError.coded('field.symbolFormat', { field, value }, `${field}: "${value}" is a symbol such as BC-UBND.`);
  if (field === 'signer.prefix' && !(SIGNER_PREFIXES as readonly string[]).includes(clean)) {
    throw UserError.coded('field.notPrefix', { field, value, allowed: SIGNER_PREFIXES.filter(Boolean).join(', ') }, `${field}: "${value}" is not a prefix.`);
  }
  reportEdit(db, planId, row.id, 'setReportField', () => {
    if (field.startsWith('signer.')) {
      const signer = JSON.parse(row.signer) as Signer;
      (signer as unknown as Record<string, string>)[field.slice('signer.'.length)] = field === 'signer.prefix' ? clean : nfc(value);
      db.prepare('UPDATE reports SET signer = ? WHERE id = ?').run(JSON.stringify(signer), row.id);
    } else {
      db.prepare(`UPDATE reports SET ${field} = ? WHERE id = ?`).run(field === 'date' && !clean ? null : field === 'summary' ? nfc(value) : clean, row.id);
    }
  });
  return draftOf(db, planId, periodKey, requireReport(db, planId, periodKey));
}

/** Replaces a list (`addressees`: the `Kính gửi` lines; `recipients`: `Nơi nhận`). */
export function setReportList(db: Db, planId: number, periodKey: string, list: ReportList, items: readonly string[]): ReportDraft {
  const row = requireReport(db, planId, periodKey);
  if (!(REPORT_LISTS as readonly string[]).includes(list)) throw UserError.coded('list.unknown', { list }, `"${list}" is not a list of a report.`);
  reportEdit(db, planId, row.id, 'setReportList', () => db.prepare(`UPDATE reports SET ${list} = ? WHERE id = ?`).run(JSON.stringify(items.map((i) => nfc(i).trim()).filter(Boolean)), row.id));
  return draftOf(db, planId, periodKey, requireReport(db, planId, periodKey));
}

/** The report a node belongs to, checked to be this plan's. */
function nodeReport(db: Db, planId: number, nodeId: number): { reportId: number; parentId: number | null; position: number } {
  const row = db.prepare('SELECT n.report_id, n.parent_id, n.position FROM report_nodes n JOIN reports r ON r.id = n.report_id WHERE n.id = ? AND r.plan_id = ?').get(nodeId, planId) as
    | { report_id: number; parent_id: number | null; position: number }
    | undefined;
  if (!row) throw UserError.coded('report.nodeNotFound', { id: nodeId }, `Paragraph ${nodeId} is not in a report of this plan.`);
  return { reportId: row.report_id, parentId: row.parent_id, position: row.position };
}

function siblingsCount(db: Db, reportId: number, parentId: number | null): number {
  return (db.prepare('SELECT count(*) AS n FROM report_nodes WHERE report_id = ? AND parent_id IS ?').get(reportId, parentId) as { n: number }).n;
}

const runsJson = (text: RichText) => JSON.stringify(text.map((r) => ({ ...r, text: nfc(r.text) })));

function checkKind(kind: string): void {
  if (!(BODY_KINDS as readonly string[]).includes(kind)) throw UserError.coded('body.unknownKind', { kind }, `"${kind}" is not a kind of paragraph.`);
}

/** Inserts a paragraph into the report of `periodKey` under `parentId` (null: top level) at `index`; returns its id. */
export function insertReportNode(db: Db, planId: number, periodKey: string, parentId: number | null, index: number, node: BodyNodeInput): number {
  const row = requireReport(db, planId, periodKey);
  checkKind(node.kind);
  if (parentId !== null && nodeReport(db, planId, parentId).reportId !== row.id) throw UserError.coded('report.nodeNotFound', { id: parentId }, `Paragraph ${parentId} is not in this report.`);
  return reportEdit(db, planId, row.id, 'insertReportNode', () => {
    const at = Math.max(0, Math.min(index, siblingsCount(db, row.id, parentId)));
    db.prepare('UPDATE report_nodes SET position = position + 1 WHERE report_id = ? AND parent_id IS ? AND position >= ?').run(row.id, parentId, at);
    return Number(
      db.prepare('INSERT INTO report_nodes (report_id, parent_id, position, kind, heading, text, auto) VALUES (?, ?, ?, ?, ?, ?, NULL)').run(
        row.id, parentId, at, node.kind, node.heading || node.kind === 'part' ? 1 : 0, runsJson(node.text),
      ).lastInsertRowid,
    );
  });
}

/** Changes a paragraph's text, kind or heading; an edited filled paragraph is the drafter's from then on (no longer refreshed). */
export function updateReportNode(db: Db, planId: number, nodeId: number, patch: Partial<BodyNodeInput>): void {
  const { reportId } = nodeReport(db, planId, nodeId);
  if (patch.kind !== undefined) checkKind(patch.kind);
  reportEdit(db, planId, reportId, 'updateReportNode', () => {
    if (patch.kind !== undefined) db.prepare('UPDATE report_nodes SET kind = ? WHERE id = ?').run(patch.kind, nodeId);
    if (patch.heading !== undefined) db.prepare('UPDATE report_nodes SET heading = ? WHERE id = ?').run(patch.heading ? 1 : 0, nodeId);
    if (patch.text !== undefined) db.prepare('UPDATE report_nodes SET text = ?, auto = NULL WHERE id = ?').run(runsJson(patch.text), nodeId);
  });
}

/** Moves a paragraph (with its subtree) under `parentId` at `index`; `patch` changes its kind in the same step. */
export function moveReportNode(db: Db, planId: number, nodeId: number, parentId: number | null, index: number, patch?: Partial<BodyNodeInput>): void {
  const from = nodeReport(db, planId, nodeId);
  if (parentId !== null) {
    if (nodeReport(db, planId, parentId).reportId !== from.reportId) throw UserError.coded('report.nodeNotFound', { id: parentId }, `Paragraph ${parentId} is not in this report.`);
    for (let p: number | null = parentId; p !== null; p = (db.prepare('SELECT parent_id FROM report_nodes WHERE id = ?').get(p) as { parent_id: number | null }).parent_id) {
      if (p === nodeId) throw UserError.coded('body.moveIntoSelf', {}, 'A paragraph cannot go inside itself.');
    }
  }
  if (patch?.kind !== undefined) checkKind(patch.kind);
  reportEdit(db, planId, from.reportId, 'moveReportNode', () => {
    db.prepare('UPDATE report_nodes SET position = position - 1 WHERE report_id = ? AND parent_id IS ? AND position > ?').run(from.reportId, from.parentId, from.position);
    const at = Math.max(0, Math.min(index, siblingsCount(db, from.reportId, parentId) - (parentId === from.parentId ? 1 : 0)));
    db.prepare('UPDATE report_nodes SET position = position + 1 WHERE report_id = ? AND parent_id IS ? AND position >= ? AND id != ?').run(from.reportId, parentId, at, nodeId);
    db.prepare('UPDATE report_nodes SET parent_id = ?, position = ? WHERE id = ?').run(parentId, at, nodeId);
    if (patch?.kind !== undefined) db.prepare('UPDATE report_nodes SET kind = ? WHERE id = ?').run(patch.kind, nodeId);
    if (patch?.heading !== undefined) db.prepare('UPDATE report_nodes SET heading = ? WHERE id = ?').run(patch.heading ? 1 : 0, nodeId);
    if (patch?.text !== undefined) db.prepare('UPDATE report_nodes SET text = ?, auto = NULL WHERE id = ?').run(runsJson(patch.text), nodeId);
  });
}

/** Deletes a paragraph and its subtree. */
export function deleteReportNode(db: Db, planId: number, nodeId: number): void {
  const at = nodeReport(db, planId, nodeId);
  reportEdit(db, planId, at.reportId, 'deleteReportNode', () => {
    db.prepare('DELETE FROM report_nodes WHERE id = ?').run(nodeId);
    db.prepare('UPDATE report_nodes SET position = position - 1 WHERE report_id = ? AND parent_id IS ? AND position > ?').run(at.reportId, at.parentId, at.position);
  });
}

/**
 * Writes the latest figures into the filled paragraphs nobody edited (their text and their list of tasks); the
 * drafter's paragraphs, and filled ones the drafter changed, stay as they are. Returns the report.
 */
export function refreshReportFigures(db: Db, planId: number, periodKey: string): ReportDraft {
  const row = requireReport(db, planId, periodKey);
  const fresh = new Map<string, FilledNode>();
  const walk = (nodes: readonly FilledNode[]) => {
    for (const n of nodes) {
      if (n.auto) fresh.set(n.auto, n);
      walk(n.children);
    }
  };
  walk(fillTemplate(loadTemplate(row.template), fillContext(db, planId, periodKey)));
  const stored = db.prepare('SELECT id, auto FROM report_nodes WHERE report_id = ? AND auto IS NOT NULL').all(row.id) as Array<{ id: number; auto: string }>;
  reportEdit(db, planId, row.id, 'refreshReportFigures', () => {
    for (const s of stored) {
      const n = fresh.get(s.auto);
      if (!n) continue;
      db.prepare('UPDATE report_nodes SET text = ? WHERE id = ?').run(runsJson(n.text), s.id);
      db.prepare('DELETE FROM report_nodes WHERE parent_id = ?').run(s.id);
      insertNodes(db, row.id, s.id, n.children);
    }
  });
  return draftOf(db, planId, periodKey, requireReport(db, planId, periodKey));
}

/** The report as stored (without making one). Refused when none was opened. */
export function reportDraft(db: Db, planId: number, periodKey: string): ReportDraft {
  return draftOf(db, planId, periodKey, requireReport(db, planId, periodKey));
}
