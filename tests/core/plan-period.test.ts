/**
 * A plan over a period (model v2 `period`, 2021–2030) wherever the plan's time matters: the checker's year
 * rules, the deadline reader, and the rollover (the next plan is the next period, never the next year).
 */
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../electron/core/checks';
import { readDeadline } from '../../electron/core/deadlines';
import { applyRollover, proposeRollover } from '../../electron/core/rollover';
import { nextPlanYear } from '../../electron/core/model/rollover';
import { UserError } from '../../electron/core/errors';
import type { PlanPackage } from '../../electron/core/model/types';
import { samplePackage } from './fixtures/packages';
import ExcelJS from 'exceljs';
import { exportXlsx } from '../../electron/core/export/xlsx/export';
import { READ, SCHEDULE_CAPTIONS, SCHEDULE_HEADER_ROW } from '../../electron/core/export/xlsx/schedule-sheet';
import { SHEET_SCHEDULE } from '../../electron/core/export/xlsx/style';

/** The sample as the plan of 2021 (its deadlines moved to 2021), over a period or for the one year. */
function plan2021(period: { from: number; to: number } | null): PlanPackage {
  const pkg = samplePackage();
  pkg.year = 2021;
  if (period) pkg.period = period;
  pkg.decision!.date = '2020-12-20';
  for (const g of pkg.appendix.groups) {
    for (const r of g.rows) if (typeof r.cells.deadline === 'string') r.cells.deadline = r.cells.deadline.replace(/2024/g, '2021').replace(/2023/g, '2020');
  }
  return pkg;
}

const deadlineYearRows = (pkg: PlanPackage) => checkPlan(pkg).filter((f) => f.rule === 'rows.deadline-year').map((f) => f.path);
const firstDeadline = 'appendix.groups[0].rows[0].deadline';

describe('the checker reads the plan period', () => {
  it('a deadline in 2027 is fine in a 2021–2030 plan, and outside a 2021 plan; one in 2031 is outside both', () => {
    const period = plan2021({ from: 2021, to: 2030 });
    const year = plan2021(null);
    expect(deadlineYearRows(period)).toEqual([]);
    expect(deadlineYearRows(year)).toEqual([]);
    for (const pkg of [period, year]) pkg.appendix.groups[0].rows[0].cells.deadline = 'Năm 2027';
    expect(deadlineYearRows(period)).toEqual([]);
    expect(deadlineYearRows(year)).toEqual([firstDeadline]);
    period.appendix.groups[0].rows[0].cells.deadline = 'Năm 2031';
    const outside = checkPlan(period).find((f) => f.rule === 'rows.deadline-year');
    expect(outside?.path).toBe(firstDeadline);
    // The message names the period, not the first year alone.
    expect(outside?.message).toContain('2021-2030');
  });

  it('"Trong giai đoạn" is a deadline a period plan reads (the whole period), not an unread one', () => {
    const period = plan2021({ from: 2021, to: 2030 });
    period.appendix.groups[0].rows[0].cells.deadline = 'Thường xuyên trong giai đoạn';
    period.appendix.groups[0].rows[1].cells.deadline = 'Trong giai đoạn';
    const unread = (pkg: PlanPackage) => checkPlan(pkg).filter((f) => f.rule === 'rows.deadline-unread').map((f) => f.path);
    expect(unread(period)).toEqual([]);
    const year = plan2021(null);
    year.appendix.groups[0].rows[1].cells.deadline = 'Trong giai đoạn';
    expect(unread(year)).toEqual(['appendix.groups[0].rows[1].deadline']);
  });

  it('a milestone year of the period is neither an odd year in repeated wording nor a wrong year in a title', () => {
    const sentence = (y: number) => ({
      kind: 'paragraph' as const,
      heading: false,
      text: [{ text: `Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt 80% trong năm ${y}.` }],
      children: [],
    });
    const build = (period: { from: number; to: number } | null) => {
      const pkg = plan2021(period);
      pkg.plan.body.push(sentence(2021), sentence(2021), sentence(2025));
      pkg.plan.summary = 'Cải cách hành chính Nhà nước năm 2021, mục tiêu năm 2025 trên địa bàn tỉnh Bình Phước';
      return pkg;
    };
    const rules = (pkg: PlanPackage) => checkPlan(pkg).filter((f) => f.rule === 'years.outlier' || f.rule === 'years.title').map((f) => `${f.rule} ${f.path}`);
    expect(rules(build(null))).toEqual(expect.arrayContaining(['years.title plan.summary', expect.stringMatching(/^years\.outlier plan\.body\[\d+\]$/)]));
    expect(rules(build({ from: 2021, to: 2030 }))).toEqual([]);
  });
});

