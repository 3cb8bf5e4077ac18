/** Exchange format version 2: v1 files import and are upgraded, v2 options and row trees round-trip byte for byte. */
import { afterEach, describe, expect, it } from 'vitest';
import { parseExchange, serializeExchange } from '../../electron/core/exchange/exchange';
import { insertPackage, loadPlan, setPlanYear } from '../../electron/core/store/plans';
import { insertAppendixRow, moveAppendixRow, setOption } from '../../electron/core/store/edits';
import { enableHistory, undo } from '../../electron/core/store/history';
import { frameworkPackage } from './fixtures/framework';
import { samplePackage } from './fixtures/packages';
import { content, removeTempDirs, tempStore, userErrorOf } from './helpers';

afterEach(removeTempDirs);

/** The sample as a version-1 file, the way version 1 of the program wrote it. */
function v1File(): string {
  const doc = JSON.parse(serializeExchange(samplePackage())) as Record<string, unknown>;
  doc.version = 1;
  return JSON.stringify(doc, null, 2) + '\n';
}

describe('exchange version 2', () => {
  it('a version-1 file imports unchanged and exports as version 2', () => {
    const pkg = parseExchange(v1File(), 'old.json');
    expect(content(pkg)).toBe(content(samplePackage()));
    const out = JSON.parse(serializeExchange(pkg)) as { version: number; period?: unknown; plan: { numbering?: unknown } };
    expect(out.version).toBe(2);
    expect(out.period).toBeUndefined();
    expect(out.plan.numbering).toBeUndefined();
  });

  it('a version-1 file with a v2 field is refused by the v1 schema', () => {
    const doc = JSON.parse(v1File()) as { period?: unknown };
    doc.period = { from: 2024, to: 2025 };
    expect(userErrorOf(() => parseExchange(JSON.stringify(doc), 'old.json'))).toMatch(/unknown field "period"/);
  });

  it('a framework (row tree, numbering styles, period, footnote, sub-recipients, unknown number) round-trips to the same bytes', () => {
    const pkg = frameworkPackage(3, 2);
    pkg.decision!.number = '';
    pkg.decision!.numberUnknown = true;
    const text = serializeExchange(pkg);
    expect(text).toContain('"_rows"');
    const back = parseExchange(text);
    expect(serializeExchange(back)).toBe(text);
    expect(back.appendix.groups[0].rows[2].children![1].children![0].cells.activity).toBe('Hoạt động 3.2.1');
    expect(back.period).toEqual({ from: 2021, to: 2030 });
    expect(back.plan.numbering?.item).toEqual({ format: 'decimal', path: true, suffix: '.' });
    expect(back.appendix.numbering).toEqual({ style: 'continuous' });
    expect(back.plan.body[0].text[0].footnote).toMatch(/Nghị quyết số 76/);
    expect(back.decision!.recipients[2]).toBe('+ LĐVP, các phòng, đơn vị;');
    expect(back.decision!.numberUnknown).toBe(true);
    // …and through the store.
    const { db } = tempStore();
    expect(serializeExchange(loadPlan(db, insertPackage(db, back)).pkg)).toBe(text);
  });

  it('names a bad sub-row cell by its path, and a period that does not start in the year', () => {
    const doc = JSON.parse(serializeExchange(frameworkPackage(1, 1))) as {
      year: number; period: { from: number; to: number }; appendix: { groups: Array<{ rows: Array<{ _rows: Array<{ _rows: Array<Record<string, unknown>> }> }> }> };
    };
    doc.appendix.groups[0].rows[0]._rows[0]._rows[0].lead = 'Sở Nội vụ';
    doc.period.from = 2020;
    const message = userErrorOf(() => parseExchange(JSON.stringify(doc), 'f.json'));
    expect(message).toContain('appendix.groups[0].rows[0]._rows[0]._rows[0].lead: must be a list of agencies');
    expect(message).toContain('period.from: 2020');
  });
});

