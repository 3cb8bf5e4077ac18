/**
 * The framework table with spans (issue #13): a Hà Tĩnh-style objective → task → activity table exported
 * through exchange, DOCX and XLSX reads back as the same tree (same parents and children, same cells), and the
 * checker then finds no "row has no task / lead / deadline" on the parent rows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseExchange, serializeExchange } from '../../electron/core/exchange/exchange';
import { exportDocx } from '../../electron/core/export/docx';
import { importDocx } from '../../electron/core/import/docx';
import { exportXlsx, importAppendixXlsx } from '../../electron/core/export/xlsx';
import { checkPlan } from '../../electron/core/checks';
import { cellText, type AppendixRow, type PlanPackage } from '../../electron/core/model';
import { frameworkPackage } from './fixtures/framework';
import { insertPackage, loadPlan } from '../../electron/core/store/plans';
import { removeTempDirs, tempStore } from './helpers';
import { codedText } from '../../electron/core/model/messages';

afterEach(removeTempDirs);

/** A row tree as captions → printed text (agency names, not keys), empty cells left out; children nested. */
interface Shape {
  cells: Record<string, string>;
  children?: Shape[];
}
function shapeOf(pkg: PlanPackage): Array<{ title: string; rows: Shape[] }> {
  const names = new Map(pkg.agencies.map((a) => [a.key, a.name]));
  const row = (r: AppendixRow): Shape => {
    const cells: Record<string, string> = {};
    for (const c of pkg.appendix.columns) {
      if (c.kind === 'number') continue;
      const text = cellText(r.cells[c.key] ?? '', names);
      if (text) cells[c.caption] = text;
    }
    return r.children?.length ? { cells, children: r.children.map(row) } : { cells };
  };
  return pkg.appendix.groups.map((g) => ({ title: g.title, rows: g.rows.map(row) }));
}

/** The checker's row findings (no task, lead, deadline) as `rule path`. */
function rowFindings(pkg: PlanPackage): string[] {
  return checkPlan(pkg)
    .map((f) => `${f.rule} ${f.path}`)
    .filter((r) => /^rows\.(no-task|no-lead|no-deadline)/.test(r));
}

describe('a framework table with spans round-trips', () => {
  const pkg = frameworkPackage(3, 2);
  // The third objective has one task of one activity: printed on one line, with no merge to read.
  const third = pkg.appendix.groups[0].rows[2];
  third.children = [{ ...third.children![0], children: third.children![0].children!.slice(0, 1) }];
  const expected = shapeOf(pkg);

  it('the fixture is a tree: 3 objectives, each 2 tasks of 2 activities, and the checker finds no row without task/lead/deadline', () => {
    expect(expected[0].rows).toHaveLength(3);
    expect(expected[0].rows[0].children).toHaveLength(2);
    expect(expected[0].rows[0].children![0].children).toHaveLength(2);
    expect(expected[0].rows[2].children![0].children).toHaveLength(1);
    expect(rowFindings(pkg)).toEqual([]);
  });

  it('through exchange', () => {
    const back = parseExchange(serializeExchange(pkg), 'khung.json');
    expect(shapeOf(back)).toEqual(expected);
  });

  it('through DOCX: vertical merges read back as parent rows, not as empty-cell rows', async () => {
    const { buffer } = await exportDocx(pkg);
    const back = await importDocx(buffer, 'khung.docx');
    expect(shapeOf(back.pkg)).toEqual(expected);
    // 3 objectives at the top, not 12 activity rows with the objective repeated.
    expect(back.pkg.appendix.groups[0].rows).toHaveLength(3);
    expect(back.warnings.map((w) => codedText(w)).filter((w) => /không có STT|nối/.test(w))).toEqual([]);
    expect(rowFindings(back.pkg)).toEqual([]);
  });

  it('through XLSX: merged ranges read back as parent rows', async () => {
    const back = await importAppendixXlsx(await exportXlsx(pkg), 'khung.xlsx');
    const imported: PlanPackage = { ...pkg, appendix: back.appendix, agencies: back.agencies };
    expect(shapeOf(imported)).toEqual(expected);
    expect(back.appendix.groups[0].rows).toHaveLength(3);
    expect(back.warnings).toEqual([]);
    expect(rowFindings(imported)).toEqual([]);
  });

  it('the tree read from the DOCX is the tree the store holds', async () => {
    const back = await importDocx((await exportDocx(pkg)).buffer, 'khung.docx');
    const { db } = tempStore();
    const stored = loadPlan(db, insertPackage(db, back.pkg)).pkg;
    expect(shapeOf(stored)).toEqual(expected);
    expect(rowFindings(stored)).toEqual([]);
    db.close();
  });

  it('DOCX → import → DOCX → import is a fixed point', async () => {
    const once = await importDocx((await exportDocx(pkg)).buffer, 'a.docx');
    const twice = await importDocx((await exportDocx(once.pkg)).buffer, 'b.docx');
    expect(shapeOf(twice.pkg)).toEqual(shapeOf(once.pkg));
  });
});

describe('a framework numbered hierarchically (groups 1., 2.; rows 1.1, 1.1.1 …) round-trips with its numbering', () => {
  const pkg = frameworkPackage(2, 2);
  pkg.appendix.groups.push({ title: 'Khung bổ sung', rows: structuredClone(pkg.appendix.groups[0].rows.slice(0, 1)) });
  pkg.appendix.numbering = { style: 'hierarchical' };
  const expected = shapeOf(pkg);

  it('through DOCX: the group rows "1 | title" and "2 | title" are groups again', async () => {
    const back = await importDocx((await exportDocx(pkg)).buffer, 'khung.docx');
    expect(shapeOf(back.pkg)).toEqual(expected);
    expect(back.pkg.appendix.numbering).toEqual({ style: 'hierarchical' });
    expect(rowFindings(back.pkg)).toEqual([]);
  });

  it('through XLSX', async () => {
    const back = await importAppendixXlsx(await exportXlsx(pkg), 'khung.xlsx');
    expect(shapeOf({ ...pkg, appendix: back.appendix, agencies: back.agencies })).toEqual(expected);
    expect(back.appendix.numbering).toEqual({ style: 'hierarchical' });
  });
});
