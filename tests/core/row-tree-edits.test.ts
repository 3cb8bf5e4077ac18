/**
 * Row trees edited from the grid (#13): indent, outdent, sub-rows inserted or pasted, a parent moved or
 * deleted with its subtree, and undo of each as one step. Every edit runs through `editPlan` as the
 * renderer sends it; after each, what the store holds is checked, and the renderer's copy patched with the
 * edit's delta must equal the plan loaded whole (the delta carries the new parents).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import type { EditReply, OpenedPlan, PlanEditMethod, SoanApi } from '../../electron/core/api/contract';
import { insertPackage, loadPlan } from '../../electron/core/store/plans';
import type { Db } from '../../electron/core/store/open';
import type { AppendixRow } from '../../electron/core/model/types';
import { isUserError } from '../../electron/core/errors';
import { applyDelta } from '../../renderer/src/state/apply-delta';
import { samplePackage } from './fixtures/packages';
import { removeTempDirs, tempStore } from './helpers';

afterAll(() => removeTempDirs());

/** A group's rows as text: `A{B{C}},D` (task cells, sub-rows in braces). */
function shape(rows: readonly AppendixRow[]): string {
  return rows.map((r) => `${String(r.cells.task)}${r.children?.length ? `{${shape(r.children)}}` : ''}`).join(',');
}