describe('store edits of v2 shapes', () => {
  it('sub-rows are inserted and moved under a parent, the period moves with the year, options are checked and undoable', () => {
    const { db } = tempStore();
    enableHistory(db);
    const planId = insertPackage(db, frameworkPackage(2, 1));
    const pkg = loadPlan(db, planId).pkg;
    const group = pkg.appendix.groups[0];
    const objective = group.rows[0];
    const task = objective.children![0];
    const added = insertAppendixRow(db, planId, group.id!, 5, { activity: 'Hoạt động mới' }, task.id!);
    let tree = loadPlan(db, planId).pkg.appendix.groups[0].rows;
    expect(tree[0].children![0].children!.map((r) => r.cells.activity)).toEqual(['Hoạt động 1.1.1', 'Hoạt động mới']);
    // Move the second objective's first task under the first objective, at the top.
    moveAppendixRow(db, planId, tree[1].children![0].id!, group.id!, 0, objective.id!);
    tree = loadPlan(db, planId).pkg.appendix.groups[0].rows;
    expect(tree[0].children!.map((r) => r.cells.task)).toEqual(['Nhiệm vụ 2.1: hoàn thiện thể chế', 'Nhiệm vụ 1.1: hoàn thiện thể chế', 'Nhiệm vụ 1.2: hoàn thiện thể chế']);
    expect(tree[1].children!.map((r) => r.cells.task)).toEqual(['Nhiệm vụ 2.2: hoàn thiện thể chế']);
    expect(userErrorOf(() => moveAppendixRow(db, planId, objective.id!, group.id!, 0, added))).toMatch(/under itself/);

    setOption(db, planId, 'appendix.numbering', { style: 'per-group', start: 3 });
    expect(loadPlan(db, planId).pkg.appendix.numbering).toEqual({ style: 'per-group', start: 3 });
    undo(db, planId);
    expect(loadPlan(db, planId).pkg.appendix.numbering).toEqual({ style: 'continuous' });
    expect(userErrorOf(() => setOption(db, planId, 'period', { from: 2020, to: 2030 }))).toMatch(/plan's year \(2021\)/);
    expect(userErrorOf(() => setOption(db, planId, 'plan.numbering', { item: { format: 'greek', suffix: '.' } }))).toMatch(/item: a format/);
    setPlanYear(db, planId, 2031);
    expect(loadPlan(db, planId).pkg.period).toEqual({ from: 2031, to: 2040 });
  });
});

describe('rollover of v2 shapes', () => {
  it('rolls sub-rows, keeps the tree and numbering, moves the period, leaves no "unknown" flags', async () => {
    const { applyRollover } = await import('../../electron/core/rollover');
    const pkg = frameworkPackage(1, 2);
    pkg.decision!.numberUnknown = true;
    pkg.appendix.groups[0].rows[0].children![0].children![1].cells.deadline = 'Quý II/2021';
    // A period plan (2021–2030) is not rolled over year by year: it names its next period instead.
    expect(userErrorOf(() => applyRollover(pkg, 2022, 'all'))).toMatch(/2031/);
    // The same tree in a one-year plan rolls to the next year.
    const one = applyRollover({ ...pkg, period: undefined }, 2022, 'all');
    // A sub-row's deadline in the plan year moves with it.
    expect(one.appendix.groups[0].rows[0].children![0].children![1].cells.deadline).toBe('Quý II/2022');
    const next = applyRollover(pkg, 2031, 'all');
    expect(next.period).toEqual({ from: 2031, to: 2040 });
    expect(next.appendix.numbering).toEqual({ style: 'continuous' });
    expect(next.plan.numbering).toEqual(pkg.plan.numbering);
    const activity = next.appendix.groups[0].rows[0].children![0].children![0];
    expect(activity.cells.activity).toBe('Hoạt động 1.1.1');
    // Its deadline 25/12/2023 is not near the plan's year 2021: a dated event, left alone; the tree is whole.
    expect(next.appendix.groups[0].rows[0].children![1].children).toHaveLength(2);
    expect(next.decision!.numberUnknown).toBeUndefined();
  });
});

describe('v2 options through setField (the API the editor already has)', () => {
  it('sets and clears a numbering style as JSON text', async () => {
    const { setField } = await import('../../electron/core/store/edits');
    const { db } = tempStore();
    const planId = insertPackage(db, samplePackage());
    setField(db, planId, 'plan.numbering', JSON.stringify({ item: { format: 'decimal', path: true, suffix: '.' } }));
    expect(loadPlan(db, planId).pkg.plan.numbering).toEqual({ item: { format: 'decimal', path: true, suffix: '.' } });
    setField(db, planId, 'plan.numbering', '');
    expect(loadPlan(db, planId).pkg.plan.numbering).toBeUndefined();
    expect(userErrorOf(() => setField(db, planId, 'appendix.numbering', '{oops'))).toMatch(/JSON/);
  });
});

describe('compare of v2 shapes', () => {
  it('sees a change in an activity (a sub-row) of a framework', async () => {
    const { comparePackages } = await import('../../electron/core/compare');
    const before = frameworkPackage(1, 2);
    const after = structuredClone(before);
    after.appendix.groups[0].rows[0].children![1].children![0].cells.deadline = '30/06/2024';
    const rows = comparePackages(before, after).rows.filter((r) => r.status !== 'same');
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0].cells)).toEqual(['deadline']);
  });
});

describe('find and replace in sub-rows', () => {
  it('finds an activity of a framework by its label and replaces it in the store', async () => {
    const { findInPlan, replaceInPlan } = await import('../../electron/core/search/find-replace');
    const { db } = tempStore();
    const planId = insertPackage(db, frameworkPackage(1, 2));
    const hits = findInPlan(db, planId, { text: 'Hoạt động 1.2.2', loose: false }).filter((h) => h.path.endsWith('.activity'));
    expect(hits.map((h) => h.path)).toEqual(['appendix.groups[0].rows[0]._rows[1]._rows[1].activity']);
    replaceInPlan(db, planId, { text: 'Hoạt động 1.2.2', loose: false }, 'Tập huấn', hits.map((h) => h.id));
    expect(loadPlan(db, planId).pkg.appendix.groups[0].rows[0].children![1].children![1].cells.activity).toBe('Tập huấn');
  });
});
