/**
 * A plan's tracking data in and out of the exchange file (#23, format v2.1): its issues (with the signed PDF's bytes
 * in an exchange file, without them in a saved version: the store keeps those), periods, units, the returns read
 * with their lines, the secretariat's statuses, the proposals and the reports. Rows are named by their place
 * (`RowPath`), so the file means the same in any store; a plan made from such a file gets it all back, its rows
 * matched by place.
 */
import type { Db } from '../store/open';
import { insertPackage, loadPlan, planSummary } from '../store/plans';
import { allRows } from '../model/rows';
import { foldForSearch, nfc } from '../model/text';
import type { PlanPackage, PlanTracking, RowPath, Signer, TrackedReportNode, TrackedStatus } from '../model/types';
import type { ReportNode } from '../model/tracking';
import type { PlanSummary } from '../api/shapes';

/** The plan's row of `plan_tracking` (issue.ts reads the same; not imported from there: versions.ts imports this module and issue.ts imports versions). */
function trackingRow(db: Db, planId: number) {
  return db.prepare('SELECT uid, frozen, adjusting_since, adjusting_reason FROM plan_tracking WHERE plan_id = ?').get(planId) as
    | { uid: string; frozen: number; adjusting_since: string | null; adjusting_reason: string | null }
    | undefined;
}

/** Row id → place, and place → row id, of a stored package. */
function rowPlaces(pkg: PlanPackage): { pathOf: Map<number, RowPath>; idOf: Map<string, number> } {
  const pathOf = new Map<number, RowPath>();
  const idOf = new Map<string, number>();
  for (const v of allRows(pkg.appendix.groups)) {
    const path = [v.group, ...v.path];
    pathOf.set(v.row.id!, path);
    idOf.set(path.join('.'), v.row.id!);
  }
  return { pathOf, idOf };
}

const toNode = (n: ReportNode): TrackedReportNode => ({ kind: n.kind, heading: n.heading, text: n.text, auto: n.auto, children: n.children.map(toNode) });

/**
 * The plan's tracking as the exchange file writes it, or null for a plan never issued nor followed. `pdf`: whether
 * the signed PDFs' bytes go in (an exchange file: yes; a saved version: no, the store keeps them).
 */
