/**
 * Word and Excel files as people really type them (fixtures/real-world-cases.ts, cases d1–d9 and x1–x8),
 * imported through the API into a store: what the store then holds (agency entries and mentions, rows,
 * deadlines, converted text) and what the import report says it recognised or guessed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import type { ImportedPlan } from '../../electron/core/api/contract';
import { loadPlan } from '../../electron/core/store/plans';
import type { Db } from '../../electron/core/store/open';
import { cellText, type AppendixRow, type Mention, type PlanPackage } from '../../electron/core/model';
import { rowLabels } from '../../electron/core/model/rows';
import { numberingPreset } from '../../electron/core/model/numbering';
import { checkPlan } from '../../electron/core/checks';
import { loadSamplePackage } from '../../electron/core/sample';
import { exportDocx } from '../../electron/core/export/docx';
import { DOCX_CASES, XLSX_CASES, docxOf, group, headRow, table, tc, xlsxOf } from './fixtures/real-world-cases';
import { removeTempDirs, tempStore } from './helpers';
import { codedText } from '../../electron/core/model/messages';

let db: Db;
let api: ReturnType<typeof createService>;
beforeAll(() => {
  db = tempStore().db;
  api = createService(db, { info: { version: 't', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
});
afterAll(() => {
  db.close();
  removeTempDirs();
});

interface Stored {
  imported: ImportedPlan;
  pkg: PlanPackage;
  rows: AppendixRow[];
  /** A cell of row `i` as printed. */
  text: (i: number, key: string) => string;
  /** The directory names an agency cell of row `i` points to. */
  names: (i: number, key: string) => string[];
}

function stored(imported: ImportedPlan): Stored {
  const pkg = loadPlan(db, imported.id).pkg;
  const rows = pkg.appendix.groups.flatMap((g) => g.rows);
  const byKey = new Map(pkg.agencies.map((a) => [a.key, a.name]));
  return {
    imported,
    pkg,
    rows,
    text: (i, key) => cellText(rows[i].cells[key], pkg.agencies),
    names: (i, key) => ((rows[i].cells[key] ?? []) as Mention[]).map((m) => byKey.get(m.agency) ?? `?${m.agency}`),
  };
}

const docx = async (name: keyof typeof DOCX_CASES) => stored(await api.importDocx(`${name}.docx`, (await docxOf(DOCX_CASES[name]())).toString('base64')));
const xlsx = async (name: keyof typeof XLSX_CASES) => stored(await api.importXlsx(`${name}.xlsx`, (await xlsxOf(XLSX_CASES[name]())).toString('base64')));
const codes = (s: Stored) => s.imported.report.notes.map((n) => n.code);

