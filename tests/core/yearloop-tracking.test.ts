/**
 * #23 Periods as data, statuses, overdue and rates: the periods of Công văn 581/BNV-CCHC per plan year (a 2021–2030
 * plan reports per year), editable per plan; a task is overdue when its deadline (as the deadline reader reads it)
 * ended before the period's cut-off and it is not done; the secretariat has the last word; rates per group and agency;
 * the statuses people type are read, each guess said so.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/store/open';
import type { SoanApi } from '../../electron/core/api/contract';
import { UserError } from '../../electron/core/errors';
import { blankPackage } from '../../electron/core/model/defaults';
import { readStatusWords } from '../../electron/core/model/status-words';
import { rulePeriods } from '../../electron/core/model/tracking';
import { createPlan } from '../../electron/core/store/plans';
import { issuedSample, serviceWithFiles } from './fixtures/returns';
import { removeTempDirs, tempStore } from './helpers';

let db: Db;
let api: SoanApi;
beforeEach(() => {
  db = tempStore().db;
  api = serviceWithFiles(db).api;
});
afterEach(() => {
  db.close();
  removeTempDirs();
});

async function refusal(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).code;
  }
  throw new Error('expected a refusal');
}

/** A 2024 plan of four tasks led by Sở Nội vụ, deadlines of each kind the reader knows, issued. */
async function fourTasks(): Promise<{ planId: number; rows: number[]; groupId: number }> {
  const pkg = blankPackage(2024);
  pkg.agencies = [{ key: 'so-noi-vu', name: 'Sở Nội vụ' }, { key: 'so-tu-phap', name: 'Sở Tư pháp' }];
  const lead = (key: string) => [{ agency: key, after: '' }];
  pkg.appendix.groups = [
    {
      title: 'Cải cách thể chế',
      rows: [
        { cells: { task: 'Rà soát văn bản quy phạm pháp luật', lead: lead('so-tu-phap'), deadline: 'Quý I/2024' } },
        { cells: { task: 'Ban hành quy chế phối hợp', lead: lead('so-noi-vu'), deadline: 'Tháng 9/2024' } },
      ],
    },
    {
      title: 'Cải cách thủ tục hành chính',
      rows: [
        { cells: { task: 'Công bố thủ tục hành chính', lead: lead('so-noi-vu'), deadline: 'Trong năm 2024' } },
        { cells: { task: 'Kiểm soát thủ tục hành chính', lead: lead('so-noi-vu'), deadline: 'Thường xuyên' } },
      ],
    },
  ];
  const { id } = createPlan(db, pkg);
  await api.issuePlan(id, { number: '15', date: '2023-12-20' });
  const opened = (await api.openPlan(id)).pkg;
  return { planId: id, rows: opened.appendix.groups.flatMap((g) => g.rows.map((r) => r.id!)), groupId: opened.appendix.groups[0].id! };
}

