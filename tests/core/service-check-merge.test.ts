/** The checker, its fixes and the merge of department proposals, through the SoanApi. */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { loadPlan } from '../../electron/core/store/plans';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { exportXlsx } from '../../electron/core/export/xlsx';
import { loadSamplePackage } from '../../electron/core/sample';
import { cellText } from '../../electron/core/model';
import { runCli } from '../../electron/cli/main';
import { removeTempDirs, tempDir } from './helpers';
import { codedText } from '../../electron/core/model/messages';

afterEach(removeTempDirs);

function setup() {
  const db = openStore(join(tempDir(), 'c.sqlite'));
  const api = createService(db, { info: { version: 't', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
  return { db, api };
}

describe('checker through the API and the CLI', () => {
  it('lists the sample findings, applies a fix as one undo step', async () => {
    const { db, api } = setup();
    const plan = await api.createPlan('sample');
    const findings = await api.checkPlan(plan.id, 'vi');
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort()).toEqual(['citations.number-year', 'decision.before-proposal']);
    const variant = findings.find((f) => f.rule === 'agencies.variants' && f.fix)!;
    expect(variant).toBeDefined();
    const before = serializeExchange(loadPlan(db, plan.id).pkg);
    await api.applyFix(plan.id, variant.fix!.ops);
    const after = await api.checkPlan(plan.id, 'en');
    expect(after.some((f) => f.path === variant.path && f.rule === variant.rule)).toBe(false);
    expect(after[0].message).toMatch(/[A-Za-z]/);
    expect(await api.undo(plan.id)).toBe('applyFix');
    expect(serializeExchange(loadPlan(db, plan.id).pkg)).toBe(before);
    // A fix may not reach another plan.
    const other = await api.createPlan('blank', 2025);
    await expect(api.applyFix(plan.id, [{ method: 'setField', args: [other.id, 'decision.number', '1'] }])).rejects.toThrow(/only edit this plan/);
    db.close();
  });

  it('`check` prints one line per finding and exits 1 on errors', async () => {
    const lines: string[] = [];
    const code = await runCli(['check', join('resources', 'sample', 'ke-hoach-cchc-2024-binh-phuoc.json'), '--lang', 'en'], (l) => lines.push(l));
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe('2 errors, 4 warnings, 16 notes');
    expect(lines.filter((l) => l.startsWith('error\t'))).toHaveLength(2);
    expect(lines).toContainEqual(expect.stringMatching(/^error\tcitations\.number-year\tplan\.body\[3\]\.children\[7\]\t/));
  });
});

describe('merging a department workbook', () => {
  it('shows new and changed rows, takes them with their source, one undo step each', async () => {
    const { db, api } = setup();
    const plan = await api.createPlan('sample');
    const theirs = loadSamplePackage();
    theirs.appendix.groups[0].rows[0].cells.deadline = 'Quý II/2024';
    theirs.appendix.groups[0].rows.push({
      cells: { task: 'Xây dựng cơ sở dữ liệu văn bản quy phạm pháp luật của tỉnh', lead: [{ agency: 'so-tu-phap', after: '' }], cooperate: [], deadline: 'Quý III/2024', note: '' },
    });
    const file = await api.readMergeFile(plan.id, 'so-tu-phap.xlsx', (await exportXlsx(theirs)).toString('base64'));
    expect(file.department).toBe('Sở Tư pháp');
    const changed = file.proposals.filter((p) => p.status === 'changed');
    const added = file.proposals.filter((p) => p.status === 'new');
    expect(changed.map((p) => p.match!.number)).toEqual([1]);
    expect(changed[0].match!.diffs['Thời gian hoàn thành']).toEqual([
      { op: 'removed', text: 'Trong năm ' },
      { op: 'added', text: 'Quý II/' },
      { op: 'same', text: '2024' },
    ]);
    expect(added).toHaveLength(1);
    expect(added[0].cells.lead).toBe('Sở Tư pháp');

    const groupId = loadPlan(db, plan.id).pkg.appendix.groups[0].id!;
    const newRow = await api.takeProposal(plan.id, { kind: 'new', groupId, index: 5 }, added[0].cells, { file: file.fileName, department: file.department });
    await api.takeProposal(plan.id, { kind: 'replace', rowId: changed[0].match!.rowId! }, { deadline: changed[0].cells.deadline }, { file: file.fileName, department: file.department });
    const pkg = loadPlan(db, plan.id).pkg;
    expect(pkg.appendix.groups[0].rows).toHaveLength(6);
    expect(cellText(pkg.appendix.groups[0].rows[5].cells.lead, pkg.agencies)).toBe('Sở Tư pháp');
    expect(pkg.appendix.groups[0].rows[0].cells.deadline).toBe('Quý II/2024');
    const sources = await api.rowSources(plan.id);
    expect(sources[newRow]).toMatchObject({ file: 'so-tu-phap.xlsx', department: 'Sở Tư pháp' });
    expect(Object.keys(sources)).toHaveLength(2);
    expect(await api.undo(plan.id)).toBe('takeProposal');
    expect(loadPlan(db, plan.id).pkg.appendix.groups[0].rows[0].cells.deadline).toBe('Trong năm 2024');
    expect(Object.keys(await api.rowSources(plan.id))).toHaveLength(1);
    db.close();
  });
});

describe('a department workbook of another year', () => {
  it('is said to be of that year, with the rollover offered', async () => {
    const { db, api } = setup();
    const plan = await api.createPlan('sample');
    const lastYear = loadSamplePackage();
    lastYear.appendix.title = 'CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2023';
    const file = await api.readMergeFile(plan.id, 'cu.xlsx', (await exportXlsx(lastYear)).toString('base64'));
    expect(file.otherYear).toBe(2023);
    // The year is carried as data (the desk and the CLI word it), never as a fixed-language warning.
    expect(file.warnings.map((w) => codedText(w)).join(' ')).not.toMatch(/2023/);
    const same = await api.readMergeFile(plan.id, 'nay.xlsx', (await exportXlsx(loadSamplePackage())).toString('base64'));
    expect(same.otherYear).toBeNull();
    db.close();
  });
});
