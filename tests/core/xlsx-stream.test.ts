/**
 * The streamed workbook (exceljs WorkbookWriter, rows written out as they are made): every task row of a big
 * plan is in every sheet that lists tasks, and the workbook still asks to be calculated on opening.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportXlsx, SHEET_APPENDIX, SHEET_ASSIGNMENT, SHEET_SCHEDULE } from '../../electron/core/export/xlsx';
import { withRows } from './fixtures/packages';

describe('exportXlsx, streamed', () => {
  it('a 2,500-row plan: every task in the appendix, the assignment matrix and the schedule; fullCalcOnLoad kept', async () => {
    const pkg = withRows(2500);
    const bytes = await exportXlsx(pkg);
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const tasks = pkg.appendix.groups.flatMap((g) => g.rows.map((r) => r.cells.task as string));
    const column = (sheet: string, col: number) => {
      const out: string[] = [];
      wb.getWorksheet(sheet)!.eachRow((row) => out.push(String(row.getCell(col).value ?? '')));
      return out;
    };
    const taskCol = pkg.appendix.columns.findIndex((c) => c.key === 'task') + 1;
    const appendixTexts = new Set(column(SHEET_APPENDIX, taskCol));
    expect(tasks.filter((t) => !appendixTexts.has(t))).toEqual([]);
    expect(column(SHEET_ASSIGNMENT, 3).filter((t) => tasks.includes(t))).toHaveLength(2500);
    expect(column(SHEET_SCHEDULE, 3).filter((t) => tasks.includes(t))).toHaveLength(2500);
    // The last task row sits right after the previous one: no row was lost or doubled while streaming.
    expect(column(SHEET_APPENDIX, taskCol).at(-1)).toBe(tasks.at(-1));
  });
});
