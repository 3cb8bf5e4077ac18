import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { PlanPackage } from '../../electron/core/model/types';
import { mentionsText } from '../../electron/core/model/text';
import { loadSamplePackage } from '../../electron/core/sample';
import { readDeadline } from '../../electron/core/deadlines';
import {
  ROLE_COOPERATE, ROLE_LEAD, SHEET_APPENDIX, SHEET_ASSIGNMENT, SHEET_BY_AGENCY, SHEET_SCHEDULE, assignmentMatrix, exportXlsx,
} from '../../electron/core/export/xlsx';
import { APPENDIX_HEADER_ROW } from '../../electron/core/export/xlsx/appendix-sheet';
import { ASSIGNMENT_FIXED_COLUMNS, ASSIGNMENT_HEADER_ROW } from '../../electron/core/export/xlsx/assignment-sheet';
import { BY_AGENCY_HEADER_ROW } from '../../electron/core/export/xlsx/by-agency-sheet';
import { SCHEDULE_CAPTIONS, SCHEDULE_HEADER_ROW, UNREAD } from '../../electron/core/export/xlsx/schedule-sheet';
import { fixturePackage } from './fixtures/xlsx-fixtures';

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'formula' in v) return String(v.result ?? '');
  return String(v);
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const cases: Array<[string, () => PlanPackage]> = [
  ['the bundled sample', loadSamplePackage],
  ['the hand-built fixture', fixturePackage],
];

