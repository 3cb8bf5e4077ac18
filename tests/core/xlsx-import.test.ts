import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Appendix, Mention, PlanPackage } from '../../electron/core/model/types';
import { mentionsText } from '../../electron/core/model/text';
import { UserError } from '../../electron/core/errors';
import { loadSamplePackage } from '../../electron/core/sample';
import { SHEET_APPENDIX, exportXlsx, importAppendixXlsx, XLSX_MAX_BYTES } from '../../electron/core/export/xlsx';
import { bigPackage, fixturePackage } from './fixtures/xlsx-fixtures';
import { codedText } from '../../electron/core/model/messages';

async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Texts of the Phụ lục sheet, row by row, as a person sees them. */
async function appendixSheetTexts(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.getWorksheet(SHEET_APPENDIX)!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return out;
}

function withAgencies(pkg: PlanPackage, appendix: Appendix, agencies: PlanPackage['agencies']): PlanPackage {
  return { ...pkg, appendix, agencies };
}

async function expectUserError(p: Promise<unknown>, ...fragments: RegExp[]): Promise<UserError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  for (const f of fragments) expect((e as UserError).message).toMatch(f);
  return e as UserError;
}

describe('importAppendixXlsx: our own export reads back as the same appendix', () => {
  it.each<[string, () => PlanPackage]>([
    ['the sample', loadSamplePackage],
    ['the fixture', fixturePackage],
    ['2,000 rows', () => bigPackage(2000)],
  ])('%s: same appendix, same mentions, same agency names; export → import → export gives the same sheet', async (_n, make) => {
    const pkg = make();
    const first = await exportXlsx(pkg);
    const back = await importAppendixXlsx(first, 'ke-hoach.xlsx');
    expect(back.sheet).toBe(SHEET_APPENDIX);
    expect(back.warnings).toEqual([]);
    expect(back.appendix).toEqual(pkg.appendix);
    const names = new Map(pkg.agencies.map((a) => [a.key, a.name]));
    for (const a of back.agencies) expect(a.name).toBe(names.get(a.key));
    const second = await exportXlsx(withAgencies(pkg, back.appendix, back.agencies));
    expect(await appendixSheetTexts(second)).toEqual(await appendixSheetTexts(first));
  });

  it('hidden columns stay hidden, custom columns keep their key and kind', async () => {
    const pkg = fixturePackage();
    pkg.appendix.columns.push({ key: 'product', caption: 'Kết quả, sản phẩm', kind: 'text', role: null, width: 35, hidden: true });
    pkg.appendix.groups[0].rows[0].cells.product = 'Báo cáo kết quả';
    for (const g of pkg.appendix.groups) for (const r of g.rows) r.cells.product ??= '';
    const back = await importAppendixXlsx(await exportXlsx(pkg), 'x.xlsx');
    expect(back.appendix).toEqual(pkg.appendix);
  });

  it('a department\'s edit to an agency cell wins over what the program wrote: split by the agency splitter', async () => {
    const buf = await exportXlsx(fixturePackage());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SHEET_APPENDIX)!;
    ws.getCell('D7').value = 'Sở Tư pháp và các sở, ban, ngành tỉnh; các cơ quan, đơn vị có liên quan';
    const back = await importAppendixXlsx(await bufferOf(wb), 'edited.xlsx');
    const cell = back.appendix.groups[0].rows[0].cells.cooperate as Mention[];
    expect(cell.map((m) => m.after)).toEqual([' và ', '; ', '']);
    const byKey = new Map(back.agencies.map((a) => [a.key, a.name]));
    expect(cell.map((m) => byKey.get(m.agency))).toEqual(['Sở Tư pháp', 'Các sở, ban, ngành tỉnh', 'Các cơ quan, đơn vị có liên quan']);
    expect(mentionsText(cell, back.agencies)).toBe('Sở Tư pháp và các sở, ban, ngành tỉnh; các cơ quan, đơn vị có liên quan');
  });
});