describe('Word files as people type them', () => {
  it('d1: a lead agency merged down over three rows is the lead of all three, one directory entry', async () => {
    const s = await docx('d1');
    expect(s.rows).toHaveLength(3);
    expect([0, 1, 2].map((i) => s.names(i, 'lead'))).toEqual([['Sở Tư pháp'], ['Sở Tư pháp'], ['Sở Tư pháp']]);
    expect(s.pkg.agencies.filter((a) => a.name === 'Sở Tư pháp')).toHaveLength(1);
    expect(s.text(2, 'deadline')).toBe('Trong năm 2025');
  });

  it('d2: a two-row header keeps "Hoàn thành" as the deadline column, "Bắt đầu" as a start column and the parent caption', async () => {
    const s = await docx('d2');
    const cols = s.pkg.appendix.columns.map((c) => [c.caption, c.role]);
    expect(cols).toEqual([
      ['STT', 'number'], ['Nội dung nhiệm vụ', 'task'], ['Cơ quan chủ trì', 'lead'], ['Cơ quan phối hợp', 'cooperate'],
      ['Thời gian thực hiện: Bắt đầu', null], ['Thời gian thực hiện: Hoàn thành', 'deadline'],
    ]);
    const deadline = s.pkg.appendix.columns.find((c) => c.role === 'deadline')!.key;
    const start = s.pkg.appendix.columns[4].key;
    expect(s.text(0, deadline)).toBe('Tháng 6/2025');
    expect(s.text(0, start)).toBe('Tháng 01/2025');
    const children = s.imported.report.notes.filter((n) => n.code === 'headerChild');
    expect(children.map((n) => [n.params.parent, n.params.caption, n.params.role])).toEqual([
      ['Thời gian thực hiện', 'Bắt đầu', 'start'],
      ['Thời gian thực hiện', 'Hoàn thành', 'deadline'],
    ]);
  });

  it('d3: the (1) (2) (3) row under the header is skipped', async () => {
    const s = await docx('d3');
    expect(s.rows).toHaveLength(1);
    expect(s.text(0, 'task')).toBe('Rà soát văn bản quy phạm pháp luật');
  });

  it('d4: sub-numbered tasks 1, 1.1, 1.2, 2 are kept as a parent with two sub-rows, numbered as the file numbers them', async () => {
    const s = await docx('d4');
    const top = s.pkg.appendix.groups[0].rows;
    expect(top.map((r) => cellText(r.cells.task, s.pkg.agencies))).toEqual(['Xây dựng và thực thi văn bản', 'Theo dõi thi hành pháp luật']);
    expect(top[0].children!.map((r) => cellText(r.cells.task, s.pkg.agencies))).toEqual(['Rà soát văn bản quy phạm pháp luật', 'Hệ thống hóa văn bản']);
    expect(top[0].children!.map((r) => cellText(r.cells.deadline, s.pkg.agencies))).toEqual(['Quý II/2025', 'Quý IV/2025']);
    expect(top[1].children ?? []).toEqual([]);
    // The program's labels (numbering style of the plan) give back the file's numbers.
    const labels = rowLabels(s.pkg.appendix);
    expect([top[0], ...top[0].children!, top[1]].map((r) => labels.get(r))).toEqual(['1', '1.1', '1.2', '2']);
    // The parent is not a task "with no deadline".
    expect(checkPlan(s.pkg, { lang: 'en' }).filter((f) => f.rule === 'rows.no-deadline')).toEqual([]);
    const sub = s.imported.report.notes.find((n) => n.code === 'subTask')!;
    expect([sub.row, sub.params.parent, sub.params.numbers]).toEqual([3, '1', '1.1, 1.2']);
  });

  it('d5: tracked moves (the moved-from copy), hidden text and field codes are left out', async () => {
    const s = await docx('d5');
    expect(s.text(0, 'task')).toBe('Công khai thủ tục hành chính đầy đủ trên Cổng dịch vụ công');
    expect(s.text(0, 'deadline')).toBe('Quý I/2025');
    expect(s.names(0, 'lead')).toEqual(['Văn phòng UBND tỉnh']);
  });

  it('d6: no-break spaces and decomposed marks make one "Sở Nội vụ", stored in NFC', async () => {
    const s = await docx('d6');
    expect([0, 1, 2].map((i) => s.names(i, 'lead'))).toEqual([['Sở Nội vụ'], ['Sở Nội vụ'], ['Sở Nội vụ']]);
    expect(s.pkg.agencies.map((a) => a.name)).toEqual(['Sở Nội vụ']);
    expect(s.text(2, 'task')).toBe('Đánh giá công chức');
    expect(s.text(2, 'task')).toBe(s.text(2, 'task').normalize('NFC'));
  });

  it('d7: TCVN3 (.VnTime) and VNI (VNI-Times) text is converted to Unicode, and the report says so', async () => {
    const s = await docx('d7');
    expect(s.text(0, 'task')).toBe('Rà soát văn bản quy phạm pháp luật');
    expect(s.names(0, 'lead')).toEqual(['Sở Tư pháp']);
    expect(s.names(0, 'cooperate')).toEqual(['Các sở, ngành']);
    expect(s.text(0, 'deadline')).toBe('Quý II/2025');
    expect(s.text(1, 'task')).toBe('Kiểm tra văn bản');
    expect(s.names(1, 'lead')).toEqual(['Sở Nội vụ']);
    expect(s.text(1, 'deadline')).toBe('Quý III/2025');
    const enc = s.imported.report.notes.filter((n) => n.code === 'encoding').map((n) => [n.params.encoding, n.params.fonts]);
    expect(enc).toEqual([['TCVN3', '.VnTime'], ['VNI', 'VNI-Times']]);
  });

  it('d8: rows inside content controls are read', async () => {
    const s = await docx('d8');
    expect(s.rows.map((r) => cellText(r.cells.task, s.pkg.agencies))).toEqual(['Rà soát văn bản quy phạm pháp luật', 'Theo dõi thi hành pháp luật']);
  });

  it('d9: agencies one per line (Shift+Enter, one paragraph each) are separate entries; "và" inside a name is kept', async () => {
    const s = await docx('d9');
    expect(s.names(0, 'cooperate')).toEqual(['Sở Tư pháp', 'Sở Nội vụ']);
    expect(s.names(1, 'cooperate')).toEqual(['Sở Tài chính', 'Sở Kế hoạch và Đầu tư']);
    expect(s.text(1, 'cooperate')).toBe('Sở Tài chính; Sở Kế hoạch và Đầu tư');
  });

  it('splits agencies typed with commas and "và" the way the original was, and reports each guessed cell with its row', async () => {
    const body = table([headRow(), group('I. CẢI CÁCH THỂ CHẾ'),
      `<w:tr>${['1', 'Rà soát', 'Sở Nội vụ, Sở Tư pháp', 'Văn phòng UBND tỉnh và các cơ quan, đơn vị có liên quan', 'Quý I/2025', ''].map((t) => tc(t)).join('')}</w:tr>`,
      `<w:tr>${['2', 'Kiểm tra', 'Các Sở: Tài chính, Tư pháp', 'Các sở, ban, ngành tỉnh', 'Quý II/2025', ''].map((t) => tc(t)).join('')}</w:tr>`]);
    const s = stored(await api.importDocx('tay.docx', (await docxOf(body)).toString('base64')));
    expect(s.names(0, 'lead')).toEqual(['Sở Nội vụ', 'Sở Tư pháp']);
    expect(s.names(0, 'cooperate')).toEqual(['Văn phòng UBND tỉnh', 'Các cơ quan, đơn vị có liên quan']);
    expect(s.text(0, 'cooperate')).toBe('Văn phòng UBND tỉnh và các cơ quan, đơn vị có liên quan');
    expect(s.names(1, 'lead')).toEqual(['Sở Tài chính', 'Sở Tư pháp']);
    expect(s.names(1, 'cooperate')).toEqual(['Các sở, ban, ngành tỉnh']);
    expect(s.pkg.agencies.map((a) => a.name).sort()).toEqual(
      ['Các cơ quan, đơn vị có liên quan', 'Các sở, ban, ngành tỉnh', 'Sở Nội vụ', 'Sở Tài chính', 'Sở Tư pháp', 'Văn phòng UBND tỉnh'].sort(),
    );
    const guesses = s.imported.report.notes.filter((n) => n.code === 'agencySplit');
    expect(guesses.map((n) => [n.row, n.params.column, n.params.printed])).toEqual([
      [3, 'Cơ quan chủ trì', 'Sở Nội vụ, Sở Tư pháp'],
      [3, 'Cơ quan phối hợp', 'Văn phòng UBND tỉnh và các cơ quan, đơn vị có liên quan'],
      [4, 'Cơ quan chủ trì', 'Các Sở: Tài chính, Tư pháp'],
    ]);
  });
});