describe.each(cases)('exportXlsx: %s', (_name, makePackage) => {
  let pkg: PlanPackage;
  let wb: ExcelJS.Workbook;
  const taskCount = () => pkg.appendix.groups.reduce((n, g) => n + g.rows.length, 0);

  beforeAll(async () => {
    pkg = makePackage();
    wb = await load(await exportXlsx(pkg));
  });

  it('has the four sheets, visible, in order', () => {
    const visible = wb.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
    expect(visible).toEqual([SHEET_APPENDIX, SHEET_ASSIGNMENT, SHEET_BY_AGENCY, SHEET_SCHEDULE]);
  });

  describe('Phụ lục', () => {
    it('has the title rows and the plan\'s own columns, widths in order', () => {
      const ws = wb.getWorksheet(SHEET_APPENDIX)!;
      expect(ws.getCell(1, 1).value).toBe(pkg.appendix.label);
      expect(ws.getCell(2, 1).value).toBe(pkg.appendix.title);
      expect(String(ws.getCell(3, 1).value)).toMatch(/^\(Ban hành kèm theo Quyết định số 2142\/QĐ-UBND ngày \d\d\/\d\d\/\d{4} của Ủy ban nhân dân tỉnh\)$/);
      expect(ws.getCell(1, 1).font.bold).toBe(true);
      expect(ws.getCell(3, 1).font.italic).toBe(true);
      const header = ws.getRow(APPENDIX_HEADER_ROW);
      pkg.appendix.columns.forEach((c, i) => {
        expect(header.getCell(i + 1).value).toBe(c.caption);
        expect(header.getCell(i + 1).font.bold).toBe(true);
      });
      const widths = pkg.appendix.columns.map((_, i) => ws.getColumn(i + 1).width!);
      const mm = pkg.appendix.columns.map((c) => c.width);
      // Wider in the model, wider in the sheet.
      for (let i = 1; i < mm.length; i++) expect(Math.sign(widths[i] - widths[i - 1])).toBe(Math.sign(mm[i] - mm[i - 1]));
    });

    it('prints landscape A4, fitted to the width, header row repeated, page numbers in the footer', () => {
      const ws = wb.getWorksheet(SHEET_APPENDIX)!;
      const ps = ws.pageSetup;
      expect(ps.orientation).toBe('landscape');
      expect(ps.paperSize).toBe(9);
      expect(ps.fitToPage).toBe(true);
      expect(ps.fitToWidth).toBe(1);
      expect(ps.fitToHeight).toBe(0);
      expect(ps.printTitlesRow).toBe(`${APPENDIX_HEADER_ROW}:${APPENDIX_HEADER_ROW}`);
      expect(ws.headerFooter.oddFooter).toContain('&P');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: APPENDIX_HEADER_ROW });
    });

    it('has Roman-numeral group rows, bold and merged across, and every task once, numbered continuously', () => {
      const ws = wb.getWorksheet(SHEET_APPENDIX)!;
      const last = pkg.appendix.columns.length;
      const names = new Map(pkg.agencies.map((a) => [a.key, a.name]));
      let r = APPENDIX_HEADER_ROW + 1;
      let n = 1;
      pkg.appendix.groups.forEach((g, gi) => {
        const row = ws.getRow(r);
        expect(row.getCell(1).value).toBe(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][gi]);
        expect(row.getCell(2).value).toBe(g.title);
        expect(row.getCell(2).font.bold).toBe(true);
        expect(row.getCell(last).isMerged).toBe(true);
        expect(row.getCell(last).master.address).toBe(row.getCell(2).address);
        r++;
        for (const appendixRow of g.rows) {
          const cells = ws.getRow(r);
          expect(cells.getCell(1).value).toBe(n);
          pkg.appendix.columns.forEach((c, i) => {
            if (c.kind === 'number') return;
            const want = typeof appendixRow.cells[c.key] === 'string' ? appendixRow.cells[c.key] : mentionsText(appendixRow.cells[c.key] as never, names);
            expect(text(cells.getCell(i + 1).value)).toBe(want);
          });
          r++;
          n++;
        }
      });
      expect(n - 1).toBe(taskCount());
      expect(ws.getRow(r).getCell(2).value ?? null).toBeNull();
    });

    it('sets every cell in Times New Roman, wrapped and top-aligned, with thin borders', () => {
      const ws = wb.getWorksheet(SHEET_APPENDIX)!;
      ws.eachRow((row, r) => {
        row.eachCell((cell) => {
          expect(cell.font?.name, cell.address).toBe('Times New Roman');
          if (r > APPENDIX_HEADER_ROW) {
            expect(cell.alignment?.vertical, cell.address).toBe('top');
            expect(cell.alignment?.wrapText, cell.address).toBe(true);
            expect(cell.border?.left?.style, cell.address).toBe('thin');
          }
        });
      });
    });
  });

  describe('Phân công', () => {
    it('matches the model: one row per task, one column per agency, Chủ trì / Phối hợp, counts at the bottom, filters on', () => {
      const ws = wb.getWorksheet(SHEET_ASSIGNMENT)!;
      const matrix = assignmentMatrix(pkg);
      const header = ws.getRow(ASSIGNMENT_HEADER_ROW);
      const used = new Set(pkg.appendix.groups.flatMap((g) => g.rows.flatMap((row) => ['lead', 'cooperate'].flatMap((k) => (row.cells[k] as { agency: string }[] | undefined ?? []).map((m) => m.agency)))));
      expect(matrix.agencies.map((a) => a.key).sort()).toEqual([...used].sort());
      matrix.agencies.forEach((a, j) => expect(header.getCell(ASSIGNMENT_FIXED_COLUMNS + 1 + j).value).toBe(a.name));

      const leadCounts = new Map<string, number>();
      const coopCounts = new Map<string, number>();
      let r = ASSIGNMENT_HEADER_ROW + 1;
      for (const g of pkg.appendix.groups) {
        for (const row of g.rows) {
          const leads = new Set((row.cells.lead as { agency: string }[]).map((m) => m.agency));
          const coops = new Set((row.cells.cooperate as { agency: string }[]).map((m) => m.agency));
          matrix.agencies.forEach((a, j) => {
            const want = leads.has(a.key) ? ROLE_LEAD : coops.has(a.key) ? ROLE_COOPERATE : '';
            expect(text(ws.getRow(r).getCell(ASSIGNMENT_FIXED_COLUMNS + 1 + j).value), `row ${r} ${a.name}`).toBe(want);
            if (want === ROLE_LEAD) leadCounts.set(a.key, (leadCounts.get(a.key) ?? 0) + 1);
            if (want === ROLE_COOPERATE) coopCounts.set(a.key, (coopCounts.get(a.key) ?? 0) + 1);
          });
          r++;
        }
      }
      expect(r - ASSIGNMENT_HEADER_ROW - 1).toBe(taskCount());
      matrix.agencies.forEach((a, j) => {
        const lead = ws.getRow(r + 1).getCell(ASSIGNMENT_FIXED_COLUMNS + 1 + j).value as ExcelJS.CellFormulaValue;
        const coop = ws.getRow(r + 2).getCell(ASSIGNMENT_FIXED_COLUMNS + 1 + j).value as ExcelJS.CellFormulaValue;
        expect(lead.formula).toMatch(/^COUNTIF\(/);
        // exceljs leaves a cached 0 out; the workbook asks for a recalculation on load.
        expect(lead.result ?? 0).toBe(leadCounts.get(a.key) ?? 0);
        expect(coop.result ?? 0).toBe(coopCounts.get(a.key) ?? 0);
      });
      expect(ws.autoFilter).toBeTruthy();
    });

    it('keeps collective agencies as columns of their own', () => {
      const ws = wb.getWorksheet(SHEET_ASSIGNMENT)!;
      const captions = (ws.getRow(ASSIGNMENT_HEADER_ROW).values as unknown[]).map(String);
      expect(captions).toContain('Các sở, ban, ngành tỉnh');
      expect(captions).toContain('UBND cấp huyện');
    });
  });

  describe('Theo cơ quan', () => {
    it('lists, for each agency, the tasks it leads and supports, each pair once, with filters', () => {
      const ws = wb.getWorksheet(SHEET_BY_AGENCY)!;
      const matrix = assignmentMatrix(pkg);
      const want = new Set<string>();
      matrix.roles.forEach((m, i) => m.forEach((role, key) => want.add(`${key}|${role === 'lead' ? ROLE_LEAD : ROLE_COOPERATE}|${matrix.tasks[i].number}`)));
      const byName = new Map(matrix.agencies.map((a) => [a.name, a.key]));
      const got: string[] = [];
      ws.eachRow((row, r) => {
        if (r <= BY_AGENCY_HEADER_ROW) return;
        got.push(`${byName.get(String(row.getCell(1).value))}|${row.getCell(2).value}|${row.getCell(3).value}`);
      });
      expect(got.length).toBe(want.size);
      expect(new Set(got)).toEqual(want);
      expect(ws.autoFilter).toBeTruthy();
    });
  });

  describe('Tiến độ', () => {
    it('has every task once, the deadline as written and the period read from it, sorted by due date', () => {
      const ws = wb.getWorksheet(SHEET_SCHEDULE)!;
      const header = ws.getRow(SCHEDULE_HEADER_ROW);
      SCHEDULE_CAPTIONS.forEach((c, i) => expect(header.getCell(i + 1).value).toBe(c));
      const numbers: number[] = [];
      const ends: string[] = [];
      ws.eachRow((row, r) => {
        if (r <= SCHEDULE_HEADER_ROW) return;
        numbers.push(Number(row.getCell(1).value));
        const written = text(row.getCell(5).value);
        const reading = readDeadline(written, pkg.year);
        const end = row.getCell(9).value as Date | null;
        expect(end ? end.toISOString().slice(0, 10) : undefined, written).toBe(reading.end);
        if (reading.end) ends.push(reading.end);
        expect(row.getCell(10).value).toBe(reading.kind === 'unknown' ? UNREAD : 'Có');
      });
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: taskCount() }, (_, i) => i + 1));
      expect(ends).toEqual([...ends].sort());
    });
  });
});

describe('exportXlsx: the sample', () => {
  it('is the 2024 Bình Phước appendix: 48 tasks in 7 groups, Quý I/2024 read as the first quarter', async () => {
    const pkg = loadSamplePackage();
    expect(pkg.appendix.groups.length).toBe(7);
    expect(pkg.appendix.groups.reduce((n, g) => n + g.rows.length, 0)).toBe(48);
    const wb = await load(await exportXlsx(pkg));
    const ws = wb.getWorksheet(SHEET_SCHEDULE)!;
    let found = false;
    ws.eachRow((row) => {
      if (row.getCell(5).value === 'Quý I/2024') {
        found = true;
        expect((row.getCell(8).value as Date).toISOString().slice(0, 10)).toBe('2024-01-01');
        expect((row.getCell(9).value as Date).toISOString().slice(0, 10)).toBe('2024-03-31');
      }
    });
    expect(found).toBe(true);
  });
});
