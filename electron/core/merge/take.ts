/**
 * Taking a department's proposal into the plan: as a new row, or over the row it changes. The row then
 * remembers which file and department it came from (row_sources), and the whole take is one undo step.
 */
import type { Db } from '../store/open';
import { UserError } from '../errors';
import { insertAppendixRow, insertRows, mentionsFromText, planEdit, setCell } from '../store/edits';
import { loadPlan } from '../store/plans';
import { nfc, slug } from '../model/text';
import type { Agency, Appendix, CellValue } from '../model/types';
import { allRows, planPeriod } from '../model/rows';
import { proposalsAgainst } from './proposals';
import type { RowSource, TakeTarget, MergeFile } from '../model/merge';
import type { ImportReport } from '../model/import-report';
import type { CodedMessage } from '../model/messages';
export type { RowSource, TakeTarget, MergeFile } from '../model/merge';

function guessDepartment(fileName: string, appendix: Appendix, agencies: readonly Agency[]): string {
  const base = slug(fileName.replace(/\.[^.]+$/, ''));
  const named = agencies.find((a) => slug(a.name) === base);
  if (named) return named.name;
  const lead = appendix.columns.find((c) => c.role === 'lead')?.key;
  const counts = new Map<string, number>();
  if (lead) {
    for (const { row: r } of allRows(appendix.groups)) {
      const first = Array.isArray(r.cells[lead]) ? (r.cells[lead] as Array<{ agency: string }>)[0] : undefined;
      if (first) counts.set(first.agency, (counts.get(first.agency) ?? 0) + 1);
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? agencies.find((a) => a.key === best[0])?.name ?? fileName : fileName.replace(/\.[^.]+$/, '');
}

/** Reads one proposal file (a workbook or an exchange file) and holds its rows against the plan. */
export async function readMergeFile(db: Db, planId: number, fileName: string, data: Buffer): Promise<MergeFile> {
  const { pkg } = loadPlan(db, planId);
  // The readers are loaded when a file is read (exceljs is large): taking a row or listing sources needs none.
  const [{ importAppendixXlsx }, { parseExchange }, { guessYear }] = await Promise.all([import('../export/xlsx'), import('../exchange/exchange'), import('../import/xlsx/new-plan')]);
  let appendix: Appendix;
  let agencies: Agency[];
  let warnings: CodedMessage[] = [];
  let report: ImportReport | undefined;
  if (/\.xlsx$/i.test(fileName)) {
    // The plan's directory decides where the department's agency cells are cut (never inside a name it holds).
    const read = await importAppendixXlsx(data, fileName, pkg.agencies.map((a) => a.name));
    ({ appendix, agencies, warnings, report } = read);
  } else if (/\.json$/i.test(fileName)) {
    ({ appendix, agencies } = parseExchange(data.toString('utf8'), fileName));
  } else {
    throw UserError.coded('merge.badFileType', { file: fileName }, `${fileName}: proposals are read from .xlsx workbooks or .json exchange files.`);
  }
  // A department that sends back last year's table: say so, rather than offer its dates as changes.
  const texts = allRows(appendix.groups).flatMap(({ row: r }) => Object.values(r.cells).filter((v): v is string => typeof v === 'string'));
  const fileYear = guessYear(appendix.title, texts);
  // A plan for a period (2021–2030) takes rows of any of its years.
  const period = planPeriod(pkg);
  const otherYear = fileYear < period.from || fileYear > period.to ? fileYear : null;
  // `otherYear` carries it: the merge desk and the CLI word it in their language (not a fixed-language warning).
  return { fileName, department: guessDepartment(fileName, appendix, agencies), warnings, ...(report ? { report } : {}), proposals: proposalsAgainst(pkg, appendix, agencies), otherYear };
}

/**
 * Takes one proposal (its cells, possibly edited by the drafter) into the plan: a new row at the target's place
 * (v2: under the target's `parentId`, a row of the same group, so a department's sub-row keeps its parent), or
 * its cells over the row it changes. Returns the row id. Throws UserError for a row or column not in the plan.
 */
export function takeProposal(db: Db, planId: number, target: TakeTarget, cells: Record<string, string>, source: { file: string; department: string }): number {
  const file = nfc(source.file).trim();
  const department = nfc(source.department).trim();
  if (!file || !department) throw UserError.coded('merge.needsSource', {}, 'Say which file and department the row comes from.');
  return planEdit(db, planId, 'takeProposal', () => {
    let rowId: number;
    if (target.kind === 'new' && target.parentId !== undefined) {
      const columns = loadPlan(db, planId).pkg.appendix.columns;
      const converted: Record<string, CellValue> = {};
      for (const [key, text] of Object.entries(cells)) {
        converted[key] = columns.find((c) => c.key === key)?.kind === 'agencies' ? mentionsFromText(db, planId, text) : text;
      }
      rowId = insertAppendixRow(db, planId, target.groupId, target.index, converted, target.parentId);
    } else if (target.kind === 'new') {
      [rowId] = insertRows(db, planId, target.groupId, target.index, [cells]);
    } else {
      rowId = target.rowId;
      const columns = loadPlan(db, planId).pkg.appendix.columns;
      for (const [key, text] of Object.entries(cells)) {
        const column = columns.find((c) => c.key === key);
        if (!column) throw UserError.coded('column.notFound', { key }, `The appendix has no column "${key}".`);
        setCell(db, planId, rowId, key, column.kind === 'agencies' ? mentionsFromText(db, planId, text) : text);
      }
    }
    db.prepare('INSERT INTO row_sources (row_id, file, department, taken_at) VALUES (?, ?, ?, ?) ON CONFLICT (row_id) DO UPDATE SET file = excluded.file, department = excluded.department, taken_at = excluded.taken_at')
      .run(rowId, file, department, new Date().toISOString());
    return rowId;
  });
}

/** Where each taken row came from, by row id. */
export function rowSources(db: Db, planId: number): Record<number, RowSource> {
  const rows = db.prepare(
    `SELECT s.row_id, s.file, s.department, s.taken_at FROM row_sources s JOIN appendix_rows r ON r.id = s.row_id JOIN appendix_groups g ON g.id = r.group_id WHERE g.plan_id = ?`,
  ).all(planId) as Array<{ row_id: number; file: string; department: string; taken_at: string }>;
  return Object.fromEntries(rows.map((r) => [r.row_id, { file: r.file, department: r.department, takenAt: r.taken_at }]));
}
