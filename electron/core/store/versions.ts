import type { Db } from './open';
import { UserError } from '../errors';
import { parseExchange, serializeExchange } from '../exchange/exchange';
import type { PlanPackage } from '../model/types';
import { nfc } from '../model/text';
import { loadPlan, planSummary } from './plans';
import { createPlanWithTracking, withTracking } from '../tracking/exchange';
import type { PlanSummary, PlanVersion } from '../api/contract';
import type { RolloverRecord, VersionOrigin } from '../model/comparison';

export type { PlanVersion };

interface VersionRow {
  id: number;
  plan_id: number;
  name: string;
  created_at: string;
  revision: number;
  kind: 'imported' | 'rolled-over' | null;
  detail: string | null;
}

const COLUMNS = 'v.id, v.plan_id, v.name, v.created_at, v.revision, o.kind, o.detail';
const FROM = 'plan_versions v LEFT JOIN version_origins o ON o.version_id = v.id';

/** A stored version as the API lists it: a program's version says what made it (the file, the plan rolled over from). */
function versionOf(r: VersionRow): PlanVersion {
  const base = { id: r.id, planId: r.plan_id, name: r.name, createdAt: r.created_at, revision: r.revision };
  if (!r.kind || !r.detail) return { ...base, kind: 'named' };
  const detail = JSON.parse(r.detail) as { file?: string; from?: RolloverRecord['from']; toYear?: number };
  if (r.kind === 'imported') return { ...base, kind: 'imported', file: detail.file ?? '' };
  return { ...base, kind: 'rolled-over', ...(detail.from ? { from: detail.from } : {}), ...(detail.toYear ? { toYear: detail.toYear } : {}) };
}


/**
 * Takes a snapshot of the plan as it is now: named by the drafter, or (with `origin`) the one an import or the
 * rollover saves of what it made ("as imported", "as rolled over"), in the same transaction as the snapshot.
 */
export function saveVersion(db: Db, planId: number, name: string, origin?: VersionOrigin): PlanVersion {
  const clean = nfc(name).trim();
  if (!clean) throw UserError.coded('version.needsName', {}, 'A version needs a name, e.g. "Dự thảo xin ý kiến".');
  const { summary, pkg } = loadPlan(db, planId);
  const createdAt = new Date().toISOString();
  // #23: a version keeps the tracking as it was too (issues, periods, statuses, reports); the signed PDFs stay in the store.
  return db.transaction(() => {
    const id = Number(
      db.prepare('INSERT INTO plan_versions (plan_id, name, created_at, revision, snapshot) VALUES (?, ?, ?, ?, ?)')
        .run(planId, clean, createdAt, summary.revision, serializeExchange(withTracking(db, planId, pkg, { pdf: false }))).lastInsertRowid,
    );
    if (origin) {
      const { kind, ...detail } = origin;
      db.prepare('INSERT INTO version_origins (version_id, kind, detail) VALUES (?, ?, ?)').run(id, kind, JSON.stringify(detail));
    }
    return versionOf((db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE v.id = ?`).get(id) as VersionRow));
  })();
}

export function listVersions(db: Db, planId: number): PlanVersion[] {
  planSummary(db, planId);
  return (db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE v.plan_id = ? ORDER BY v.created_at DESC, v.id DESC`).all(planId) as VersionRow[]).map(versionOf);
}

/**
 * The rollover that made plan `toPlanId` from plan `fromPlanId` (its "as rolled over" version's record, the
 * newest if several), or null: what the compare view lists when last year's plan is held against this one.
 */
export function rolloverBetween(db: Db, fromPlanId: number, toPlanId: number): RolloverRecord | null {
  const rows = db.prepare(
    `SELECT o.detail FROM ${FROM} WHERE v.plan_id = ? AND o.kind = 'rolled-over' ORDER BY v.created_at DESC, v.id DESC`,
  ).all(toPlanId) as Array<{ detail: string }>;
  for (const r of rows) {
    const record = JSON.parse(r.detail) as RolloverRecord;
    if (record.from?.planId === fromPlanId) return record;
  }
  return null;
}

/** The package as it was in a version. */
export function loadVersion(db: Db, versionId: number): { version: PlanVersion; pkg: PlanPackage } {
  const row = db.prepare(`SELECT ${COLUMNS}, v.snapshot FROM ${FROM} WHERE v.id = ?`).get(versionId) as (VersionRow & { snapshot: string }) | undefined;
  if (!row) throw UserError.coded('version.notFound', { id: versionId }, `No version has the id ${versionId}.`);
  return { version: versionOf(row), pkg: parseExchange(row.snapshot, `version "${row.name}"`) };
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