describe('Excel tables as departments fill them', () => {
  it('x1: dates stored as serials read as the format shows them', async () => {
    const s = await xlsx('x1');
    expect([0, 1, 2].map((i) => s.text(i, 'deadline'))).toEqual(['31/03/2025', '31/12/2025', 'Tháng 6/2025']);
  });

  it('x2: rich text joined; agencies on lines (Alt+Enter, _x000D_) are separate entries', async () => {
    const s = await xlsx('x2');
    expect(s.text(0, 'task')).toBe('Công khai 100% thủ tục hành chính');
    expect(s.names(0, 'cooperate')).toEqual(['Sở Tư pháp', 'Sở Nội vụ']);
    expect(s.names(1, 'cooperate')).toEqual(['Sở Nội vụ', 'Sở Tư pháp']);
    expect(s.pkg.agencies.filter((a) => a.name === 'Sở Nội vụ')).toHaveLength(1);
    expect(s.names(1, 'lead')).toEqual(['Sở Thông tin và Truyền thông']);
  });

  it('x3: STT formulas give their cached values; a lead merged over rows is on each row', async () => {
    const s = await xlsx('x3');
    expect(s.rows).toHaveLength(3);
    expect([0, 1, 2].map((i) => s.names(i, 'lead'))).toEqual([['Sở Nội vụ'], ['Sở Nội vụ'], ['Sở Nội vụ']]);
  });

  it('x4: a two-row header keeps its roles', async () => {
    const s = await xlsx('x4');
    expect(s.pkg.appendix.columns.map((c) => c.role)).toEqual(['number', 'task', 'lead', 'cooperate', 'deadline', 'note']);
    expect(s.names(0, 'cooperate')).toEqual(['Các sở, ngành']);
  });

  it('x4 (Excel like d2): "Thời gian thực hiện" over "Bắt đầu" / "Hoàn thành" gives a start column and the deadline', async () => {
    const book = await xlsxOf([{ name: 'Phụ lục', merges: ['A1:F1', 'A2:F2', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:F4', 'B6:F6'], rows: [
      ['PHỤ LỤC'], ['NHIỆM VỤ NĂM 2025'], [],
      ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', null],
      [null, null, null, null, 'Bắt đầu', 'Hoàn thành'],
      ['I', 'CẢI CÁCH THỂ CHẾ'],
      [{ num: 1 }, 'Rà soát văn bản', 'Sở Tư pháp', '', 'Tháng 01/2025', 'Tháng 6/2025'],
    ] }]);
    const s = stored(await api.importXlsx('hai-dong.xlsx', book.toString('base64')));
    expect(s.pkg.appendix.columns.map((c) => [c.caption, c.role])).toEqual([
      ['STT', 'number'], ['Nội dung nhiệm vụ', 'task'], ['Cơ quan chủ trì', 'lead'], ['Cơ quan phối hợp', 'cooperate'],
      ['Thời gian thực hiện: Bắt đầu', null], ['Thời gian thực hiện: Hoàn thành', 'deadline'],
    ]);
    expect(s.text(0, 'deadline')).toBe('Tháng 6/2025');
  });

  it('x5: the table sheet is found behind an instructions sheet, inline strings read', async () => {
    const s = await xlsx('x5');
    expect(s.rows).toHaveLength(1);
    expect(s.text(0, 'task')).toBe('Rà soát văn bản quy phạm pháp luật');
    expect(s.names(0, 'lead')).toEqual(['Sở Tư pháp']);
  });

  it('x6: 1, 1.1 … 1.10 typed as numbers keep their hierarchy; the 1.10 Excel stored as 1.1 is read as 1.10 and flagged with its row', async () => {
    const s = await xlsx('x6');
    const top = s.pkg.appendix.groups[0].rows;
    expect(top).toHaveLength(1);
    expect(top[0].children!.map((r) => cellText(r.cells.task, s.pkg.agencies))).toEqual(Array.from({ length: 10 }, (_, k) => `Dự thảo văn bản số ${k + 1}`));
    const labels = rowLabels(s.pkg.appendix);
    expect(top[0].children!.map((r) => labels.get(r))).toEqual(Array.from({ length: 10 }, (_, k) => `1.${k + 1}`));
    const repaired = s.imported.report.notes.filter((n) => n.code === 'numberRepeated');
    expect(repaired.map((n) => [n.row, n.params.stored, n.params.read, n.kind])).toEqual([[16, '1.1', '1.10', 'guessed']]);
  });

  it('x7: hidden rows are read, with a warning naming them', async () => {
    const s = await xlsx('x7');
    expect(s.rows).toHaveLength(3);
    expect(s.imported.warnings.map((w) => codedText(w)).some((w) => /dòng 7 đang bị ẩn/.test(w))).toBe(true);
  });

  it('x8: a month shown as 06/2025 or Jun-25 is the month, never the 1st; percentages and old encodings as shown', async () => {
    const s = await xlsx('x8');
    expect([0, 1].map((i) => s.text(i, 'deadline'))).toEqual(['Tháng 6/2025', 'Tháng 6/2025']);
    expect(s.text(1, 'note')).toBe('85%');
    expect(s.text(2, 'task')).toBe('Kiểm soát thủ tục hành chính');
    expect(s.names(2, 'lead')).toEqual(['Sở Tư pháp']);
    expect(s.names(2, 'cooperate')).toEqual(['Sở Nội vụ']);
    expect(s.text(2, 'deadline')).toBe('30/06/2025');
    const months = s.imported.report.notes.filter((n) => n.code === 'monthDate');
    expect(months.map((n) => [n.row, n.params.value])).toEqual([[6, 'Tháng 6/2025'], [7, 'Tháng 6/2025']]);
    expect(codes(s)).toContain('encoding');
  });
});