describe('the deadline reader with a period', () => {
  const p = { from: 2021, to: 2030 };
  it('reads the period plan’s own words as its whole period', () => {
    expect(readDeadline('Trong giai đoạn', p)).toEqual({ kind: 'period', start: '2021-01-01', end: '2030-12-31', label: 'Giai đoạn 2021 - 2030' });
    expect(readDeadline('Cả giai đoạn.', p)).toMatchObject({ kind: 'period', start: '2021-01-01', end: '2030-12-31' });
    expect(readDeadline('Thường xuyên trong giai đoạn', p)).toEqual({
      kind: 'ongoing', start: '2021-01-01', end: '2030-12-31', label: 'Thường xuyên trong giai đoạn 2021 - 2030',
    });
    expect(readDeadline('Hằng năm trong giai đoạn', p)).toMatchObject({ kind: 'recurring', start: '2021-01-01', end: '2030-12-31', every: ['year'] });
  });

  it('written years win; what the text leaves out is the first year; a one-year plan has no period to read', () => {
    expect(readDeadline('Năm 2027', p)).toMatchObject({ start: '2027-01-01', end: '2027-12-31' });
    expect(readDeadline('Giai đoạn 2026 - 2030', p)).toMatchObject({ start: '2026-01-01', end: '2030-12-31' });
    expect(readDeadline('Quý IV', p)).toMatchObject({ start: '2021-10-01', end: '2021-12-31' });
    expect(readDeadline('Trong giai đoạn', 2021)).toEqual({ kind: 'unknown', label: '' });
    expect(readDeadline('Trong giai đoạn', { from: 2021, to: 2021 })).toEqual({ kind: 'unknown', label: '' });
    expect(readDeadline('Quý IV', 2021)).toEqual(readDeadline('Quý IV', { from: 2021, to: 2021 }));
  });
});