/** A sheet as a person types it: issuer header above, two-row header, column numbers, OCR-less captions, page-break leftovers. */
async function personWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Ghi chú').getCell('A1').value = 'Bảng này do phòng Cải cách hành chính tổng hợp';
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = 'ỦY BAN NHÂN DÂN TỈNH';
  ws.getCell('A3').value = 'Phụ lục';
  ws.getCell('A4').value = 'Các nhiệm vụ cải cách hành chính năm 2025';
  ws.getCell('A5').value = '(Kèm theo Kế hoạch số 12/KH-UBND)';
  ws.getRow(7).values = ['TT', 'NOI DUNG, NHIEM VU', 'Cơ quan thực hiện', '', 'Thời hạn', 'Sản phẩm'];
  ws.mergeCells('C7:D7');
  ws.mergeCells('A7:A8');
  ws.getRow(8).values = ['', '', 'Chủ trì', 'Phối hợp', '', ''];
  ws.getRow(9).values = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'];
  ws.getRow(10).values = ['I', 'Cải cách thể chế'];
  ws.mergeCells('B10:F10');
  ws.getRow(11).values = [1, 'Rà soát văn bản quy phạm pháp luật của tỉnh ban hành', 'Sở Tư pháp', 'Các sở, ban, ngành tỉnh; UBND cấp huyện', 'Quý I/2025', 'Báo cáo'];
  ws.getRow(12).values = ['2.', 'Kiểm tra việc thực hiện, tổng hợp kết quả và', 'Sở Nội vụ', 'Sở Tư pháp và các sở', 'Trong năm 2025', ''];
  // A page break in the source left the end of task 2 on its own row.
  ws.getRow(13).values = ['', 'báo cáo UBND tỉnh', '', 'ngành tỉnh', '', ''];
  // The header repeated at the top of the next page.
  ws.getRow(14).values = ['TT', 'NOI DUNG, NHIEM VU', 'Chủ trì', 'Phối hợp', 'Thời hạn', 'Sản phẩm'];
  ws.getRow(15).values = ['II. Cải cách thủ tục hành chính'];
  ws.mergeCells('A15:F15');
  ws.getRow(16).values = [3, 'Công bố thủ tục hành chính', 'Văn phòng UBND tỉnh', 'Các sở, ban, ngành tỉnh', 'Thường xuyên', ''];
  ws.getRow(17).values = [4, 'Rà soát, đơn giản hóa thủ tục hành chính', '', 'UBND cấp huyện', 'Quý III/2025', ''];
  ws.getRow(18).values = [5, 'Số hóa hồ sơ thủ tục hành chính', '', 'UBND cấp xã', 'Trong năm 2025', ''];
  ws.getCell('C17').value = 'Văn phòng UBND tỉnh';
  ws.mergeCells('C17:C18');
  ws.getRow(19).values = ['', 'Tổ chức đối thoại với doanh nghiệp', 'Sở Kế hoạch và Đầu tư', '', 'Hàng quý', ''];
  ws.getCell('E20').value = { formula: 'E19', result: 'Hàng quý' } as ExcelJS.CellFormulaValue;
  ws.getCell('B20').value = 'Tổng kết, đánh giá';
  ws.getCell('A20').value = 7;
  return bufferOf(wb);
}