export function trackingDoc(db: Db, planId: number, pkg: PlanPackage, { pdf }: { pdf: boolean }): PlanTracking | null {
  const row = trackingRow(db, planId);
  const periodCount = (db.prepare('SELECT count(*) AS n FROM report_periods WHERE plan_id = ?').get(planId) as { n: number }).n;
  if (!row && periodCount === 0) return null;
  const { pathOf } = rowPlaces(pkg);
  const path = (id: number | null) => (id === null ? null : (pathOf.get(id) ?? null));
  const issues = (db.prepare('SELECT kind, number, symbol, date, issued_at, reason, pdf_name, pdf_size, pdf_sha256, pdf FROM plan_issues WHERE plan_id = ? ORDER BY id').all(planId) as Array<{
    kind: 'issue' | 'adjustment'; number: string; symbol: string; date: string; issued_at: string; reason: string; pdf_name: string | null; pdf_size: number | null; pdf_sha256: string | null; pdf: Buffer | null;
  }>).map((i) => ({
    kind: i.kind, number: i.number, symbol: i.symbol, date: i.date, issuedAt: i.issued_at, reason: i.reason,
    pdf: i.pdf_name ? { name: i.pdf_name, size: i.pdf_size ?? 0, sha256: i.pdf_sha256 ?? '', ...(pdf && i.pdf ? { base64: i.pdf.toString('base64') } : {}) } : null,
  }));
  const periods = db.prepare('SELECT * FROM report_periods WHERE plan_id = ? ORDER BY id').all(planId) as Array<{
    id: number; key: string; year: number; code: PlanTracking['periods'][number]['code']; label: string; from_date: string; cutoff: string; due: string; returns_due: string; by_rule: number;
  }>;
  const keyOf = new Map(periods.map((p) => [p.id, p.key]));
  const units = (db.prepare('SELECT id, key, name FROM reporting_units WHERE plan_id = ? ORDER BY position, id').all(planId) as Array<{ id: number; key: string; name: string }>).map((u) => ({
    key: u.key,
    name: u.name,
    agencies: (db.prepare('SELECT a.key FROM reporting_unit_agencies l JOIN agencies a ON a.id = l.agency_id WHERE l.unit_id = ? ORDER BY a.id').all(u.id) as Array<{ key: string }>).map((a) => a.key),
  }));
  const periodIds = periods.map((p) => p.id);
  const inPeriods = `period_id IN (${periodIds.length ? periodIds.join(',') : 'NULL'})`;
  const returns = (db.prepare(`SELECT * FROM period_returns WHERE ${inPeriods} ORDER BY id`).all() as Array<{
    id: number; period_id: number; unit: string; unit_name: string; file: string; content_sha: string; read_at: string; matched_by: 'manifest' | 'text'; report: string;
  }>).map((r) => ({
    period: keyOf.get(r.period_id)!, unit: r.unit, unitName: r.unit_name, file: r.file, sha256: r.content_sha, readAt: r.read_at, matchedBy: r.matched_by,
    report: JSON.parse(r.report) as Record<string, unknown>,
    lines: (db.prepare('SELECT * FROM return_lines WHERE return_id = ? ORDER BY row_id, unit').all(r.id) as Array<{
      row_id: number; role: 'lead' | 'cooperate'; status: TrackedStatus | null; progress: number | null; status_text: string; result: string; evidence: string; difficulties: string; note: string;
    }>).flatMap((l) => {
      const at = path(l.row_id);
      return at ? [{ row: at, role: l.role, status: l.status, progress: l.progress, statusText: l.status_text, result: l.result, evidence: l.evidence, difficulties: l.difficulties, note: l.note }] : [];
    }),
  }));
  const statuses = (db.prepare(`SELECT * FROM task_status WHERE ${inPeriods} ORDER BY period_id, row_id`).all() as Array<{
    period_id: number; row_id: number; status: TrackedStatus | null; progress: number | null; progress_set: number; result: string | null; evidence: string | null; difficulties: string | null; note: string | null; updated_at: string;
  }>).flatMap((s) => {
    const at = path(s.row_id);
    if (!at) return [];
    const out: PlanTracking['statuses'][number] = { period: keyOf.get(s.period_id)!, row: at, updatedAt: s.updated_at };
    if (s.status !== null) out.status = s.status;
    if (s.progress_set === 1) out.progress = s.progress;
    for (const f of ['result', 'evidence', 'difficulties', 'note'] as const) if (s[f] !== null) out[f] = s[f]!;
    return [out];
  });
  const proposals = (db.prepare(`SELECT * FROM return_proposals WHERE ${inPeriods} ORDER BY id`).all() as Array<{
    period_id: number; unit: string; unit_name: string; file: string; sheet_row: number; stt: string; group_title: string; task: string; deadline: string;
    status: TrackedStatus | null; status_text: string; result: string; evidence: string; note: string; state: 'open' | 'taken' | 'dismissed'; taken_row_id: number | null;
  }>).map((p) => ({
    period: keyOf.get(p.period_id)!, unit: p.unit, unitName: p.unit_name, file: p.file, sheetRow: p.sheet_row, stt: p.stt, group: p.group_title, task: p.task,
    deadline: p.deadline, status: p.status, statusText: p.status_text, result: p.result, evidence: p.evidence, note: p.note, state: p.state, takenRow: path(p.taken_row_id),
  }));
  const reports = (db.prepare('SELECT * FROM reports WHERE plan_id = ? ORDER BY id').all(planId) as Array<{
    id: number; period_id: number; template: string; number: string; symbol: string; date: string | null; summary: string; place: string; addressees: string; recipients: string; signer: string;
  }>).map((r) => ({
    period: keyOf.get(r.period_id)!, template: r.template, number: r.number, symbol: r.symbol, date: r.date, summary: r.summary, place: r.place,
    addressees: JSON.parse(r.addressees) as string[], recipients: JSON.parse(r.recipients) as string[], signer: JSON.parse(r.signer) as Signer,
    body: reportBody(db, r.id).map(toNode),
  }));
  return {
    uid: row?.uid ?? '',
    frozen: row?.frozen === 1,
    adjustment: row && row.frozen === 0 && row.adjusting_since ? { since: row.adjusting_since, reason: row.adjusting_reason ?? '' } : null,
    issues,
    periods: periods.map((p) => ({ key: p.key, year: p.year, code: p.code, label: p.label, from: p.from_date, cutoff: p.cutoff, due: p.due, returnsDue: p.returns_due, byRule: p.by_rule === 1 })),
    units,
    returns,
    statuses,
    proposals,
    reports,
  };
}

