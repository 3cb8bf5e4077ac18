/**
 * Merging a department's workbook whose table is a tree (model v2): its rows are proposed with their parent
 * (the parent's proposal and the plan's row it matches), and a sub-row taken under that row keeps the tree.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { insertPackage, loadPlan } from '../../electron/core/store/plans';
import { readMergeFile, rowSources, takeProposal } from '../../electron/core/merge/take';
import { exportXlsx } from '../../electron/core/export/xlsx';
import { cellText, type AppendixRow } from '../../electron/core/model';
import { frameworkPackage } from './fixtures/framework';
import { removeTempDirs, tempStore } from './helpers';
import { deskFile, proposalDepth, subRowTarget } from '../../renderer/src/screens/plan/merge/merge-state';

afterEach(removeTempDirs);

const source = { file: 'so-noi-vu.xlsx', department: 'Sở Nội vụ' };

describe('merging a department workbook with row trees', () => {
  it('proposes sub-rows with their parent; a new activity taken under its task, a new task with its activity under its objective', async () => {
    const { db } = tempStore();
    const planId = insertPackage(db, frameworkPackage(2, 2));
    const theirs = frameworkPackage(2, 2);
    const task11 = theirs.appendix.groups[0].rows[0].children![0];
    task11.children!.push({ cells: { ...task11.children![0].cells, activity: 'Hoạt động mới: số hóa hồ sơ công việc', result: 'Hồ sơ điện tử' } });
    const objective2 = theirs.appendix.groups[0].rows[1];
    objective2.children!.push({
      cells: { ...objective2.children![0].cells, task: 'Nhiệm vụ mới: xây dựng chính quyền số' },
      children: [
        { cells: { ...task11.children![0].cells, activity: 'Triển khai nền tảng họp trực tuyến', result: 'Nền tảng' } },
        { cells: { ...task11.children![0].cells, activity: 'Kết nối cơ sở dữ liệu dân cư', result: 'Kết nối' } },
      ],
    });

    const file = await readMergeFile(db, planId, 'so-noi-vu.xlsx', await exportXlsx(theirs));
    // Deadlines in 2023–2024 are inside the plan's period (2021–2030): not another year's table.
    expect(file.otherYear).toBeNull();
    const ours = loadPlan(db, planId).pkg.appendix.groups[0];
    const ourTask11 = ours.rows[0].children![0];
    const ourObjective2 = ours.rows[1];

    // Every row of the tree is proposed (2 objectives, 5 tasks, 11 activities), the unchanged ones as `same`.
    expect(file.proposals).toHaveLength(18);
    expect(file.proposals.filter((p) => p.status === 'same')).toHaveLength(14);
    // An unchanged activity names its parent's proposal and the plan's task that parent matches.
    const firstActivity = file.proposals[2];
    expect(firstActivity.label).toBe('1.1.1');
    expect(file.proposals[firstActivity.parent!.proposal].label).toBe('1.1');
    expect(firstActivity.parent!.rowId).toBe(ourTask11.id);

    const added = file.proposals.filter((p) => p.status === 'new');
    expect(added.map((p) => [p.label, p.cells.activity || p.cells.task])).toEqual([
      ['1.1.3', 'Hoạt động mới: số hóa hồ sơ công việc'],
      ['2.3', 'Nhiệm vụ mới: xây dựng chính quyền số'],
      ['2.3.1', 'Triển khai nền tảng họp trực tuyến'],
      ['2.3.2', 'Kết nối cơ sở dữ liệu dân cư'],
    ]);
    const [activity, task, taskActivity] = added;
    expect(activity.parent!.rowId).toBe(ourTask11.id);
    expect(task.parent!.rowId).toBe(ourObjective2.id);
    // The new task's activity: its parent is new too (no plan row yet), named by its proposal.
    expect(taskActivity.parent!.rowId).toBeUndefined();
    expect(file.proposals[taskActivity.parent!.proposal]).toBe(task);

    // The merge desk's placing (renderer/src/screens/plan/merge): after the last sub-row of the matched parent; the new
    // task's activities under the row the task became once taken, and not before.
    const desk = deskFile(file, 'f1');
    const item = (p: typeof activity) => desk.proposals[file.proposals.indexOf(p)];
    const groups = () => loadPlan(db, planId).pkg.appendix.groups;
    const groupId = ours.id!;
    // The desk indents each row by its depth in the file's tree: objective 0, task 1, activity 2.
    expect(added.map((p) => [p.label, proposalDepth(desk, item(p))])).toEqual([['1.1.3', 2], ['2.3', 1], ['2.3.1', 2], ['2.3.2', 2]]);
    expect(proposalDepth(desk, desk.proposals[0])).toBe(0);
    // A link that loops back on itself (never sent by the core, but not trusted) stops the count instead of hanging.
    const looped = deskFile({ ...file, proposals: [{ ...file.proposals[0], parent: { proposal: 1 } }, { ...file.proposals[1], parent: { proposal: 0 } }] }, 'f2');
    expect(proposalDepth(looped, looped.proposals[0])).toBe(2);
    expect(subRowTarget(desk, item(activity), groups())).toEqual({ groupId, parentId: ourTask11.id, index: 2 });
    expect(subRowTarget(desk, item(taskActivity), groups())).toBeNull();
    const activityId = takeProposal(db, planId, { kind: 'new', ...subRowTarget(desk, item(activity), groups())! }, activity.cells, source);
    const taskId = takeProposal(db, planId, { kind: 'new', ...subRowTarget(desk, item(task), groups())! }, task.cells, source);
    item(task).rowId = taskId;
    expect(subRowTarget(desk, item(taskActivity), groups())).toEqual({ groupId, parentId: taskId, index: 0 });
    takeProposal(db, planId, { kind: 'new', ...subRowTarget(desk, item(taskActivity), groups())! }, taskActivity.cells, source);

    const pkg = loadPlan(db, planId).pkg;
    const rows = pkg.appendix.groups[0].rows;
    const text = (r: AppendixRow, key: string) => cellText(r.cells[key], pkg.agencies);
    // Still two objectives at the top; the activity is the third under task 1.1, with its cells.
    expect(rows).toHaveLength(2);
    const got11 = rows[0].children![0].children!;
    expect(got11.map((r) => text(r, 'activity'))).toEqual(['Hoạt động 1.1.1', 'Hoạt động 1.1.2', 'Hoạt động mới: số hóa hồ sơ công việc']);
    expect(got11[2].id).toBe(activityId);
    expect([text(got11[2], 'result'), text(got11[2], 'lead'), text(got11[2], 'deadline')]).toEqual(['Hồ sơ điện tử', 'Sở Nội vụ', '25/12/2023']);
    // The new task is the third under objective 2, its activity under it.
    const tasks2 = rows[1].children!;
    expect(tasks2.map((r) => text(r, 'task'))).toEqual(['Nhiệm vụ 2.1: hoàn thiện thể chế', 'Nhiệm vụ 2.2: hoàn thiện thể chế', 'Nhiệm vụ mới: xây dựng chính quyền số']);
    expect(tasks2[2].children!.map((r) => text(r, 'activity'))).toEqual(['Triển khai nền tảng họp trực tuyến']);
    // Each taken row remembers the file it came from.
    expect(Object.keys(rowSources(db, planId)).map(Number).sort()).toEqual([activityId, taskId, tasks2[2].children![0].id].sort());
    db.close();
  });

  it('a parent in another group is refused, nothing written', async () => {
    const { db } = tempStore();
    const pkg = frameworkPackage(1, 1);
    pkg.appendix.groups.push({ title: 'Nhóm khác', rows: [] });
    const planId = insertPackage(db, pkg);
    const groups = loadPlan(db, planId).pkg.appendix.groups;
    const parentId = groups[0].rows[0].id!;
    expect(() => takeProposal(db, planId, { kind: 'new', groupId: groups[1].id!, index: 0, parentId }, { task: 'x' }, source)).toThrow();
    expect(loadPlan(db, planId).pkg.appendix.groups[1].rows).toEqual([]);
    expect(rowSources(db, planId)).toEqual({});
    db.close();
  });
});
