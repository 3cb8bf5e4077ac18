/** The SoanApi as the UI sees it: the operations added for the editor, versions and workbook import. */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { loadPlan } from '../../electron/core/store/plans';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { exportXlsx } from '../../electron/core/export/xlsx';
import { loadSamplePackage } from '../../electron/core/sample';
import { cellText } from '../../electron/core/model';
import { proposalsAgainst } from '../../electron/core/merge/proposals';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

function setup() {
  const db = openStore(join(tempDir(), 's.sqlite'));
  const api = createService(db, { info: { version: 't', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
  return { db, api };
}

describe('service', () => {
  it('pastes a block of rows, turning agency names into directory entries, as one undo step', async () => {
    const { db, api } = setup();
    const plan = await api.createPlan('sample');
    const group = (await api.openPlan(plan.id)).pkg.appendix.groups[1];
    const before = serializeExchange(loadPlan(db, plan.id).pkg);
    const ids = await api.insertRows(plan.id, group.id!, 0, [
      { task: 'Nhiệm vụ dán 1', lead: 'Sở Nội vụ; Sở Mới Lập', cooperate: '', deadline: 'Quý II/2025', note: '' },
      { task: 'Nhiệm vụ dán 2', lead: 'UBND cấp huyện', cooperate: 'Sở Nội vụ', deadline: '', note: '' },
    ]);
    expect(ids).toHaveLength(2);
    const pkg = loadPlan(db, plan.id).pkg;
    const [first, second] = pkg.appendix.groups[1].rows;
    expect(cellText(first.cells.task, pkg.agencies)).toBe('Nhiệm vụ dán 1');
    expect(cellText(first.cells.lead, pkg.agencies)).toBe('Sở Nội vụ; Sở Mới Lập');
    expect((first.cells.lead as Array<{ agency: string }>)[0].agency).toBe('so-noi-vu'); // the existing entry, not a copy
    expect(pkg.agencies.filter((a) => a.name === 'Sở Mới Lập')).toHaveLength(1);
    expect(cellText(second.cells.cooperate, pkg.agencies)).toBe('Sở Nội vụ');
    expect(pkg.appendix.groups.flatMap((g) => g.rows)).toHaveLength(50);
    expect(await api.historyState(plan.id)).toEqual({ undo: 'insertRows', redo: null });
    expect(await api.undo(plan.id)).toBe('insertRows');
    expect(serializeExchange(loadPlan(db, plan.id).pkg)).toBe(before);
    db.close();
  });

  it('saves versions and compares a version with the plan as it is now', async () => {
    const { db, api } = setup();
    const plan = await api.createPlan('sample');
    const v = await api.saveVersion(plan.id, 'Dự thảo xin ý kiến');
    const row = (await api.openPlan(plan.id)).pkg.appendix.groups[0].rows[0];
    await api.setCell(plan.id, row.id!, 'deadline', 'Quý III/2024');
    const result = await api.compareVersions(plan.id, v.id, null);
    expect(result.counts.changed).toBe(1);
    expect((await api.listVersions(plan.id)).map((x) => x.name)).toEqual(['Dự thảo xin ý kiến']);
    const restored = await api.restoreVersion(v.id);
    expect(cellText((await api.openPlan(restored.id)).pkg.appendix.groups[0].rows[0].cells.deadline, [])).toBe('Trong năm 2024');
    db.close();
  });

  it('imports a workbook as a new plan and a bad workbook changes nothing', async () => {
    const { db, api } = setup();
    const bytes = await exportXlsx(loadSamplePackage());
    const created = await api.importXlsx('phu-luc.xlsx', bytes.toString('base64'));
    expect(created.rowCount).toBe(48);
    expect(created.year).toBe(2024);
    const pkg = loadPlan(db, created.id).pkg;
    expect(proposalsAgainst(loadSamplePackage(), pkg.appendix, pkg.agencies).every((p) => p.status === 'same')).toBe(true);
    const count = (await api.listPlans()).length;
    await expect(api.importXlsx('hong.xlsx', Buffer.from('not a workbook').toString('base64'))).rejects.toThrow(/hong\.xlsx/);
    expect((await api.listPlans()).length).toBe(count);
    db.close();
  });

  it('tells new, same and changed rows of a department workbook apart', () => {
    const sample = loadSamplePackage();
    const theirs = structuredClone(sample.appendix);
    theirs.groups[0].rows[0].cells.deadline = 'Quý II/2024';
    theirs.groups[0].rows.push({ cells: { task: 'Tổ chức hội nghị chuyên đề về chuyển đổi số cho cán bộ cấp xã', lead: [], cooperate: [], deadline: '', note: '' } });
    const proposals = proposalsAgainst(sample, theirs, sample.agencies);
    expect(proposals.filter((p) => p.status === 'changed').map((p) => [p.number, p.match!.number, p.match!.score])).toEqual([[1, 1, 1]]);
    expect(proposals.filter((p) => p.status === 'new').map((p) => p.number)).toEqual([6]);
    expect(proposals.filter((p) => p.status === 'same')).toHaveLength(47); // 49 incoming rows: 1 changed, 1 new
  });
});
