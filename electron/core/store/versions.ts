import type { Db } from './open';
import { UserError } from '../errors';
import { parseExchange, serializeExchange } from '../exchange/exchange';
import type { PlanPackage } from '../model/types';
import { nfc } from '../model/text';
import { loadPlan, planSummary } from './plans';
import { createPlanWithTracking, withTracking } from '../tracking/exchange';
import type { PlanSummary, PlanVersion } from '../api/contract';

export type { PlanVersion };


/** Takes a named snapshot of the plan as it is now. */
export function saveVersion(db: Db, planId: number, name: string): PlanVersion {
  const clean = nfc(name).trim();
  if (!clean) throw UserError.coded('version.needsName', {}, 'A version needs a name, e.g. "Dự thảo xin ý kiến".');
  const { summary, pkg } = loadPlan(db, planId);
  const createdAt = new Date().toISOString();
  // #23: a version keeps the tracking as it was too (issues, periods, statuses, reports); the signed PDFs stay in the store.
  const id = Number(
    db.prepare('INSERT INTO plan_versions (plan_id, name, created_at, revision, snapshot) VALUES (?, ?, ?, ?, ?)')
      .run(planId, clean, createdAt, summary.revision, serializeExchange(withTracking(db, planId, pkg, { pdf: false }))).lastInsertRowid,
  );
  return { id, planId, name: clean, createdAt, revision: summary.revision };
}

export function listVersions(db: Db, planId: number): PlanVersion[] {
  planSummary(db, planId);
  return (db.prepare('SELECT id, plan_id, name, created_at, revision FROM plan_versions WHERE plan_id = ? ORDER BY created_at DESC, id DESC').all(planId) as Array<{
    id: number; plan_id: number; name: string; created_at: string; revision: number;
  }>).map((v) => ({ id: v.id, planId: v.plan_id, name: v.name, createdAt: v.created_at, revision: v.revision }));
}

/** The package as it was in a version. */
export function loadVersion(db: Db, versionId: number): { version: PlanVersion; pkg: PlanPackage } {
  const row = db.prepare('SELECT id, plan_id, name, created_at, revision, snapshot FROM plan_versions WHERE id = ?').get(versionId) as
    | { id: number; plan_id: number; name: string; created_at: string; revision: number; snapshot: string }
    | undefined;
  if (!row) throw UserError.coded('version.notFound', { id: versionId }, `No version has the id ${versionId}.`);
  return {
    version: { id: row.id, planId: row.plan_id, name: row.name, createdAt: row.created_at, revision: row.revision },
    pkg: parseExchange(row.snapshot, `version "${row.name}"`),
  };
}

/** A version comes back as a new plan; the plan it was taken from is not touched. */
export function restoreVersionAsPlan(db: Db, versionId: number): PlanSummary {
  const { version, pkg } = loadVersion(db, versionId);
  return createPlanWithTracking(db, { ...pkg, title: `${pkg.title} (${version.name})` });
}

export function deleteVersion(db: Db, versionId: number): void {
  // The version of record of an issue (#23) is the plan as it was issued: it stays as long as the plan.
  const record = db.prepare('SELECT number, symbol, date FROM plan_issues WHERE version_id = ?').get(versionId) as { number: string; symbol: string; date: string } | undefined;
  if (record) {
    throw UserError.coded('version.ofRecord', { number: record.number, symbol: record.symbol, date: record.date }, `This version is the plan as issued (${record.number}/${record.symbol}); it cannot be deleted.`);
  }
  const info = db.prepare('DELETE FROM plan_versions WHERE id = ?').run(versionId);
  if (info.changes === 0) throw UserError.coded('version.notFound', { id: versionId }, `No version has the id ${versionId}.`);
}
