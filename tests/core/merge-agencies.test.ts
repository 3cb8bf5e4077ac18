/**
 * A department's spellings of agencies taken into the plan (merge/take.ts with model/merge-take.ts): matched to
 * the directory at take time, a likely match or an unknown name taken only on the drafter's choice, a column the
 * plan has not shown as unplaced, and what the desk would show for a cell is what the store then holds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { loadPlan } from '../../electron/core/store/plans';
import { loadSamplePackage } from '../../electron/core/sample';
import { cellText } from '../../electron/core/model';
import { readAgencyCell, takenText } from '../../electron/core/model/merge-take';
import { removeTempDirs, tempDir } from './helpers';
import { xlsxOf } from './fixtures/real-world-cases';
import { writeFileSync } from 'node:fs';
import { runCli } from '../../electron/cli/main';

afterEach(removeTempDirs);

function setup() {
  const db = openStore(join(tempDir(), 'm.sqlite'));
  const api = createService(db, { info: { version: 't', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
  return { db, api };
}

const FIRST_TASK = loadSamplePackage().appendix.groups[0].rows[0].cells.task as string;
const HEAD = ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Sản phẩm đầu ra'];

/** A department's workbook: the plan's first task spelled "Sở Tư Pháp", and four new tasks in its own spellings. */
async function departmentFile(): Promise<string> {
  const bytes = await xlsxOf([{ name: 'Phụ lục', rows: [
    ['PHỤ LỤC'], ['ĐỀ XUẤT CỦA SỞ TƯ PHÁP NĂM 2024'], [],
    HEAD,
    ['I', 'CẢI CÁCH THỂ CHẾ'],
    [{ num: 1 }, FIRST_TASK, 'Sở Tư Pháp', 'Các sở, ban, ngành tỉnh; UBND cấp huyện', 'Trong năm 2024', ''],
    [{ num: 2 }, 'Xây dựng cơ sở dữ liệu văn bản quy phạm pháp luật của tỉnh', 'STP', 'Sở TT&TT', 'Quý III/2024', 'Cơ sở dữ liệu'],
    [{ num: 3 }, 'Số hóa hồ sơ hộ tịch lưu trữ tại cấp xã', 'Sở Thông tin & Truyền thông', 'Sở Tư Pháp; Phòng Hộ tịch xã', 'Quý IV/2024', ''],
  ] }]);
  return bytes.toString('base64');
}

