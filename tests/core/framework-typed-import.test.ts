/**
 * Framework tables typed by a person in Word or Excel import as row trees: an objective cell merged down over
 * three tasks is one parent row over them (not three rows repeating it, nor empty-cell rows), an objective on
 * one line with its only task is that objective over the task (its column holds objectives), tasks numbered
 * `a)`, `b)` under `3.` are its sub-rows, and the checker finds no "row has no task / lead / deadline" on the parents.
 */
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../electron/core/import/docx';
import { importAppendixXlsx } from '../../electron/core/export/xlsx';
import { checkPlan } from '../../electron/core/checks';
import { blankPackage } from '../../electron/core/model/defaults';
import { cellText, type AppendixRow, type PlanPackage } from '../../electron/core/model';
import { pastedFrameworkDocx, typedFrameworkDocx } from './fixtures/docx-import-typed';
import { xlsxOf } from './fixtures/real-world-cases';
import { codedText } from '../../electron/core/model/messages';

/** Rows as `caption: text` cells (empty ones left out), children nested. */
function outline(pkg: Pick<PlanPackage, 'appendix' | 'agencies'>, rows: readonly AppendixRow[]): unknown[] {
  const names = new Map(pkg.agencies.map((a) => [a.key, a.name]));
  return rows.map((r) => {
    const cells = pkg.appendix.columns
      .filter((c) => c.kind !== 'number')
      .map((c) => cellText(r.cells[c.key] ?? '', names))
      .filter(Boolean)
      .join(' | ');
    return r.children?.length ? [cells, outline(pkg, r.children)] : cells;
  });
}

const EXPECTED = [
  [
    'Mục tiêu 1: nâng cao chất lượng văn bản',
    [
      'Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Quý I/2025',
      'Kiểm tra văn bản | Sở Tư pháp | Quý II/2025',
      'Theo dõi thi hành pháp luật | Sở Nội vụ | Quý III/2025',
    ],
  ],
  // On one line, but its objective is in the column that holds objectives: an objective with one task.
  ['Mục tiêu 2: tổ chức bộ máy tinh gọn', ['Sắp xếp tổ chức bộ máy | Sở Nội vụ | Trong năm 2025']],
  [
    'Tổ chức hội nghị | Văn phòng UBND tỉnh | Quý IV/2025',
    ['Hội nghị cấp tỉnh | Văn phòng UBND tỉnh | Tháng 10/2025', 'Hội nghị cấp huyện | UBND cấp huyện | Tháng 11/2025'],
  ],
];

const rowFindings = (pkg: PlanPackage) =>
  checkPlan(pkg)
    .map((f) => `${f.rule} ${f.path}`)
    .filter((r) => /^rows\.(no-task|no-lead|no-deadline)/.test(r));