describe('row trees through editPlan', () => {
  let db: Db;
  let api: SoanApi;
  let planId: number;
  let copy: OpenedPlan;

  beforeAll(async () => {
    db = tempStore().db;
    api = createService(db, { info: { version: 'test', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
    const pkg = samplePackage();
    pkg.appendix.groups = [
      { title: 'Nhóm một', rows: ['A', 'B', 'C', 'D'].map((task) => ({ cells: { task } })) },
      { title: 'Nhóm hai', rows: [{ cells: { task: 'E' } }] },
    ];
    planId = insertPackage(db, pkg);
    copy = await api.openPlan(planId);
  });
  afterAll(() => db.close());

  async function edit(method: PlanEditMethod, ...args: unknown[]): Promise<EditReply> {
    const reply = await (api.editPlan as (id: number, m: string, a: unknown[]) => Promise<EditReply>)(planId, method, args);
    const patched = applyDelta(copy, reply.delta);
    const whole = await api.openPlan(planId);
    expect(patched, `${method} delta applied`).not.toBeNull();
    expect(patched, method).toEqual(whole);
    copy = patched!;
    return reply;
  }

  async function refused(code: string, method: PlanEditMethod, ...args: unknown[]): Promise<void> {
    const revision = (await api.openPlan(planId)).summary.revision;
    const error = await (api.editPlan as (id: number, m: string, a: unknown[]) => Promise<EditReply>)(planId, method, args).then(() => null, (e: unknown) => e);
    expect(isUserError(error) && error.code, `${method} refused`).toBe(code);
    expect((await api.openPlan(planId)).summary.revision, 'nothing written').toBe(revision);
  }

  /** What the store holds in group `g`, read straight from it. */
  const stored = (g = 0) => shape(loadPlan(db, planId).pkg.appendix.groups[g].rows);
  const id = (task: string): number => {
    const find = (rows: readonly AppendixRow[]): AppendixRow | undefined =>
      rows.reduce<AppendixRow | undefined>((hit, r) => hit ?? (r.cells.task === task ? r : r.children && find(r.children)), undefined);
    const row = copy.pkg.appendix.groups.reduce<AppendixRow | undefined>((hit, g) => hit ?? find(g.rows), undefined);
    return row!.id!;
  };

  it('indent puts a row (with its sub-rows) under the row above, one undo step each', async () => {
    const reply = await edit('indentRow', id('B'), 1);
    expect(reply.delta.groups?.[0].children?.[id('A')]).toEqual([id('B')]);
    expect(stored()).toBe('A{B},C,D');
    // C's row above at its level is A: it goes after B, as A's last sub-row.
    await edit('indentRow', id('C'), 1);
    expect(stored()).toBe('A{B,C},D');
    await edit('indentRow', id('C'), 1);
    expect(stored()).toBe('A{B{C}},D');
    expect(copy.summary.rowCount).toBe(5);
    // Each indent is one undo step.
    expect((await edit('undo')).value).toBe('indentAppendixRow');
    expect(stored()).toBe('A{B,C},D');
    await edit('redo');
    expect(stored()).toBe('A{B{C}},D');
  });

  it('refuses a fourth level, the first row of a level, and a top-level outdent', async () => {
    await refused('row.tooDeep', 'insertSubRows', id('C'), 0, [{ task: 'X' }]);
    await refused('row.noRowAbove', 'indentRow', id('A'), 1);
    await refused('row.noRowAbove', 'indentRow', id('B'), 1);
    await refused('row.topLevel', 'indentRow', id('D'), -1);
    // D under A would be fine, but A{B{C}} moved under D would be four levels deep.
    await edit('indentRow', id('D'), 1);
    expect(stored()).toBe('A{B{C},D}');
    await edit('indentRow', id('D'), -1);
    expect(stored()).toBe('A{B{C}},D');
    await refused('row.tooDeep', 'placeRow', id('A'), copy.pkg.appendix.groups[0].id!, id('D'), 0);
    // A row never goes under a row of another group.
    await refused('row.otherGroup', 'placeRow', id('E'), copy.pkg.appendix.groups[1].id!, id('A'), 0);
    expect(stored()).toBe('A{B{C}},D');
  });

  it('outdent takes the rows that followed as its own sub-rows, so the table reads in the same order', async () => {
    await edit('insertSubRows', id('A'), 1, [{ task: 'B2' }, { task: 'B3', lead: 'Sở Cây Mới' }]);
    expect(stored()).toBe('A{B{C},B2,B3},D');
    // Both sub-rows (and the agency they added) are one step.
    await edit('undo');
    expect(stored()).toBe('A{B{C}},D');
    await edit('redo');
    expect(stored()).toBe('A{B{C},B2,B3},D');
    const b3 = loadPlan(db, planId).pkg.appendix.groups[0].rows[0].children![2];
    expect(copy.pkg.agencies.find((a) => a.name === 'Sở Cây Mới')).toBeDefined();
    expect(b3.cells.lead).toEqual([{ agency: copy.pkg.agencies.find((a) => a.name === 'Sở Cây Mới')!.key, after: '' }]);
    await edit('indentRow', id('B'), -1);
    expect(stored()).toBe('A,B{C,B2,B3},D');
    await edit('undo');
    expect(stored()).toBe('A{B{C},B2,B3},D');
    await edit('redo');
    expect(stored()).toBe('A,B{C,B2,B3},D');
  });

  it('moving a parent moves its subtree, also into another group', async () => {
    await edit('placeRow', id('B'), copy.pkg.appendix.groups[1].id!, null, 1);
    expect(stored()).toBe('A,D');
    expect(stored(1)).toBe('E,B{C,B2,B3}');
    // Sub-rows moved with their parent now belong to its new group: indent under E is within group two.
    await edit('placeRow', id('B'), copy.pkg.appendix.groups[1].id!, id('E'), 0);
    expect(stored(1)).toBe('E{B{C,B2,B3}}');
    await edit('undo');
    await edit('undo');
    expect(stored()).toBe('A,B{C,B2,B3},D');
  });

  it('deleting a parent deletes its subtree, and one undo brings every row back with its cells', async () => {
    await edit('setCell', id('B3'), 'deadline', 'Quý II/2024');
    const before = stored();
    await edit('deleteRow', id('B'));
    expect(stored()).toBe('A,D');
    expect(copy.summary.rowCount).toBe(3);
    const n = (db.prepare('SELECT count(*) AS n FROM appendix_rows r JOIN appendix_groups g ON g.id = r.group_id WHERE g.plan_id = ?').get(planId) as { n: number }).n;
    expect(n).toBe(3);
    const undone = await edit('undo');
    expect(undone.value).toBe('deleteAppendixRow');
    expect(stored()).toBe(before);
    const b3 = loadPlan(db, planId).pkg.appendix.groups[0].rows[1].children![2];
    expect(b3.cells.deadline).toBe('Quý II/2024');
    expect(copy.summary.rowCount).toBe(7);
  });
});
