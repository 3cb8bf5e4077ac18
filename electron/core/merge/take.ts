/**
 * Taking a department's proposal into the plan: as a new row, or over the row it changes. The row then
 * remembers which file and department it came from (row_sources), and the whole take is one undo step.
 */
import type { Db } from '../store/open';
import { UserError } from '../errors';
import { addAgency, insertAppendixRow, insertRows, planEdit, setCell } from '../store/edits';
import { loadPlan } from '../store/plans';
import { nfc, slug } from '../model/text';
import type { Agency, Appendix, CellValue, Mention } from '../model/types';
import { readAgencyCell } from '../model/merge-take';
import { isCertain, matchAgency } from '../model/agency-match';
import { allRows, planPeriod } from '../model/rows';
import { proposalsAgainst } from './proposals';
import type { AgencyChoice, RowSource, TakeTarget, MergeFile } from '../model/merge';
import type { ImportReport } from '../model/import-report';
import type { CodedMessage } from '../model/messages';
export type { AgencyChoice, RowSource, TakeTarget, MergeFile } from '../model/merge';

function guessDepartment(fileName: string, appendix: Appendix, agencies: readonly Agency[], directory: readonly Agency[]): string {
  const base = slug(fileName.replace(/\.[^.]+$/, ''));
  const lead = appendix.columns.find((c) => c.role === 'lead')?.key;
  const counts = new Map<string, number>();
  if (lead) {
    for (const { row: r } of allRows(appendix.groups)) {
      const first = Array.isArray(r.cells[lead]) ? (r.cells[lead] as Array<{ agency: string }>)[0] : undefined;
      if (first) counts.set(first.agency, (counts.get(first.agency) ?? 0) + 1);
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const named = agencies.find((a) => slug(a.name) === base)?.name ?? (best ? agencies.find((a) => a.key === best[0])?.name : undefined);
  if (!named) return fileName.replace(/\.[^.]+$/, '');
  // Written as the plan's directory writes it, when that is certain ("Sở Tư Pháp" → Sở Tư pháp).
  const match = matchAgency(named, directory);
  return isCertain(match) ? match.agency.name : named;
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
  const proposals = proposalsAgainst(pkg, appendix, agencies);
  // The file's columns the plan has no column for, in the file's order: the desk asks where each goes.
  const unplaced = new Set(proposals.flatMap((p) => Object.keys(p.unplaced ?? {})));
  const unplacedColumns = [...new Set(appendix.columns.map((c) => c.caption))].filter((c) => unplaced.has(c));
  return { fileName, department: guessDepartment(fileName, appendix, agencies, pkg.agencies), warnings, ...(report ? { report } : {}), proposals, unplacedColumns, otherYear };
}

/**
 * The mentions an agency cell of a taken row gets: each agency the department wrote, as the directory entry it
 * certainly names ("Sở Tư Pháp" is Sở Tư pháp), or as the drafter settled it in `choices` (an abbreviation
 * confirmed, another entry picked, or a new entry added — the only way a take adds one). Throws
 * `merge.agencyUnsettled` naming every spelling still unsettled, before anything is written.
 */
function takenMentions(db: Db, planId: number, text: string, choices: Readonly<Record<string, AgencyChoice>>): Mention[] {
  const directory = db.prepare('SELECT key, name FROM agencies WHERE plan_id = ? ORDER BY id').all(planId) as Agency[];
  const readings = readAgencyCell(text, directory, choices);
  const unsettled = readings.filter((r) => !r.taken).map((r) => r.spelling);
  if (unsettled.length) {
    throw UserError.coded('merge.agencyUnsettled', { names: unsettled.join('; ') }, `Say which agency of the directory each of these is, or add it: ${unsettled.join('; ')}.`);
  }
  return readings.map((r) => ({ agency: 'agency' in r.taken! ? r.taken.agency.key : addAgency(db, planId, (r.taken as { add: string }).add), after: r.after }));
}

/**
 * Takes one proposal (its cells, possibly edited by the drafter) into the plan: a new row at the target's place
 * (v2: under the target's `parentId`, a row of the same group, so a department's sub-row keeps its parent), or
 * its cells over the row it changes. Agency cells are matched to the directory (takenMentions, with the drafter's
 * `agencies` choices by spelling). Returns the row id. Throws UserError for a row or column not in the plan, or
 * an agency not settled; nothing is written then.
 */
export function takeProposal(
  db: Db,
  planId: number,
  target: TakeTarget,
  cells: Record<string, string>,
  source: { file: string; department: string },
  agencies: Readonly<Record<string, AgencyChoice>> = {},
): number {
  const file = nfc(source.file).trim();
  const department = nfc(source.department).trim();
  if (!file || !department) throw UserError.coded('merge.needsSource', {}, 'Say which file and department the row comes from.');
  return planEdit(db, planId, 'takeProposal', () => {
    const columns = loadPlan(db, planId).pkg.appendix.columns;
    const converted: Record<string, CellValue> = {};
    for (const [key, text] of Object.entries(cells)) {
      const column = columns.find((c) => c.key === key);
      if (!column) throw UserError.coded('column.notFound', { key }, `The appendix has no column "${key}".`);
      converted[key] = column.kind === 'agencies' ? takenMentions(db, planId, text, agencies) : text;
    }
    let rowId: number;
    if (target.kind === 'new' && target.parentId !== undefined) {
      rowId = insertAppendixRow(db, planId, target.groupId, target.index, converted, target.parentId);
    } else if (target.kind === 'new') {
      [rowId] = insertRows(db, planId, target.groupId, target.index, [converted]);
    } else {
      rowId = target.rowId;
      for (const [key, value] of Object.entries(converted)) setCell(db, planId, rowId, key, value);
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