describe('legal bases', () => {
  it('are cut at each line starting "Căn cứ" or "Thực hiện"; "Xét đề nghị" is the proposal', async () => {
    const para = (t: string, opts: { b?: boolean; center?: boolean } = {}) => `<w:p>${opts.center ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : ''}<w:r>${opts.b ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    const body =
      para('QUYẾT ĐỊNH', { b: true, center: true }) +
      para('Ban hành Kế hoạch cải cách hành chính năm 2025', { b: true, center: true }) +
      para('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH', { b: true, center: true }) +
      para('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;') +
      para('Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;') +
      para('Thực hiện Quyết định số 100/QĐ-UBND ngày 10/01/2025 của UBND tỉnh;') +
      para('Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV.') +
      para('QUYẾT ĐỊNH:', { b: true, center: true }) +
      para('Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.') +
      table([headRow(), group('I. CẢI CÁCH THỂ CHẾ'), `<w:tr>${['1', 'Rà soát', 'Sở Tư pháp', '', 'Quý I/2025', ''].map((t) => tc(t)).join('')}</w:tr>`]);
    const s = stored(await api.importDocx('qd.docx', (await docxOf(body)).toString('base64')));
    expect(s.pkg.decision!.legalBases).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
      'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;',
      'Thực hiện Quyết định số 100/QĐ-UBND ngày 10/01/2025 của UBND tỉnh;',
    ]);
    expect(s.pkg.decision!.proposal).toBe('Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV.');
    expect(s.imported.report.notes.find((n) => n.code === 'legalBases')?.params.count).toBe(3);
  });
});

describe('a Plan body numbered in decimals (1., 1.1., 2.1.)', () => {
  it('is read as the decimal numbering style: 1. parts, 1.1. items under their own part, labels not kept as text', async () => {
    const para = (t: string, opts: { b?: boolean; center?: boolean } = {}) => `<w:p>${opts.center ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : ''}<w:r>${opts.b ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    const body =
      para('KẾ HOẠCH', { b: true, center: true }) +
      para('Cải cách hành chính năm 2025', { b: true, center: true }) +
      para('1. MỤC ĐÍCH, YÊU CẦU', { b: true }) +
      para('1.1. Mục đích', { b: true }) +
      para('Nâng cao chất lượng phục vụ.') +
      para('1.2. Yêu cầu', { b: true }) +
      para('2. NHIỆM VỤ', { b: true }) +
      para('2.1. Cải cách thể chế', { b: true }) +
      para('2.2. Cải cách thủ tục hành chính', { b: true }) +
      para('3. TỔ CHỨC THỰC HIỆN', { b: true });
    const s = stored(await api.importDocx('ht.docx', (await docxOf(body)).toString('base64')));
    const outline = (nodes: PlanPackage['plan']['body'], depth = 0): string[] =>
      nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.kind} ${n.text.map((r) => r.text).join('')}`, ...outline(n.children, depth + 1)]);
    expect(outline(s.pkg.plan.body)).toEqual([
      'part MỤC ĐÍCH, YÊU CẦU',
      '  item Mục đích',
      '    paragraph Nâng cao chất lượng phục vụ.',
      '  item Yêu cầu',
      'part NHIỆM VỤ',
      '  item Cải cách thể chế',
      '  item Cải cách thủ tục hành chính',
      'part TỔ CHỨC THỰC HIỆN',
    ]);
    expect(numberingPreset(s.pkg.plan.numbering)).toBe('decimal');
    expect(s.imported.report.notes.some((n) => n.code === 'bodyNumbering')).toBe(true);
  });
});

describe('merging a department table', () => {
  it('cuts its agency cells with the plan directory (never inside a name the plan holds) and takes the row with those agencies', async () => {
    const plan = await api.importXlsx('x3.xlsx', (await xlsxOf(XLSX_CASES.x3())).toString('base64'));
    await api.addAgency(plan.id, 'Hội Nông dân và Hội Phụ nữ tỉnh');
    const theirs = await xlsxOf([{ name: 'Phụ lục', rows: [
      ['PHỤ LỤC'], ['ĐỀ XUẤT CỦA SỞ Y TẾ NĂM 2025'], [],
      ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Ghi chú'],
      ['I', 'CẢI CÁCH TỔ CHỨC BỘ MÁY'],
      [{ num: 1 }, 'Tuyên truyền cải cách hành chính ở cơ sở', 'Sở Y tế', 'Hội Nông dân và Hội Phụ nữ tỉnh, Sở Nội vụ', 'Quý III/2025', ''],
    ] }]);
    const file = await api.readMergeFile(plan.id, 'so-y-te.xlsx', theirs.toString('base64'));
    const added = file.proposals.filter((p) => p.status === 'new');
    expect(added).toHaveLength(1);
    const groupId = loadPlan(db, plan.id).pkg.appendix.groups[0].id!;
    // Sở Y tế is not in the directory: the take adds it only when the drafter says so, and writes nothing before.
    const revision = loadPlan(db, plan.id).summary.revision;
    await expect(api.takeProposal(plan.id, { kind: 'new', groupId, index: 3 }, added[0].cells, { file: file.fileName, department: file.department }))
      .rejects.toMatchObject({ code: 'merge.agencyUnsettled', params: { names: 'Sở Y tế' } });
    expect(loadPlan(db, plan.id).summary.revision).toBe(revision);
    await api.takeProposal(plan.id, { kind: 'new', groupId, index: 3 }, added[0].cells, { file: file.fileName, department: file.department }, { 'Sở Y tế': { add: 'Sở Y tế' } });
    const s = stored({ ...plan, warnings: [], report: { notes: [] } });
    expect(s.names(3, 'cooperate')).toEqual(['Hội Nông dân và Hội Phụ nữ tỉnh', 'Sở Nội vụ']);
    expect(s.text(3, 'cooperate')).toBe('Hội Nông dân và Hội Phụ nữ tỉnh, Sở Nội vụ');
    expect(s.pkg.agencies.filter((a) => a.name === 'Sở Nội vụ')).toHaveLength(1);
  });
});

describe('one-click correction of a guessed split (gộp / tách)', () => {
  it('joins the cells cut from the printed text back into one agency, splits them again, each one undo step', async () => {
    const body = table([headRow(), group('I. CẢI CÁCH THỂ CHẾ'),
      `<w:tr>${['1', 'Rà soát', 'Các Sở: Tài chính, Tư pháp', '', 'Quý I/2025', ''].map((t) => tc(t)).join('')}</w:tr>`,
      `<w:tr>${['2', 'Kiểm tra', 'Sở Tư pháp', 'Các Sở: Tài chính, Tư pháp', 'Quý II/2025', ''].map((t) => tc(t)).join('')}</w:tr>`]);
    const imported = await api.importDocx('gop.docx', (await docxOf(body)).toString('base64'));
    const note = imported.report.notes.find((n) => n.code === 'agencySplit')!;
    const names = String(note.params.names).split(' | ');
    expect(names).toEqual(['Sở Tài chính', 'Sở Tư pháp']);

    expect(await api.regroupAgencies(imported.id, String(note.params.printed), names, 'join')).toBe(2);
    let s = stored(imported);
    expect(s.names(0, 'lead')).toEqual(['Các Sở: Tài chính, Tư pháp']);
    expect(s.names(1, 'cooperate')).toEqual(['Các Sở: Tài chính, Tư pháp']);
    expect(s.names(1, 'lead')).toEqual(['Sở Tư pháp']);
    // "Sở Tài chính" is named nowhere any more; "Sở Tư pháp" still is.
    expect(s.pkg.agencies.map((a) => a.name).sort()).toEqual(['Các Sở: Tài chính, Tư pháp', 'Sở Tư pháp']);

    expect(await api.regroupAgencies(imported.id, String(note.params.printed), names, 'split')).toBe(2);
    s = stored(imported);
    expect(s.names(0, 'lead')).toEqual(['Sở Tài chính', 'Sở Tư pháp']);
    expect(s.pkg.agencies.map((a) => a.name).sort()).toEqual(['Sở Tài chính', 'Sở Tư pháp']);

    expect(await api.undo(imported.id)).toBe('regroupAgencies');
    expect(stored(imported).names(0, 'lead')).toEqual(['Các Sở: Tài chính, Tư pháp']);
    await expect(api.regroupAgencies(imported.id, 'Không có', ['A', 'B'], 'join')).rejects.toThrow(/Không có/);
  });
});

// Issue #12's "done when": a plan typed by hand in Word, its agencies separated by commas and "và" instead of our
// "; ", imports with the same agency directory as the original (the sample, retyped, printed by our exporter).
/** Every agency cell typed as people do: "A, B và C". */
function typedByHand(pkg: PlanPackage): PlanPackage {
  const agencyKeys = new Set(pkg.appendix.columns.filter((c) => c.kind === 'agencies').map((c) => c.key));
  const retype = (mentions: Mention[]): Mention[] =>
    mentions.map((m, i) => ({ agency: m.agency, after: i === mentions.length - 1 ? '' : i === mentions.length - 2 ? ' và ' : ', ' }));
  const copy = structuredClone(pkg);
  for (const g of copy.appendix.groups) {
    for (const r of g.rows) for (const key of agencyKeys) if (Array.isArray(r.cells[key])) r.cells[key] = retype(r.cells[key] as Mention[]);
  }
  return copy;
}

/** The directory names an appendix uses, as a sorted list. */
function usedNames(pkg: PlanPackage): string[] {
  const byKey = new Map(pkg.agencies.map((a) => [a.key, a.name]));
  const names = new Set<string>();
  for (const g of pkg.appendix.groups) {
    for (const r of g.rows) for (const v of Object.values(r.cells)) if (Array.isArray(v)) for (const m of v) names.add(byKey.get(m.agency)!);
  }
  return [...names].sort();
}

describe('a plan typed by hand in Word', () => {
  it('with agencies separated by commas and "và" imports with the same agency directory as the original', async () => {
    const original = loadSamplePackage();
    const { buffer } = await exportDocx(typedByHand(original));
    const imported = await api.importDocx('go-tay.docx', buffer.toString('base64'));
    const pkg = loadPlan(db, imported.id).pkg;
    expect(usedNames(pkg)).toEqual(usedNames(original));
    // And each row names the same agencies, in the same order.
    const rowsOf = (p: PlanPackage) => {
      const byKey = new Map(p.agencies.map((a) => [a.key, a.name]));
      return p.appendix.groups.flatMap((g) => g.rows.map((r) => ['lead', 'cooperate'].map((k) => ((r.cells[k] ?? []) as Mention[]).map((m) => byKey.get(m.agency)))));
    };
    expect(rowsOf(pkg)).toEqual(rowsOf(original));
  });
});