describe('taking a department\'s agencies', () => {
  it('reads "Sở Tư Pháp" as the plan\'s Sở Tư pháp: the row is the same, not a change', async () => {
    const { db, api } = setup();
    const plan = await api.createPlan('sample');
    const file = await api.readMergeFile(plan.id, 'so-tu-phap.xlsx', await departmentFile());
    expect(file.proposals.map((p) => p.status)).toEqual(['same', 'new', 'new']);
    expect(file.unplacedColumns).toEqual(['Sản phẩm đầu ra']);
    expect(file.proposals[1].unplaced).toEqual({ 'Sản phẩm đầu ra': 'Cơ sở dữ liệu' });
    expect(file.proposals[1].cells).toMatchObject({ lead: 'STP', cooperate: 'Sở TT&TT' });
    db.close();
  });

  it('takes certain spellings at once, an abbreviation or an unknown name only on a choice, and adds no agency by itself', async () => {
    const { db, api } = setup();
    const plan = await api.createPlan('sample');
    const file = await api.readMergeFile(plan.id, 'so-tu-phap.xlsx', await departmentFile());
    const source = { file: file.fileName, department: file.department };
    const group = loadPlan(db, plan.id).pkg.appendix.groups[0];
    const directory = () => loadPlan(db, plan.id).pkg.agencies;
    const before = directory().length;
    const [, stp, tttt] = file.proposals;
    const target = (index: number) => ({ kind: 'new' as const, groupId: group.id!, index });
    const revision = loadPlan(db, plan.id).summary.revision;

    // "STP" and "Sở TT&TT" are abbreviations: proposed, not taken.
    await expect(api.takeProposal(plan.id, target(0), stp.cells, source)).rejects.toMatchObject({ code: 'merge.agencyUnsettled', params: { names: 'STP' } });
    const choices = { STP: { agency: 'so-tu-phap' } };
    await expect(api.takeProposal(plan.id, target(0), stp.cells, source, choices)).rejects.toMatchObject({ params: { names: 'Sở TT&TT' } });
    // A choice naming no entry of the directory is no choice.
    await expect(api.takeProposal(plan.id, target(0), stp.cells, source, { ...choices, 'Sở TT&TT': { agency: 'no-such' } })).rejects.toMatchObject({ code: 'merge.agencyUnsettled' });
    expect(loadPlan(db, plan.id).summary.revision).toBe(revision);

    // What the desk shows for the cells, worked out before the take …
    const settled = { ...choices, 'Sở TT&TT': { agency: 'so-thong-tin-va-truyen-thong-2' } };
    const shown = { lead: takenText(readAgencyCell(stp.cells.lead, directory(), settled)), cooperate: takenText(readAgencyCell(stp.cells.cooperate, directory(), settled)) };
    expect(shown).toEqual({ lead: 'Sở Tư pháp', cooperate: 'Sở Thông tin và Truyền thông' });
    const first = await api.takeProposal(plan.id, target(0), stp.cells, source, settled);
    // … is what the store holds after it.
    let pkg = loadPlan(db, plan.id).pkg;
    const row = pkg.appendix.groups[0].rows.find((r) => r.id === first)!;
    expect({ lead: cellText(row.cells.lead, pkg.agencies), cooperate: cellText(row.cells.cooperate, pkg.agencies) }).toEqual(shown);
    expect(row.cells.lead).toEqual([{ agency: 'so-tu-phap', after: '' }]);
    expect(directory()).toHaveLength(before);

    // "Sở Thông tin & Truyền thông" and "Sở Tư Pháp" are certain; "Phòng Hộ tịch xã" is new: added only when chosen.
    await expect(api.takeProposal(plan.id, target(1), tttt.cells, source)).rejects.toMatchObject({ params: { names: 'Phòng Hộ tịch xã' } });
    const second = await api.takeProposal(plan.id, target(1), tttt.cells, source, { 'Phòng Hộ tịch xã': { add: 'Phòng Hộ tịch xã' } });
    pkg = loadPlan(db, plan.id).pkg;
    const row2 = pkg.appendix.groups[0].rows.find((r) => r.id === second)!;
    expect(row2.cells.lead).toEqual([{ agency: 'so-thong-tin-va-truyen-thong-2', after: '' }]);
    expect(cellText(row2.cells.cooperate, pkg.agencies)).toBe('Sở Tư pháp; Phòng Hộ tịch xã');
    expect(directory().map((a) => a.name).slice(before)).toEqual(['Phòng Hộ tịch xã']);
    // One take, one undo step: the added agency goes with it.
    expect(await api.undo(plan.id)).toBe('takeProposal');
    expect(directory()).toHaveLength(before);
    db.close();
  });

  it('a department\'s second column for the same plan column stays unplaced instead of overwriting the first', async () => {
    const { db, api } = setup();
    const plan = await api.createPlan('sample');
    const bytes = await xlsxOf([{ name: 'Phụ lục', rows: [
      ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Chủ trì', 'Thời gian hoàn thành'],
      ['I', 'CẢI CÁCH THỂ CHẾ'],
      [{ num: 1 }, 'Rà soát thủ tục hành chính nội bộ của Sở', 'Sở Tư pháp', 'Sở Nội vụ', 'Quý II/2024'],
    ] }]);
    const file = await api.readMergeFile(plan.id, 'x.xlsx', bytes.toString('base64'));
    const lead = file.proposals[0];
    const placedTwice = Object.keys(file.proposals[0].texts).filter((caption) => caption !== 'Nội dung nhiệm vụ' && caption !== 'Thời gian hoàn thành');
    expect(placedTwice).toHaveLength(2);
    // One of the two took the lead column; the other is listed, with its text, never silently dropped.
    expect(file.unplacedColumns).toHaveLength(1);
    expect(Object.values(lead.unplaced ?? {})).toHaveLength(1);
    expect([lead.cells.lead, ...Object.values(lead.unplaced ?? {})].sort()).toEqual(['Sở Nội vụ', 'Sở Tư pháp']);
    db.close();
  });

  it('the command line names the unplaced column and every spelling a take will ask about, in its language', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'cli.sqlite');
    const db = openStore(dbPath);
    const api = createService(db, { info: { version: 't', dataFile: dbPath, shell: 'cli' }, deliver: deliverAsDownload });
    const plan = await api.createPlan('sample');
    db.close();
    const file = join(dir, 'so-tu-phap.xlsx');
    writeFileSync(file, Buffer.from(await departmentFile(), 'base64'));
    for (const lang of ['vi', 'en'] as const) {
      const lines: string[] = [];
      await runCli(['import-xlsx', file, '--into', String(plan.id), '--db', dbPath, '--lang', lang], (l) => lines.push(l));
      const warnings = lines.filter((l) => l.includes('so-tu-phap.xlsx:'));
      if (lang === 'vi') {
        expect(warnings).toEqual([
          expect.stringContaining('cột “Sản phẩm đầu ra” không có cột tương ứng'),
          expect.stringContaining('“STP” có lẽ là “Sở Tư pháp” (viết tắt)'),
          expect.stringContaining('“Sở TT&TT” có lẽ là “Sở Thông tin và Truyền thông” (viết tắt)'),
          expect.stringContaining('“Phòng Hộ tịch xã” chưa có trong danh mục cơ quan'),
        ]);
      } else {
        expect(warnings).toHaveLength(4);
        expect(warnings[1]).toContain('“STP” is probably “Sở Tư pháp” (an abbreviation)');
      }
    }
  });
});
