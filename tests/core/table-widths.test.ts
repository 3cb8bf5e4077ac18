/**
 * One width function for the appendix table (model/table-widths.ts): the DOCX writes the widths it gives, and the
 * preview (which calls the same function on the same printed lines) shows the same shares.
 */
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export/docx';
import { LANDSCAPE_TEXT_WIDTH } from '../../electron/core/export/docx/units';
import { tableSize } from '../../electron/core/export/docx/fonts';
import { LANDSCAPE_TABLE_WIDTH, appendixColumnWidths, columnAlignment, columnWidths, lineTexts, tableSizeFor } from '../../electron/core/model/table-widths';
import { rowLines, type PlanPackage } from '../../electron/core/model';
import { all, readDocx } from './fixtures/ooxml';
import { frameworkPackage } from './fixtures/framework';
import { samplePackage } from './fixtures/packages';

/** The w:gridCol widths of the appendix table in the exported DOCX. */
async function gridCols(pkg: PlanPackage): Promise<number[]> {
  const doc = await readDocx((await exportDocx(pkg, { parts: ['appendix'] })).buffer);
  const table = all(doc.body, 'w:tbl')[0];
  return all(table, 'w:gridCol').map((c) => Number(c.attrs['w:w']));
}

/** What the preview computes: the model's widths over every printed line of the package. */
function modelWidths(pkg: PlanPackage): number[] {
  const columns = pkg.appendix.columns.filter((c) => !c.hidden);
  const agencies = new Map(pkg.agencies.map((a) => [a.key, a.name]));
  return appendixColumnWidths(columns, rowLines(pkg.appendix).flatMap((g) => lineTexts(g, agencies)), LANDSCAPE_TABLE_WIDTH);
}

describe('appendix column widths shared by the DOCX and the preview', () => {
  it('the model’s landscape width and table sizes are the DOCX writer’s', () => {
    expect(LANDSCAPE_TABLE_WIDTH).toBe(LANDSCAPE_TEXT_WIDTH);
    for (const n of [1, 6, 7, 8, 10, 11, 14]) expect(tableSizeFor(n)).toBe(tableSize(n));
  });

  it('a 9-column framework: the DOCX grid is the model’s content-measured widths, not the columns’ millimetres', async () => {
    const pkg = frameworkPackage(3, 3);
    const widths = modelWidths(pkg);
    expect(await gridCols(pkg)).toEqual(widths);
    const byMm = columnWidths(pkg.appendix.columns, LANDSCAPE_TABLE_WIDTH);
    expect(widths).not.toEqual(byMm);
    // The deadline column holds "Quý IV/2021"-like words whole; the STT column is the narrowest.
    expect(Math.min(...widths)).toBe(widths[0]);
  });

  it('a 6-column plan keeps the columns’ millimetre shares in both', async () => {
    const pkg = samplePackage();
    const widths = modelWidths(pkg);
    expect(widths).toEqual(columnWidths(pkg.appendix.columns.filter((c) => !c.hidden), LANDSCAPE_TABLE_WIDTH));
    expect(await gridCols(pkg)).toEqual(widths);
  });

  it('cell alignment is one rule too: the DOCX’s first line of a framework is aligned as columnAlignment says', async () => {
    const pkg = frameworkPackage(3, 3);
    const widths = modelWidths(pkg);
    const expected = pkg.appendix.columns.map((c, i) => ({ center: 'center', justify: 'both', left: 'left' })[columnAlignment(c, widths[i])]);
    const doc = await readDocx((await exportDocx(pkg, { parts: ['appendix'] })).buffer);
    // Header, group row, then the first printed line (every cell starts there).
    const line = all(all(doc.body, 'w:tbl')[0], 'w:tr')[2];
    const jc = all(line, 'w:tc').map((tc) => all(tc, 'w:jc')[0]?.attrs['w:val'] ?? 'left');
    expect(jc).toEqual(expected);
    // Narrow text columns are flush left, never justified; the deadline is centred.
    expect(expected[7]).toBe('center');
    expect(expected.filter((a, i) => a === 'both' && widths[i] < 3402)).toEqual([]);
    expect(columnAlignment({ kind: 'text', role: 'note' }, 10_000)).toBe('left');
    expect(columnAlignment({ kind: 'text', role: 'task' }, 10_000)).toBe('justify');
  });
});