describe('periods as data', () => {
  it('a one-year plan has the four periods of the rule, with their cut-off and due dates', async () => {
    const id = await issuedSample(api);
    const periods = await api.listPeriods(id);
    expect(periods.map((p) => [p.key, p.label, p.from, p.cutoff, p.due, p.returnsDue, p.byRule])).toEqual([
      ['2024-q1', 'Quý I năm 2024', '2023-12-15', '2024-03-14', '2024-03-20', '2024-03-14', true],
      ['2024-h1', '6 tháng đầu năm 2024', '2023-12-15', '2024-06-14', '2024-06-20', '2024-06-14', true],
      ['2024-q3', 'Quý III năm 2024', '2024-06-15', '2024-09-14', '2024-09-20', '2024-09-14', true],
      ['2024-year', 'Năm 2024', '2023-12-15', '2024-12-14', '2024-12-20', '2024-12-14', true],
    ]);
    // Written once, in the store, per plan.
    expect(db.prepare('SELECT count(*) AS n FROM report_periods WHERE plan_id = ?').get(id)).toEqual({ n: 4 });
  });

  it('a 2021–2030 plan reports per year: the four periods of each of its ten years', async () => {
    const { id } = await api.createPlan('blank', 2021);
    await api.setField(id, 'period', JSON.stringify({ from: 2021, to: 2030 }));
    const periods = await api.listPeriods(id);
    expect(periods).toHaveLength(40);
    expect(periods.map((p) => p.key)).toEqual(rulePeriods({ from: 2021, to: 2030 }).map((p) => p.key));
    expect(periods.at(-1)).toMatchObject({ key: '2030-year', from: '2029-12-15', cutoff: '2030-12-14' });
  });

  it('a period takes the province’s own dates; a custom period is added and removed; bad dates are refused, naming them', async () => {
    const id = await issuedSample(api);
    const p = await api.updatePeriod(id, '2024-q1', { returnsDue: '2024-03-10', cutoff: '2024-03-12' });
    expect(p).toMatchObject({ cutoff: '2024-03-12', returnsDue: '2024-03-10', byRule: false });
    expect(db.prepare("SELECT cutoff, returns_due, by_rule FROM report_periods WHERE plan_id = ? AND key = '2024-q1'").get(id)).toEqual({ cutoff: '2024-03-12', returns_due: '2024-03-10', by_rule: 0 });
    expect(await refusal(api.updatePeriod(id, '2024-q1', { cutoff: '2023-01-01' }))).toBe('period.cutoffBeforeStart');
    expect(await refusal(api.updatePeriod(id, '2024-q1', { due: '20/3/2024' }))).toBe('period.badDate');
    expect(await refusal(api.updatePeriod(id, '2024-q4', { due: '2024-12-20' }))).toBe('period.notFound');
    const custom = await api.addPeriod(id, { year: 2024, label: 'Đợt kiểm tra tháng 10', from: '2024-09-15', cutoff: '2024-10-14', due: '2024-10-20' });
    expect(custom).toMatchObject({ key: '2024-custom-1', code: 'custom', returnsDue: '2024-10-14' });
    expect(await refusal(api.addPeriod(id, { year: 2026, label: 'x', from: '2026-01-01', cutoff: '2026-02-01', due: '2026-02-02' }))).toBe('period.outsidePlan');
    expect(await refusal(api.deletePeriod(id, '2024-q1'))).toBe('period.standard');
    const row = (await api.openPlan(id)).pkg.appendix.groups[0].rows[0].id!;
    await api.setTaskStatus(id, custom.key, row, { status: 'done' });
    expect(await refusal(api.deletePeriod(id, custom.key))).toBe('period.inUse');
    await api.clearTaskStatus(id, custom.key, row);
    await api.deletePeriod(id, custom.key);
    expect((await api.listPeriods(id)).map((x) => x.key)).not.toContain(custom.key);
  });
});