function reportBody(db: Db, reportId: number): ReportNode[] {
  const rows = db.prepare('SELECT id, parent_id, kind, heading, text, auto FROM report_nodes WHERE report_id = ? ORDER BY parent_id, position').all(reportId) as Array<{
    id: number; parent_id: number | null; kind: ReportNode['kind']; heading: number; text: string; auto: string | null;
  }>;
  const nodes = new Map<number, ReportNode>(rows.map((r) => [r.id, { id: r.id, kind: r.kind, heading: r.heading === 1, text: JSON.parse(r.text), auto: r.auto, children: [] }]));
  const roots: ReportNode[] = [];
  for (const r of rows) (r.parent_id === null ? roots : nodes.get(r.parent_id)!.children).push(nodes.get(r.id)!);
  return roots;
}

/** The package with its tracking (for an exchange file, a version, "export everything"); unchanged when there is none. */
export function withTracking(db: Db, planId: number, pkg: PlanPackage, options: { pdf: boolean }): PlanPackage {
  const tracking = trackingDoc(db, planId, pkg, options);
  return tracking ? { ...pkg, tracking } : pkg;
}

/**
 * Writes a package's tracking into the plan just made from it (same transaction as the caller's, when in one): rows
 * found by their place in the new plan. The semantic check of the exchange reader has made sure every place exists.
 */
