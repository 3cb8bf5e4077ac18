/** The XLSX export of model v2 shapes: a framework's spanning objectives and tasks merged down, labels, one blank style. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportXlsx } from '../../electron/core/export/xlsx/export';
import { APPENDIX_HEADER_ROW } from '../../electron/core/export/xlsx/appendix-sheet';
import { SHEET_APPENDIX } from '../../electron/core/export/xlsx/style';
import { frameworkPackage } from './fixtures/framework';

describe('XLSX export of a framework with row trees', () => {
  it('writes one sheet line per activity, objectives and tasks merged down over their lines, STT 1.1.1.', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(frameworkPackage(2, 3))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SHEET_APPENDIX)!;
    const first = APPENDIX_HEADER_ROW + 2; // header, group row
    const lines = Array.from({ length: 2 * 2 * 3 }, (_, i) => ws.getRow(first + i));
    expect(lines.map((r) => r.getCell(1).value)).toEqual([1, 2].flatMap((o) => [1, 2].flatMap((t) => [1, 2, 3].map((a) => `${o}.${t}.${a}.`))));
    expect(lines.map((r) => r.getCell(4).value)).toEqual([1, 2].flatMap((o) => [1, 2].flatMap((t) => [1, 2, 3].map((a) => `Hoạt động ${o}.${t}.${a}`))));
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    // Objective (column B) over 6 lines, each task (column C) over 3.
    expect(merges).toContain(`B${first}:B${first + 5}`);
    expect(merges).toContain(`B${first + 6}:B${first + 11}`);
    expect(merges).toContain(`C${first}:C${first + 2}`);
    expect(merges).toContain(`C${first + 9}:C${first + 11}`);
    expect(String(ws.getCell(`B${first}`).value)).toMatch(/^Mục tiêu 1:/);
    expect(ws.getRow(first + 12).getCell(1).value).toBeNull();
  });

  it('prints an unsigned Decision in its citation with the same blanks as the DOCX', async () => {
    const pkg = frameworkPackage(1, 1);
    pkg.decision!.number = '';
    pkg.decision!.date = null;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(pkg)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet(SHEET_APPENDIX)!.getCell(3, 1).value).toBe(
      '(Ban hành kèm theo Quyết định số        /QĐ-UBND ngày       /      /2021 của Ủy ban nhân dân tỉnh)',
    );
  });
});