describe('importAppendixXlsx: a sheet typed by a person', () => {
  it('finds the header where it is, reads groups, joins page-break leftovers, handles merges', async () => {
    const { appendix, agencies, sheet, warnings } = await importAppendixXlsx(await personWorkbook(), 'de-xuat.xlsx');
    expect(sheet).toBe('Sheet1');
    expect(appendix.label).toBe('Phụ lục');
    expect(appendix.title).toBe('Các nhiệm vụ cải cách hành chính năm 2025');
    expect(appendix.columns.map((c) => [c.key, c.kind, c.role, c.caption])).toEqual([
      ['stt', 'number', 'number', 'TT'],
      ['task', 'text', 'task', 'NOI DUNG, NHIEM VU'],
      ['lead', 'agencies', 'lead', 'Chủ trì'],
      ['cooperate', 'agencies', 'cooperate', 'Phối hợp'],
      ['deadline', 'text', 'deadline', 'Thời hạn'],
      ['san-pham', 'text', null, 'Sản phẩm'],
    ]);
    expect(appendix.groups.map((g) => g.title)).toEqual(['Cải cách thể chế', 'Cải cách thủ tục hành chính']);
    const [g1, g2] = appendix.groups;
    expect(g1.rows.length).toBe(2);
    expect(g1.rows[1].cells.task).toBe('Kiểm tra việc thực hiện, tổng hợp kết quả và báo cáo UBND tỉnh');
    expect(mentionsText(g1.rows[1].cells.cooperate as Mention[], agencies)).toBe('Sở Tư pháp và các sở ngành tỉnh');
    expect(g1.rows[0].cells.san_pham ?? g1.rows[0].cells['san-pham']).toBe('Báo cáo');
    // The cooperating agencies of task 1 are two ("; "), of task 2 two ("Sở Tư pháp" và "các sở ngành tỉnh").
    expect((g1.rows[0].cells.cooperate as Mention[]).length).toBe(2);
    expect((g1.rows[1].cells.cooperate as Mention[]).length).toBe(2);
    // The lead merged down over tasks 4 and 5 belongs to both.
    expect(g2.rows.map((r) => mentionsText(r.cells.lead as Mention[], agencies))).toEqual([
      'Văn phòng UBND tỉnh', 'Văn phòng UBND tỉnh', 'Văn phòng UBND tỉnh', 'Sở Kế hoạch và Đầu tư', '',
    ]);
    expect(g2.rows[3].cells.task).toBe('Tổ chức đối thoại với doanh nghiệp');
    expect(g2.rows[4].cells.deadline).toBe('Hàng quý');
    // One directory entry per agency, whatever the case of "Các" inside a list.
    expect(agencies.filter((a) => a.name === 'Các sở, ban, ngành tỉnh').length).toBe(1);
    expect(new Set(agencies.map((a) => a.key)).size).toBe(agencies.length);
    expect(warnings.map((w) => codedText(w)).join('\n')).toMatch(/dòng 13 .*nối/);
    expect(warnings.map((w) => codedText(w)).join('\n')).toMatch(/dòng 19 không có STT/);
    expect(warnings.map((w) => codedText(w)).join('\n')).toMatch(/công thức ở dòng 20/);
  });

  it('prefers the sheet named "Phụ lục" and skips hidden sheets, saying so', async () => {
    const wb = new ExcelJS.Workbook();
    const other = wb.addWorksheet('Tổng hợp');
    other.addRow(['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì']);
    other.addRow([1, 'Nhiệm vụ ở trang khác', 'Sở Nội vụ']);
    const hidden = wb.addWorksheet('Cũ', { state: 'hidden' });
    hidden.addRow(['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì']);
    hidden.addRow([1, 'Nhiệm vụ năm trước', 'Sở Nội vụ']);
    const main = wb.addWorksheet('PHU LUC');
    main.addRow(['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì']);
    main.addRow([1, 'Nhiệm vụ của phụ lục', 'Sở Tư pháp']);
    const back = await importAppendixXlsx(await bufferOf(wb), 'a.xlsx');
    expect(back.sheet).toBe('PHU LUC');
    expect(back.appendix.groups[0].rows[0].cells.task).toBe('Nhiệm vụ của phụ lục');
    expect(back.warnings.map((w) => codedText(w)).join('\n')).toMatch(/Bỏ qua trang ẩn: “Cũ”/);
  });

  it('reads a hidden sheet when it is the only one with a table, and says so', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Bìa').getCell('A1').value = 'Kế hoạch';
    const hidden = wb.addWorksheet('Dữ liệu', { state: 'hidden' });
    hidden.addRow(['STT', 'Nội dung nhiệm vụ', 'Thời gian hoàn thành']);
    hidden.addRow([1, 'Nhiệm vụ', 'Quý I/2024']);
    const back = await importAppendixXlsx(await bufferOf(wb), 'a.xlsx');
    expect(back.sheet).toBe('Dữ liệu');
    expect(back.warnings.map((w) => codedText(w)).join('\n')).toMatch(/“Dữ liệu” đang bị ẩn/);
  });

  it('ignores images, with a warning', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.addRow(['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì']);
    ws.addRow([1, 'Nhiệm vụ', 'Sở Nội vụ']);
    // A 1×1 PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, 'E1:F3');
    const back = await importAppendixXlsx(await bufferOf(wb), 'a.xlsx');
    expect(back.appendix.groups[0].rows.length).toBe(1);
    expect(back.warnings.map((w) => codedText(w)).join('\n')).toMatch(/bỏ qua 1 hình ảnh/);
  });
});

