/** Whole-plan operations of the store: insert/load round trip, list, duplicate, rename, year, trash, purge, first run. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/store/open';
import {
  createPlan, duplicatePlan, insertPackage, listPlans, loadPlan, planSummary, purgePlan, renamePlan, restorePlan, setPlanYear, trashPlan,
} from '../../electron/core/store/plans';
import { setCell, setField } from '../../electron/core/store/edits';
import { installSampleOnFirstRun } from '../../electron/core/store/first-run';
import { loadSamplePackage } from '../../electron/core/sample';
import { blankPackage } from '../../electron/core/model/defaults';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import type { PlanPackage } from '../../electron/core/model/types';
import { content, removeTempDirs, tempStore, userErrorOf } from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const count = (db: Db, sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;

/** A standalone Plan (KH-UBND): no Decision, its own number, date, recipients and signer. */
function standalonePlan(): PlanPackage {
  const pkg = blankPackage(2025, 'Kế hoạch riêng 2025');
  pkg.decision = null;
  pkg.plan.issuance = {
    number: '45',
    symbol: 'KH-UBND',
    date: '2024-12-20',
    recipients: ['Sở Nội vụ;', 'Lưu: VT.'],
    signer: { prefix: 'TM.', title: 'ỦY BAN NHÂN DÂN', deputyTitle: 'CHỦ TỊCH', name: 'Trần Văn B' },
  };
  pkg.agencies = [{ key: 'so-noi-vu', name: 'Sở Nội vụ' }];
  pkg.appendix.groups[0].rows.push({ cells: { task: 'Một việc', lead: [{ agency: 'so-noi-vu', after: '' }], cooperate: [], deadline: 'Quý I', note: '' } });
  return pkg;
}