describe('a framework table typed by a person imports as a tree', () => {
  it('Word: the merged objective is one parent of its three tasks (one split across pages); a) and b) are sub-rows of 3.', async () => {
    const r = await importDocx(await typedFrameworkDocx(), 'khung-go-tay.docx');
    const g = r.pkg.appendix.groups;
    expect(g.map((x) => x.title)).toEqual(['Cải cách thể chế']);
    const expected = structuredClone(EXPECTED) as [[string, string[]], ...unknown[]];
    expected[0][1][1] = 'Kiểm tra văn bản đã ban hành | Sở Tư pháp | Quý II/2025';
    expect(outline(r.pkg, g[0].rows)).toEqual(expected);
    // The leftover of task 1.2 (row 5) is joined to it, under the same objective.
    expect(r.warnings.map((w) => codedText(w)).filter((w) => /dòng 5 không có STT và viết tiếp/.test(w))).toHaveLength(1);
    // The tasks under the objective are numbered 1.1.–1.3.: no "no STT" warning, nothing joined.
    expect(r.warnings.map((w) => codedText(w)).filter((w) => /không có STT: đã đọc là nhiệm vụ mới/.test(w))).toEqual([]);
    const codes = r.report.notes.map((n) => `${n.code} ${n.row ?? ''}`);
    expect(codes).toContain('spanningRow 3');
    expect(codes).toContain('subTask 8');
    expect(codes).toContain('parentColumn 7');
    expect(rowFindings(r.pkg)).toEqual([]);
  });

  it('Excel: a merged range over three rows is one parent row; a parent whose STT is merged with it numbers its rows', async () => {
    const book = await xlsxOf([
      {
        name: 'Phụ lục',
        merges: ['A1:E1', 'A2:E2', 'B5:E5', 'B6:B8', 'A12:A13', 'B12:B13'],
        rows: [
          ['PHỤ LỤC'],
          ['KHUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
          [],
          ['STT', 'Mục tiêu', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
          ['I', 'Cải cách thể chế'],
          ['1.1.', 'Mục tiêu 1: nâng cao chất lượng văn bản', 'Rà soát văn bản quy phạm pháp luật', 'Sở Tư pháp', 'Quý I/2025'],
          ['1.2.', null, 'Kiểm tra văn bản', 'Sở Tư pháp', 'Quý II/2025'],
          ['1.3.', null, 'Theo dõi thi hành pháp luật', 'Sở Nội vụ', 'Quý III/2025'],
          ['2.', 'Mục tiêu 2: tổ chức bộ máy tinh gọn', 'Sắp xếp tổ chức bộ máy', 'Sở Nội vụ', 'Trong năm 2025'],
          ['3.', '', 'Tổ chức hội nghị', 'Văn phòng UBND tỉnh', 'Quý IV/2025'],
          ['a)', '', 'Hội nghị cấp tỉnh', 'Văn phòng UBND tỉnh', 'Tháng 10/2025'],
          // STT and objective merged together over two rows: the number is the parent's, its rows have none of their own.
          ['4.', 'Mục tiêu 3: chuyển đổi số', 'Số hóa hồ sơ', 'Sở Thông tin và Truyền thông', 'Quý II/2025'],
          [null, null, 'Kết nối dữ liệu', 'Sở Thông tin và Truyền thông', 'Quý IV/2025'],
        ],
      },
    ]);
    const back = await importAppendixXlsx(book, 'khung-go-tay.xlsx');
    const pkg = { ...blankPackage(2025), appendix: back.appendix, agencies: back.agencies };
    expect(outline(pkg, back.appendix.groups[0].rows)).toEqual([
      EXPECTED[0],
      EXPECTED[1],
      ['Tổ chức hội nghị | Văn phòng UBND tỉnh | Quý IV/2025', ['Hội nghị cấp tỉnh | Văn phòng UBND tỉnh | Tháng 10/2025']],
      [
        'Mục tiêu 3: chuyển đổi số',
        ['Số hóa hồ sơ | Sở Thông tin và Truyền thông | Quý II/2025', 'Kết nối dữ liệu | Sở Thông tin và Truyền thông | Quý IV/2025'],
      ],
    ]);
    expect(back.warnings).toEqual([]);
    const notes = back.report.notes.filter((n) => n.code === 'spanningRow').map((n) => [n.row, n.params.columns, n.params.count]);
    expect(notes).toEqual([
      [6, 'Mục tiêu', 3],
      [12, 'Mục tiêu', 2],
    ]);
    expect(rowFindings(pkg)).toEqual([]);
  });

  it('a lead agency merged down over three numbered tasks stays each task\'s lead (a value, not a parent)', async () => {
    const book = await xlsxOf([
      {
        name: 'Phụ lục',
        merges: ['C5:C7'],
        rows: [
          ['PHỤ LỤC'],
          ['NHIỆM VỤ NĂM 2025'],
          [],
          ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
          ['1', 'Rà soát', 'Sở Tư pháp', 'Quý I/2025'],
          ['2', 'Kiểm tra', null, 'Quý II/2025'],
          ['3', 'Theo dõi', null, 'Quý III/2025'],
        ],
      },
    ]);
    const back = await importAppendixXlsx(book, 'gop-chu-tri.xlsx');
    const pkg = { ...blankPackage(2025), appendix: back.appendix, agencies: back.agencies };
    expect(outline(pkg, back.appendix.groups[0].rows)).toEqual(['Rà soát | Sở Tư pháp | Quý I/2025', 'Kiểm tra | Sở Tư pháp | Quý II/2025', 'Theo dõi | Sở Tư pháp | Quý III/2025']);
  });

  it('under Roman groups, "1 | objective spanned across" over rows 1.1, 1.2 is a parent row, not a group', async () => {
    const book = await xlsxOf([
      {
        name: 'Phụ lục',
        merges: ['B5:E5', 'B6:E6'],
        rows: [
          ['PHỤ LỤC'],
          ['KHUNG NHIỆM VỤ NĂM 2025'],
          [],
          ['STT', 'Mục tiêu', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
          ['I', 'Cải cách thể chế'],
          ['1', 'Mục tiêu 1: nâng cao chất lượng văn bản'],
          ['1.1', '', 'Rà soát văn bản', 'Sở Tư pháp', 'Quý I/2025'],
          ['1.2', '', 'Kiểm tra văn bản', 'Sở Tư pháp', 'Quý II/2025'],
        ],
      },
    ]);
    const back = await importAppendixXlsx(book, 'muc-tieu-trai-ngang.xlsx');
    const pkg = { ...blankPackage(2025), appendix: back.appendix, agencies: back.agencies };
    expect(back.appendix.groups.map((g) => g.title)).toEqual(['Cải cách thể chế']);
    expect(back.appendix.numbering ?? null).toBeNull();
    expect(outline(pkg, back.appendix.groups[0].rows)).toEqual([
      ['Mục tiêu 1: nâng cao chất lượng văn bản', ['Rà soát văn bản | Sở Tư pháp | Quý I/2025', 'Kiểm tra văn bản | Sở Tư pháp | Quý II/2025']],
    ]);
    expect(rowFindings(pkg)).toEqual([]);
  });

  it('Word, a table pasted page by page: the objective open at the end of the first table goes on over the rows of the next', async () => {
    const r = await importDocx(await pastedFrameworkDocx(), 'dan-tung-trang.docx');
    expect(outline(r.pkg, r.pkg.appendix.groups[0].rows)).toEqual([
      [
        'Mục tiêu 1: văn bản',
        ['Rà soát văn bản | Sở Tư pháp | Quý I/2025', 'Kiểm tra văn bản | Sở Tư pháp | Quý II/2025', 'Theo dõi thi hành pháp luật | Sở Nội vụ | Quý III/2025'],
      ],
      ['Mục tiêu 2: bộ máy', ['Sắp xếp bộ máy | Sở Nội vụ | Quý IV/2025', 'Kiện toàn đơn vị | Sở Nội vụ | Trong năm 2025']],
    ]);
    expect(rowFindings(r.pkg)).toEqual([]);
  });
});