describe('importAppendixXlsx: bad input gives one clear message and imports nothing', () => {
  it('no recognisable header: names the file and the sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Họ tên', 'Chức vụ']);
    ws.addRow(['Nguyễn Văn A', 'Chuyên viên']);
    wb.addWorksheet('Ẩn', { state: 'hidden' }).addRow(['x']);
    await expectUserError(importAppendixXlsx(await bufferOf(wb), 'danh-sach.xlsx'), /“danh-sach\.xlsx”/, /không tìm thấy bảng phụ lục/, /“Danh sách”/, /“Ẩn” \(ẩn\)/);
  });

  it('a header with no task under it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Phụ lục').addRow(['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì']);
    await expectUserError(importAppendixXlsx(await bufferOf(wb), 'rong.xlsx'), /trang “Phụ lục”, dòng 1/, /không có nhiệm vụ/);
  });

  it('an encrypted workbook (an OLE container)', async () => {
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    await expectUserError(importAppendixXlsx(cfb, 'mat-khau.xlsx'), /“mat-khau\.xlsx”/, /mật khẩu/);
  });

  it('a corrupt file: not a zip, or a broken zip', async () => {
    await expectUserError(importAppendixXlsx(Buffer.from('hello, this is not a workbook'), 'a.xlsx'), /“a\.xlsx”/, /hỏng/);
    const good = await exportXlsx(fixturePackage());
    await expectUserError(importAppendixXlsx(good.subarray(0, Math.floor(good.length / 2)), 'cut.xlsx'), /“cut\.xlsx”/, /hỏng/);
  });

  it('a file over 50 MB is refused before it is parsed', async () => {
    const big = Buffer.alloc(XLSX_MAX_BYTES + 1);
    big.write('PK\u0003\u0004', 0, 'latin1');
    await expectUserError(importAppendixXlsx(big, 'lon.xlsx'), /“lon\.xlsx”/, /50 MB/);
  });

  it('a formula with no saved result: names the sheet, the row and the column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.addRow(['STT', 'Nội dung nhiệm vụ', 'Thời gian hoàn thành']);
    ws.addRow([1, 'Nhiệm vụ', 'Quý I/2024']);
    ws.addRow([2, 'Nhiệm vụ khác', { formula: 'C2' }]);
    await expectUserError(importAppendixXlsx(await bufferOf(wb), 'f.xlsx'), /trang “Phụ lục”, dòng 3, cột “Thời gian hoàn thành”/, /công thức/);
  });
});

describe('importAppendixXlsx: text that is not UTF-8', () => {
  it('bytes that are not UTF-8 in a cell are read as U+FFFD and counted in a warning, as the Word import says it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.addRow(['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì']);
    ws.addRow([1, 'Rà soát QQ văn bản', 'Sở Tư pháp']);
    ws.addRow([2, 'Kiểm tra QQ và QQ', 'Sở Nội vụ']);
    // Every "QQ" becomes one byte that starts a UTF-8 sequence and ends none (as a damaged or mis-saved file has).
    const zip = await JSZip.loadAsync(await bufferOf(wb));
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const bytes = Buffer.from(await zip.file(name)!.async('uint8array'));
      const out: number[] = [];
      for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] === 0x51 && bytes[i + 1] === 0x51) {
          out.push(0xe1);
          i++;
        } else out.push(bytes[i]);
      }
      zip.file(name, Buffer.from(out));
    }
    const broken = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const back = await importAppendixXlsx(broken, 'hong.xlsx');
    expect(back.appendix.groups[0].rows.map((r) => r.cells.task)).toEqual(['Rà soát \uFFFD văn bản', 'Kiểm tra \uFFFD và \uFFFD']);
    expect(back.warnings.map((w) => codedText(w))).toContain('3 ký tự không đọc được (không phải UTF-8 hoặc Unicode hỏng) đã được thay bằng “\uFFFD”.');
  });
});