describe('statuses, overdue and rates', () => {
  it('a task is overdue when its deadline ended before the cut-off and it is not done', async () => {
    const { planId, rows } = await fourTasks();
    const overdue = async (period: string) => (await api.trackingView(planId, period)).tasks.map((t) => t.overdue);
    // Quý I/2024 ends 31/3: after the Q1 cut-off (14/3), before the 6-month one (14/6).
    expect(await overdue('2024-q1')).toEqual([false, false, false, false]);
    expect(await overdue('2024-h1')).toEqual([true, false, false, false]);
    // Tháng 9/2024 ends 30/9: after the Q3 cut-off (14/9); "Trong năm 2024" ends 31/12, after the year's (14/12);
    // "Thường xuyên" never ends.
    expect(await overdue('2024-q3')).toEqual([true, false, false, false]);
    expect(await overdue('2024-year')).toEqual([true, true, false, false]);
    const view = await api.trackingView(planId, '2024-year');
    expect(view.tasks.map((t) => t.deadlineEnd)).toEqual(['2024-03-31', '2024-09-30', '2024-12-31', null]);
    // Done (even late), or dropped, is never overdue.
    await api.setTaskStatus(planId, '2024-year', rows[0], { status: 'doneLate' });
    await api.setTaskStatus(planId, '2024-year', rows[1], { status: 'dropped' });
    expect(await overdue('2024-year')).toEqual([false, false, false, false]);
    // An earlier cut-off of the province's moves it.
    await api.updatePeriod(planId, '2024-q1', { cutoff: '2024-04-05', due: '2024-04-10' });
    expect(await overdue('2024-q1')).toEqual([true, false, false, false]);
  });

  it('the secretariat has the last word, field by field; taking it back shows the returns’ words; one undo step each', async () => {
    const { planId, rows } = await fourTasks();
    let line = await api.setTaskStatus(planId, '2024-q1', rows[1], { status: 'inProgress', progress: 40, evidence: 'Công văn 12/SNV' });
    expect(line).toMatchObject({ status: 'inProgress', progress: 40, evidence: 'Công văn 12/SNV', result: '', source: 'secretariat' });
    expect(db.prepare('SELECT status, progress, progress_set, evidence, result FROM task_status WHERE row_id = ?').get(rows[1])).toEqual({
      status: 'inProgress', progress: 40, progress_set: 1, evidence: 'Công văn 12/SNV', result: null,
    });
    line = await api.clearTaskStatus(planId, '2024-q1', rows[1], ['evidence']);
    expect(line).toMatchObject({ status: 'inProgress', evidence: '' });
    expect(await refusal(api.setTaskStatus(planId, '2024-q1', rows[1], { progress: 140 }))).toBe('tracking.badProgress');
    expect(await api.undoTracking(planId)).toBe('clearTaskStatus');
    expect((await api.trackingView(planId, '2024-q1')).tasks[1].evidence).toBe('Công văn 12/SNV');
    expect(await api.trackingHistory(planId)).toEqual({ undo: 'setTaskStatus', redo: 'clearTaskStatus' });
    expect(await api.redoTracking(planId)).toBe('clearTaskStatus');
    await api.clearTaskStatus(planId, '2024-q1', rows[1]);
    expect(db.prepare('SELECT count(*) AS n FROM task_status').get()).toEqual({ n: 0 });
    expect((await api.trackingView(planId, '2024-q1')).tasks[1]).toMatchObject({ status: null, source: null });
    // Tracking edits never touch the content's history nor its revision.
    expect((await api.historyState(planId)).undo).toBeNull();
  });

  it('counts and rates per group and per lead agency, over the whole plan whatever the filter', async () => {
    const { planId, rows, groupId } = await fourTasks();
    await api.setTaskStatus(planId, '2024-year', rows[0], { status: 'done' });
    await api.setTaskStatus(planId, '2024-year', rows[1], { status: 'notStarted' });
    await api.setTaskStatus(planId, '2024-year', rows[2], { status: 'done' });
    const view = await api.trackingView(planId, '2024-year', { agency: 'so-noi-vu' });
    expect(view.tasks.map((t) => t.rowId)).toEqual(rows.slice(1));
    expect(view.totals).toMatchObject({ total: 4, done: 2, notStarted: 1, unreported: 1, overdue: 1, rate: 0.5 });
    expect(view.groups.map((g) => [g.label, g.counts.total, g.counts.done, g.counts.rate])).toEqual([['I', 2, 1, 0.5], ['II', 2, 1, 0.5]]);
    expect(view.agencies.map((a) => [a.name, a.counts.total, a.counts.done, Math.round(a.counts.rate * 100)])).toEqual([['Sở Nội vụ', 3, 1, 33], ['Sở Tư pháp', 1, 1, 100]]);
    expect((await api.trackingView(planId, '2024-year', { groupId })).tasks).toHaveLength(2);
    expect((await api.trackingView(planId, '2024-year', { status: 'unreported' })).tasks.map((t) => t.rowId)).toEqual([rows[3]]);
    expect((await api.trackingView(planId, '2024-year', { overdue: true })).tasks.map((t) => t.rowId)).toEqual([rows[1]]);
    // Both units have tasks and neither has sent a return.
    expect(view.missing.map((m) => m.name)).toEqual(['Sở Nội vụ', 'Sở Tư pháp']);
  });
});

describe('statuses typed in words', () => {
  it.each([
    ['Đã hoàn thành', 'done', true],
    ['Hoàn thành quá hạn', 'doneLate', true],
    ['Không thực hiện/đề nghị điều chỉnh', 'dropped', true],
    ['', null, true],
    ['xong', 'done', false],
    ['Đã xong', 'done', false],
    ['HT', 'done', false],
    ['đạt 100%', 'done', false],
    ['Hoàn thành nhưng quá hạn', 'doneLate', false],
    ['đang triển khai (70%)', 'inProgress', false],
    ['Đúng tiến độ', 'inProgress', false],
    ['chậm tiến độ', 'inProgress', false],
    ['chưa', 'notStarted', false],
    ['Chưa triển khai', 'notStarted', false],
    ['chưa hoàn thành', 'inProgress', false],
    ['Đề nghị điều chỉnh sang năm 2025', 'dropped', false],
  ] as const)('“%s” → %s (certain: %s)', (text, status, certain) => {
    const r = readStatusWords(text);
    expect([r.status, r.certain, r.read]).toEqual([status, certain, true]);
  });

  it('reads the percentage and keeps no status for words it does not know', () => {
    expect(readStatusWords('đang triển khai (70%)').progress).toBe(70);
    expect(readStatusWords('Theo kế hoạch của Bộ')).toEqual({ status: null, progress: null, certain: false, read: false });
  });
});