describe('store: whole plans', () => {
  let db: Db;
  beforeEach(() => {
    db = tempStore().db;
  });
  afterEach(() => {
    db.close();
    removeTempDirs();
  });

  it('stores the sample and loads back the same package', () => {
    const sample = loadSamplePackage();
    const id = insertPackage(db, sample);
    const { summary, pkg } = loadPlan(db, id);
    expect(serializeExchange(pkg)).toBe(serializeExchange(sample));
    expect(summary).toMatchObject({ id, title: sample.title, year: sample.year, hasDecision: true, rowCount: 48, deletedAt: null, revision: 0 });
    expect(pkg.appendix.groups).toHaveLength(7);
    // Loaded parts carry store ids (the exchange file does not).
    expect(pkg.appendix.groups.every((g) => typeof g.id === 'number' && g.rows.every((r) => typeof r.id === 'number'))).toBe(true);
    expect(pkg.plan.body.every((n) => typeof n.id === 'number')).toBe(true);
  });

  it('a standalone Plan (decision null, plan.issuance set) round-trips', () => {
    const pkg = standalonePlan();
    const id = insertPackage(db, pkg);
    const loaded = loadPlan(db, id);
    expect(loaded.summary.hasDecision).toBe(false);
    expect(loaded.pkg.decision).toBeNull();
    expect(loaded.pkg.plan.issuance).toEqual(pkg.plan.issuance);
    expect(content(loaded.pkg)).toBe(content(pkg));
    // No Decision fields or lists were stored for it.
    expect(count(db, "SELECT count(*) AS n FROM plan_fields WHERE plan_id = ? AND field LIKE 'decision.%'", id)).toBe(0);
    expect(count(db, "SELECT count(*) AS n FROM plan_list_items WHERE plan_id = ? AND list LIKE 'decision.%'", id)).toBe(0);
    expect(count(db, "SELECT count(*) AS n FROM plan_list_items WHERE plan_id = ? AND list = 'plan.issuance.recipients'", id)).toBe(2);
  });

  it('a package whose insert fails leaves no trace (one transaction)', () => {
    const bad = loadSamplePackage();
    bad.appendix.groups[3].rows[2].cells.lead = [{ agency: 'khong-co', after: '' }];
    expect(userErrorOf(() => insertPackage(db, bad))).toMatch(/khong-co/);
    for (const t of ['plans', 'plan_fields', 'body_nodes', 'appendix_groups', 'appendix_rows', 'row_cells', 'agencies']) {
      expect(count(db, `SELECT count(*) AS n FROM ${t}`), t).toBe(0);
    }
  });

  it('lists plans in use, most recently changed first, without the trash', async () => {
    const a = createPlan(db, blankPackage(2024, 'A')).id;
    await sleep(5);
    const b = createPlan(db, blankPackage(2025, 'B')).id;
    await sleep(5);
    const c = createPlan(db, loadSamplePackage()).id;
    expect(listPlans(db).map((p) => p.id)).toEqual([c, b, a]);
    await sleep(5);
    setField(db, a, 'issuer.place', 'Đồng Nai');
    expect(listPlans(db).map((p) => p.id)).toEqual([a, c, b]);
    trashPlan(db, c);
    expect(listPlans(db).map((p) => p.id)).toEqual([a, b]);
    expect(listPlans(db, { trash: true }).map((p) => p.id)).toEqual([c]);
    const summary = listPlans(db).find((p) => p.id === b)!;
    expect(summary).toMatchObject({ title: 'B', year: 2025, rowCount: 0, hasDecision: true });
  });

  it('duplicates into an independent copy', () => {
    const sample = loadSamplePackage();
    const id = insertPackage(db, sample);
    const copy = duplicatePlan(db, id);
    expect(copy.id).not.toBe(id);
    expect(copy.title).toBe(`${sample.title} (bản sao)`);
    expect(copy.rowCount).toBe(48);
    const copied = loadPlan(db, copy.id).pkg;
    expect(content({ ...copied, title: sample.title })).toBe(content(sample));

    // Editing the copy leaves the original as it was.
    const row = copied.appendix.groups[1].rows[0];
    setCell(db, copy.id, row.id!, 'task', 'Sửa trong bản sao');
    setField(db, copy.id, 'decision.number', '99');
    const agencyCount = count(db, 'SELECT count(*) AS n FROM agencies WHERE plan_id = ?', id);
    expect(count(db, 'SELECT count(*) AS n FROM agencies WHERE plan_id = ?', copy.id)).toBe(agencyCount);
    expect(content(loadPlan(db, id).pkg)).toBe(content(sample));
    expect(loadPlan(db, copy.id).pkg.appendix.groups[1].rows[0].cells.task).toBe('Sửa trong bản sao');
    // The copy's mentions point at the copy's own directory entries.
    expect(
      count(db, `SELECT count(*) AS n FROM row_mentions m JOIN appendix_rows r ON r.id = m.row_id JOIN appendix_groups g ON g.id = r.group_id
                 JOIN agencies a ON a.id = m.agency_id WHERE g.plan_id = ? AND a.plan_id <> g.plan_id`, copy.id),
    ).toBe(0);
  });

  it('renames with NFC, trims, and refuses an empty name; an unknown plan is refused', () => {
    const id = createPlan(db, blankPackage(2024)).id;
    const nfd = 'Kế hoạch cải cách'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const s = renamePlan(db, id, `  ${nfd}  `);
    expect(s.title).toBe('Kế hoạch cải cách');
    expect((db.prepare('SELECT title FROM plans WHERE id = ?').get(id) as { title: string }).title).toBe('Kế hoạch cải cách'.normalize('NFC'));
    expect(s.revision).toBe(1);
    expect(userErrorOf(() => renamePlan(db, id, '   '))).toMatch(/name/);
    expect(planSummary(db, id).title).toBe('Kế hoạch cải cách');
    expect(userErrorOf(() => renamePlan(db, 12345, 'X'))).toMatch(/12345/);
    expect(count(db, "SELECT count(*) AS n FROM plans WHERE title = 'X'")).toBe(0);
  });

  it('sets the plan year within bounds', () => {
    const id = createPlan(db, blankPackage(2024)).id;
    expect(setPlanYear(db, id, 2026).year).toBe(2026);
    expect(loadPlan(db, id).pkg.year).toBe(2026);
    expect(userErrorOf(() => setPlanYear(db, id, 1900))).toMatch(/1900/);
    expect(userErrorOf(() => setPlanYear(db, id, 2025.5))).toMatch(/year/);
    expect(loadPlan(db, id).pkg.year).toBe(2026);
  });

  it('trash → listTrash → restore; purge only from the trash, and purge erases every row of the plan', () => {
    const keep = insertPackage(db, loadSamplePackage());
    const id = insertPackage(db, loadSamplePackage());
    expect(userErrorOf(() => purgePlan(db, id))).toMatch(/not in the trash/);
    expect(planSummary(db, id).deletedAt).toBeNull();

    const trashed = trashPlan(db, id);
    expect(trashed.deletedAt).not.toBeNull();
    expect(listPlans(db, { trash: true }).map((p) => p.id)).toEqual([id]);
    expect(restorePlan(db, id).deletedAt).toBeNull();
    expect(listPlans(db, { trash: true })).toEqual([]);
    expect(listPlans(db).map((p) => p.id).sort()).toEqual([keep, id].sort());

    const before = content(loadPlan(db, keep).pkg);
    trashPlan(db, id);
    purgePlan(db, id);
    expect(userErrorOf(() => loadPlan(db, id))).toMatch(String(id));
    expect(count(db, 'SELECT count(*) AS n FROM plans WHERE id = ?', id)).toBe(0);
    for (const t of ['plan_fields', 'plan_list_items', 'body_nodes', 'appendix_columns', 'appendix_groups', 'agencies']) {
      expect(count(db, `SELECT count(*) AS n FROM ${t} WHERE plan_id = ?`, id), t).toBe(0);
    }
    // Only the kept plan's rows remain.
    expect(count(db, 'SELECT count(*) AS n FROM appendix_rows')).toBe(48);
    expect(content(loadPlan(db, keep).pkg)).toBe(before);
    expect(userErrorOf(() => trashPlan(db, 999))).toMatch(/999/);
  });

  it('installs the sample on first run, once, and never again even after the user deletes it', () => {
    expect(installSampleOnFirstRun(db, loadSamplePackage)).toBe(true);
    const plans = listPlans(db);
    expect(plans).toHaveLength(1);
    expect(plans[0].rowCount).toBe(48);
    expect(installSampleOnFirstRun(db, loadSamplePackage)).toBe(false);
    expect(listPlans(db)).toHaveLength(1);

    trashPlan(db, plans[0].id);
    purgePlan(db, plans[0].id);
    expect(listPlans(db)).toHaveLength(0);
    let called = false;
    expect(installSampleOnFirstRun(db, () => ((called = true), loadSamplePackage()))).toBe(false);
    expect(called).toBe(false);
    expect(listPlans(db)).toHaveLength(0);
  });

  it('does not install the sample over a store that already has plans, and remembers that', () => {
    createPlan(db, blankPackage(2024, 'Của tôi'));
    expect(installSampleOnFirstRun(db, loadSamplePackage)).toBe(false);
    expect(listPlans(db).map((p) => p.title)).toEqual(['Của tôi']);
    expect(count(db, "SELECT count(*) AS n FROM app_meta WHERE key = 'sample_installed'")).toBe(1);
  });
});