describe('rollover of a period plan', () => {
  function tenYear(): PlanPackage {
    const pkg = plan2021({ from: 2021, to: 2030 });
    pkg.title = 'Kế hoạch CCHC giai đoạn 2021 - 2030 - tỉnh Bình Phước';
    pkg.decision!.summary = 'Ban hành Kế hoạch cải cách hành chính Nhà nước giai đoạn 2021 - 2030\ntrên địa bàn tỉnh Bình Phước';
    pkg.plan.summary = 'Cải cách hành chính Nhà nước giai đoạn 2021 - 2030 trên địa bàn tỉnh Bình Phước';
    return pkg;
  }

  it('proposes the next period: 2031 by default, and refuses a year inside the period with a coded message', () => {
    const pkg = tenYear();
    expect(nextPlanYear(pkg)).toBe(2031);
    expect(nextPlanYear(plan2021(null))).toBe(2022);
    const err = (() => {
      try {
        proposeRollover(pkg, 2022);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('rollover.periodNext');
    expect((err as UserError).params).toMatchObject({ from: '2021', to: '2030', next: '2031', nextTo: '2040' });
    expect(() => applyRollover(pkg, 2022, 'all')).toThrow(UserError);
  });

  it('moves the plan’s own period in its titles and the period itself; a cited programme’s period stays', () => {
    const pkg = tenYear();
    const proposals = proposeRollover(pkg, 2031);
    const own = proposals.filter((p) => p.reason === 'plan-period');
    expect(own.map((p) => p.path)).toEqual(['title', 'title', 'decision.summary', 'decision.summary', 'plan.summary', 'plan.summary']);
    const next = applyRollover(pkg, 2031, 'all');
    expect(next.year).toBe(2031);
    expect(next.period).toEqual({ from: 2031, to: 2040 });
    expect(next.title).toBe('Kế hoạch CCHC giai đoạn 2031 - 2040 - tỉnh Bình Phước');
    expect(next.plan.summary).toBe('Cải cách hành chính Nhà nước giai đoạn 2031 - 2040 trên địa bàn tỉnh Bình Phước');
    // Nghị quyết 76/NQ-CP's programme 2021-2030 is a cited document's period: never changed.
    expect(next.decision!.legalBases.join('\n')).toContain('giai đoạn 2021-2030');
    expect(next.decision!.date).toBeNull();
  });

  it('deadline cells inside the period move with it (Năm 2027 → 2037, Quý IV/2021 → 2031, 2021 - 2025 → 2031 - 2035); other cells do not', () => {
    const pkg = tenYear();
    const rows = pkg.appendix.groups[0].rows;
    rows[0].cells.deadline = 'Năm 2027';
    rows[1].cells.deadline = 'Quý IV/2021';
    rows[2].cells.deadline = 'Giai đoạn 2021 - 2025';
    rows[0].cells.note = 'Theo Nghị quyết số 76/NQ-CP ngày 15/7/2021';
    const next = applyRollover(pkg, 2031, 'all');
    const cells = next.appendix.groups[0].rows;
    expect([cells[0].cells.deadline, cells[1].cells.deadline, cells[2].cells.deadline]).toEqual(['Năm 2037', 'Quý IV/2031', 'Giai đoạn 2031 - 2035']);
    expect(cells[0].cells.note).toBe('Theo Nghị quyết số 76/NQ-CP ngày 15/7/2021');
    // Every proposal names a place and a change of exactly ten years.
    for (const p of proposeRollover(pkg, 2031).filter((x) => x.mode === 'change')) expect(Number(p.edit!.to) - Number(p.edit!.from)).toBe(10);
  });
});

describe('the XLSX schedule reads deadlines with the plan period', () => {
  it('"Trong giai đoạn" in a 2021–2030 plan is read as 2021–2030 (understood, dated), not as unread', async () => {
    const pkg = plan2021({ from: 2021, to: 2030 });
    pkg.appendix.groups[0].rows[0].cells.deadline = 'Trong giai đoạn';
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(pkg)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SHEET_SCHEDULE)!;
    const col = (caption: string) => SCHEDULE_CAPTIONS.indexOf(caption as (typeof SCHEDULE_CAPTIONS)[number]) + 1;
    let first: ExcelJS.Row | null = null;
    ws.eachRow((row, n) => {
      if (n > SCHEDULE_HEADER_ROW && row.getCell(col('Thời gian hoàn thành (như văn bản)')).value === 'Trong giai đoạn') first = row;
    });
    expect(first, 'the row of "Trong giai đoạn"').not.toBeNull();
    const row = first as unknown as ExcelJS.Row;
    expect(row.getCell(col('Chương trình hiểu là')).value).toBe('Giai đoạn 2021 - 2030');
    expect(row.getCell(col('Đọc được thời gian?')).value).toBe(READ);
    // The reading's dates, written as Excel dates (their format shows dd/mm/yyyy).
    const dates = [row.getCell(col('Từ ngày')).value, row.getCell(col('Đến ngày')).value];
    expect(dates.map((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))).toEqual(['2021-01-01', '2030-12-31']);
  });
});