export function importTracking(db: Db, planId: number, tracking: PlanTracking): void {
  const { pkg } = loadPlan(db, planId);
  const { idOf } = rowPlaces(pkg);
  const rowId = (p: RowPath | null) => (p ? (idOf.get(p.join('.')) ?? null) : null);
  const run = () => {
    const hasIssues = tracking.issues.length > 0;
    if (hasIssues || tracking.uid) {
      db.prepare('INSERT INTO plan_tracking (plan_id, uid, frozen, adjusting_since, adjusting_reason, adjusting_revision) VALUES (?, ?, ?, ?, ?, ?)').run(
        planId, tracking.uid, tracking.frozen && hasIssues ? 1 : 0, tracking.adjustment?.since ?? null, tracking.adjustment ? nfc(tracking.adjustment.reason) : null,
        tracking.adjustment ? planSummary(db, planId).revision : null,
      );
    }
    for (const i of tracking.issues) {
      const bytes = i.pdf?.base64 ? Buffer.from(i.pdf.base64, 'base64') : null;
      db.prepare('INSERT INTO plan_issues (plan_id, kind, number, symbol, date, issued_at, reason, pdf_name, pdf_size, pdf_sha256, pdf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        planId, i.kind, i.number, nfc(i.symbol), i.date, i.issuedAt, nfc(i.reason), i.pdf ? nfc(i.pdf.name) : null, i.pdf?.size ?? null, i.pdf?.sha256 ?? null, bytes,
      );
    }
    const periodId = new Map<string, number>();
    for (const p of tracking.periods) {
      periodId.set(
        p.key,
        Number(
          db.prepare('INSERT INTO report_periods (plan_id, key, year, code, label, from_date, cutoff, due, returns_due, by_rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
            planId, p.key, p.year, p.code, nfc(p.label), p.from, p.cutoff, p.due, p.returnsDue, p.byRule ? 1 : 0,
          ).lastInsertRowid,
        ),
      );
    }
    tracking.units.forEach((u, i) => {
      const id = Number(db.prepare('INSERT INTO reporting_units (plan_id, key, name, position) VALUES (?, ?, ?, ?)').run(planId, u.key, nfc(u.name), i).lastInsertRowid);
      for (const key of u.agencies) db.prepare('INSERT OR IGNORE INTO reporting_unit_agencies (unit_id, agency_id) SELECT ?, id FROM agencies WHERE plan_id = ? AND key = ?').run(id, planId, key);
    });
    for (const r of tracking.returns) {
      const returnId = Number(
        db.prepare('INSERT INTO period_returns (period_id, unit, unit_name, file, content_sha, read_at, matched_by, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          periodId.get(r.period), r.unit, nfc(r.unitName), nfc(r.file), r.sha256, r.readAt, r.matchedBy, JSON.stringify(r.report),
        ).lastInsertRowid,
      );
      for (const l of r.lines) {
        const id = rowId(l.row);
        if (id === null) continue;
        db.prepare(
          `INSERT INTO return_lines (period_id, row_id, unit, role, status, progress, status_text, result, evidence, difficulties, note, return_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (period_id, row_id, unit) DO UPDATE SET role = excluded.role, status = excluded.status, progress = excluded.progress, status_text = excluded.status_text,
             result = excluded.result, evidence = excluded.evidence, difficulties = excluded.difficulties, note = excluded.note, return_id = excluded.return_id`,
        ).run(periodId.get(r.period), id, r.unit, l.role, l.status, l.progress, nfc(l.statusText), nfc(l.result), nfc(l.evidence), nfc(l.difficulties), nfc(l.note), returnId);
      }
    }
    for (const s of tracking.statuses) {
      const id = rowId(s.row);
      if (id === null) continue;
      db.prepare(
        'INSERT INTO task_status (period_id, row_id, status, progress, progress_set, result, evidence, difficulties, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        periodId.get(s.period), id, s.status ?? null, s.progress ?? null, 'progress' in s ? 1 : 0, s.result ?? null, s.evidence ?? null, s.difficulties ?? null, s.note ?? null, s.updatedAt,
      );
    }
    for (const p of tracking.proposals) {
      db.prepare(
        `INSERT INTO return_proposals (period_id, unit, unit_name, file, sheet_row, stt, group_title, task, deadline, status, status_text, result, evidence, note, task_key, state, taken_row_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ).run(
        periodId.get(p.period), p.unit, nfc(p.unitName), nfc(p.file), p.sheetRow, nfc(p.stt), nfc(p.group), nfc(p.task), nfc(p.deadline), p.status, nfc(p.statusText),
        nfc(p.result), nfc(p.evidence), nfc(p.note), foldForSearch(p.task),
        p.state, rowId(p.takenRow),
      );
    }
    const now = new Date().toISOString();
    for (const r of tracking.reports) {
      const id = Number(
        db.prepare(
          `INSERT INTO reports (plan_id, period_id, template, number, symbol, date, summary, place, addressees, recipients, signer, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(planId, periodId.get(r.period), r.template, r.number, nfc(r.symbol), r.date, nfc(r.summary), nfc(r.place), JSON.stringify(r.addressees.map(nfc)), JSON.stringify(r.recipients.map(nfc)), JSON.stringify(r.signer), now, now)
          .lastInsertRowid,
      );
      const insert = (parentId: number | null, nodes: readonly TrackedReportNode[]) =>
        nodes.forEach((n, i) => {
          const nodeId = Number(
            db.prepare('INSERT INTO report_nodes (report_id, parent_id, position, kind, heading, text, auto) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
              id, parentId, i, n.kind, n.heading ? 1 : 0, JSON.stringify(n.text.map((t) => ({ ...t, text: nfc(t.text) }))), n.auto,
            ).lastInsertRowid,
          );
          insert(nodeId, n.children);
        });
      insert(null, r.body);
    }
  };
  db.transaction(run)();
}

/** A new plan from a package, its tracking (v2.1) with it: one transaction, all of it or nothing. */
export function createPlanWithTracking(db: Db, pkg: PlanPackage): PlanSummary {
  return db.transaction(() => {
    const id = insertPackage(db, pkg);
    if (pkg.tracking) importTracking(db, id, pkg.tracking);
    return planSummary(db, id);
  })();
}
