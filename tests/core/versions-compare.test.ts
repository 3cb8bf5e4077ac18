import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open';
import { insertPackage, listPlans, loadPlan } from '../../electron/core/store/plans';
import { moveAppendixRow, setCell, setField } from '../../electron/core/store/edits';
import { deleteVersion, listVersions, loadVersion, restoreVersionAsPlan, saveVersion } from '../../electron/core/store/versions';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { loadSamplePackage } from '../../electron/core/sample';
import { comparePackages } from '../../electron/core/compare';
import { diffWords, similarity } from '../../electron/core/model/word-diff';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

function store() {
  const db = openStore(join(tempDir(), 'v.sqlite'));
  const planId = insertPackage(db, loadSamplePackage());
  return { db, planId };
}

describe('versions', () => {
  it('keeps a named snapshot that later edits do not change, and restores it as a new plan', () => {
    const { db, planId } = store();
    const before = serializeExchange(loadPlan(db, planId).pkg);
    const v = saveVersion(db, planId, '  Dự thảo xin ý kiến ');
    expect(v.name).toBe('Dự thảo xin ý kiến');
    setField(db, planId, 'decision.number', '15');
    expect(serializeExchange(loadVersion(db, v.id).pkg)).toBe(before);

    const restored = restoreVersionAsPlan(db, v.id);
    expect(restored.title).toBe('Kế hoạch CCHC năm 2024 - tỉnh Bình Phước (Dự thảo xin ý kiến)');
    expect(loadPlan(db, restored.id).pkg.decision!.number).toBe('2142');
    expect(loadPlan(db, planId).pkg.decision!.number).toBe('15');
    expect(listPlans(db)).toHaveLength(2);
    db.close();
  });

  it('lists versions newest first, deletes one, and refuses an empty name or unknown id', () => {
    const { db, planId } = store();
    saveVersion(db, planId, 'Dự thảo');
    const second = saveVersion(db, planId, 'Bản trình ký');
    expect(listVersions(db, planId).map((v) => v.name)).toEqual(['Bản trình ký', 'Dự thảo']);
    deleteVersion(db, second.id);
    expect(listVersions(db, planId).map((v) => v.name)).toEqual(['Dự thảo']);
    expect(() => saveVersion(db, planId, '   ')).toThrow(/needs a name/);
    expect(() => loadVersion(db, 12345)).toThrow(/No version has the id 12345/);
    db.close();
  });
});

describe('compare', () => {
  it('finds the rows moved, changed, added and removed between two versions, with word diffs', () => {
    const { db, planId } = store();
    const v1 = saveVersion(db, planId, 'Dự thảo');
    const { pkg } = loadPlan(db, planId);
    const [groupI, groupII, groupIII] = pkg.appendix.groups;
    moveAppendixRow(db, planId, groupI.rows[1].id!, groupIII.id!, 3); // STT 2 to the end of group III
    setCell(db, planId, groupII.rows[0].id!, 'deadline', 'Quý II/2024');
    const v2 = saveVersion(db, planId, 'Bản trình ký');

    const result = comparePackages(loadVersion(db, v1.id).pkg, loadVersion(db, v2.id).pkg);
    expect(result.counts).toEqual({ same: 46, added: 0, removed: 0, moved: 1, changed: 1 });
    const moved = result.rows.find((r) => r.status === 'moved')!;
    expect(moved.before).toEqual({ number: 2, group: 'Cải cách thể chế' });
    // Group I loses a row, so the old 16–18 become 15–17 and the moved row is 18.
    expect(moved.after).toEqual({ number: 18, group: 'Cải cách tổ chức bộ máy' });
    const changed = result.rows.find((r) => r.status === 'changed')!;
    expect(changed.before!.number).toBe(6);
    expect(changed.cells.deadline).toEqual([
      { op: 'removed', text: 'Thường xuyên trong năm' },
      { op: 'added', text: 'Quý II/2024' },
    ]);
    expect(result.fields).toEqual([]);
    db.close();
  });

  it('reports Decision and body changes and added/removed rows', () => {
    const a = loadSamplePackage();
    const b = structuredClone(a);
    b.decision!.date = '2023-12-29';
    b.plan.body[2].children[0].text = [{ text: 'Mục tiêu chung' }];
    b.appendix.groups[0].rows.push({ cells: { task: 'Một nhiệm vụ hoàn toàn mới của năm', lead: [], cooperate: [], deadline: '', note: '' } });
    b.appendix.groups[6].rows.pop();
    const result = comparePackages(a, b);
    expect(result.counts.added).toBe(1);
    expect(result.counts.removed).toBe(1);
    expect(result.fields.map((f) => f.place)).toEqual(['decision.date']);
    expect(result.body.map((f) => f.place)).toEqual(['I. 1.']);
    expect(result.body[0].diff).toEqual([
      { op: 'same', text: 'Mục tiêu' },
      { op: 'added', text: ' chung' },
    ]);
  });

  it('diffs words and scores similarity', () => {
    expect(diffWords('Trong năm 2024', 'Trong năm 2025')).toEqual([
      { op: 'same', text: 'Trong năm ' },
      { op: 'removed', text: '2024' },
      { op: 'added', text: '2025' },
    ]);
    expect(similarity('cải cách hành chính', 'cải cách hành chính')).toBe(1);
    expect(similarity('cải cách hành chính', 'chuyển đổi số')).toBe(0);
  });
});
