/**
 * Who sends a return (#23). By default one unit per directory agency that leads or cooperates on a task, its key the
 * agency's. The secretariat adds units that answer for agencies — the districts answering for "UBND cấp huyện", the
 * departments for "Các sở, ban, ngành tỉnh" — and an agency a unit it added answers for then gets no default unit:
 * each district receives the tasks of "UBND cấp huyện" in its own workbook.
 */
import type { Db } from '../store/open';
import { UserError } from '../errors';
import { planSummary } from '../store/plans';
import { nfc, slug } from '../model/text';
import type { Agency } from '../model/types';
import type { ReportingUnit } from '../model/tracking';
import type { PlanTask } from './tasks';

interface CustomUnit {
  id: number;
  key: string;
  name: string;
  agencies: string[];
}

function customUnits(db: Db, planId: number): CustomUnit[] {
  const units = db.prepare('SELECT id, key, name FROM reporting_units WHERE plan_id = ? ORDER BY position, id').all(planId) as Array<{ id: number; key: string; name: string }>;
  const links = db.prepare(
    `SELECT l.unit_id, a.key FROM reporting_unit_agencies l JOIN agencies a ON a.id = l.agency_id JOIN reporting_units u ON u.id = l.unit_id
     WHERE u.plan_id = ? ORDER BY a.id`,
  ).all(planId) as Array<{ unit_id: number; key: string }>;
  return units.map((u) => ({ ...u, agencies: links.filter((l) => l.unit_id === u.id).map((l) => l.key) }));
}

/** Every unit of the plan: the default ones in the directory's order, then those the secretariat added. */
export function reportingUnits(db: Db, planId: number, agencies: readonly Agency[], tasks: readonly PlanTask[]): ReportingUnit[] {
  const custom = customUnits(db, planId);
  const covered = new Set(custom.flatMap((u) => u.agencies));
  const leaves = tasks.filter((t) => t.leaf);
  const count = (keys: readonly string[]) => {
    const set = new Set(keys);
    const leads = leaves.filter((t) => t.lead.some((k) => set.has(k))).length;
    const cooperates = leaves.filter((t) => !t.lead.some((k) => set.has(k)) && t.cooperate.some((k) => set.has(k))).length;
    return { leads, cooperates };
  };
  const defaults: ReportingUnit[] = [];
  for (const a of agencies) {
    if (covered.has(a.key)) continue;
    const c = count([a.key]);
    if (c.leads + c.cooperates > 0) defaults.push({ key: a.key, name: a.name, agencies: [a.key], custom: false, ...c });
  }
  return [...defaults, ...custom.map((u) => ({ key: u.key, name: u.name, agencies: u.agencies, custom: true, ...count(u.agencies) }))];
}

function agencyIds(db: Db, planId: number, keys: readonly string[]): number[] {
  if (!keys.length) throw UserError.coded('unit.needsAgency', {}, 'A unit answers for at least one agency of the directory.');
  return keys.map((key) => {
    const row = db.prepare('SELECT id FROM agencies WHERE plan_id = ? AND key = ?').get(planId, key) as { id: number } | undefined;
    if (!row) throw UserError.coded('cell.unknownAgency', { agency: key }, `Agency "${key}" is not in the plan's directory.`);
    return row.id;
  });
}

function writeLinks(db: Db, unitId: number, ids: readonly number[]): void {
  db.prepare('DELETE FROM reporting_unit_agencies WHERE unit_id = ?').run(unitId);
  const insert = db.prepare('INSERT OR IGNORE INTO reporting_unit_agencies (unit_id, agency_id) VALUES (?, ?)');
  for (const id of ids) insert.run(unitId, id);
}

/** Adds a unit (`UBND huyện Bù Đăng`) answering for directory agencies (`ubnd-cap-huyen`); returns its key (`u-ubnd-huyen-bu-dang`). */
export function addReportingUnit(db: Db, planId: number, name: string, agencies: readonly string[]): string {
  planSummary(db, planId);
  const clean = nfc(name).trim();
  if (!clean) throw UserError.coded('unit.needsName', {}, 'A unit needs a name.');
  const ids = agencyIds(db, planId, agencies);
  const base = `u-${slug(clean)}`.slice(0, 90);
  let key = base;
  for (let i = 2; db.prepare('SELECT 1 FROM reporting_units WHERE plan_id = ? AND key = ?').get(planId, key); i++) key = `${base}-${i}`;
  db.transaction(() => {
    const position = (db.prepare('SELECT coalesce(max(position) + 1, 0) AS p FROM reporting_units WHERE plan_id = ?').get(planId) as { p: number }).p;
    const unitId = Number(db.prepare('INSERT INTO reporting_units (plan_id, key, name, position) VALUES (?, ?, ?, ?)').run(planId, key, clean, position).lastInsertRowid);
    writeLinks(db, unitId, ids);
  })();
  return key;
}

function unitId(db: Db, planId: number, key: string): number {
  const row = db.prepare('SELECT id FROM reporting_units WHERE plan_id = ? AND key = ?').get(planId, key) as { id: number } | undefined;
  if (!row) throw UserError.coded('unit.notFound', { key }, `"${key}" is not a unit added to this plan.`);
  return row.id;
}

/** Renames a unit the secretariat added, or changes the agencies it answers for. */
export function updateReportingUnit(db: Db, planId: number, key: string, patch: { name?: string; agencies?: string[] }): void {
  const id = unitId(db, planId, key);
  const name = patch.name !== undefined ? nfc(patch.name).trim() : undefined;
  if (name === '') throw UserError.coded('unit.needsName', {}, 'A unit needs a name.');
  const ids = patch.agencies ? agencyIds(db, planId, patch.agencies) : null;
  db.transaction(() => {
    if (name) db.prepare('UPDATE reporting_units SET name = ? WHERE id = ?').run(name, id);
    if (ids) writeLinks(db, id, ids);
  })();
}

/** Removes a unit the secretariat added (the returns it sent stay, under its name). */
export function removeReportingUnit(db: Db, planId: number, key: string): void {
  db.prepare('DELETE FROM reporting_units WHERE id = ?').run(unitId(db, planId, key));
}
