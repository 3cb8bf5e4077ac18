/**
 * One-click correction of a guessed agency split (the import report's "tách/gộp"): every agency cell of the
 * plan that the splitter cut from `printed` into `names` is joined back into one agency named as printed
 * ("gộp"), or, after that, cut again ("tách"). One transaction, one undo step; entries no cell names any
 * more after the change are removed from the directory.
 */
import { UserError } from '../errors';
import { cleanAgencyName, splitAgencies, splitContext } from '../model/agency-split';
import type { AppendixRow, Mention } from '../model/types';
import { addAgency, agencyUsage, planEdit, removeAgency, setCell } from '../store/edits';
import { loadPlan } from '../store/plans';
import type { Db } from '../store/open';

export type RegroupMode = 'join' | 'split';

function* walk(rows: readonly AppendixRow[]): Generator<AppendixRow> {
  for (const r of rows) {
    yield r;
    if (r.children) yield* walk(r.children);
  }
}

/**
 * Joins (`join`) the cells cut into exactly `names` back into one agency named `printed`, or splits (`split`)
 * the cells naming exactly that one agency into `names` again, with the separators as printed. Returns how
 * many cells changed. Throws UserError when no cell matches (the report is stale).
 */
export function regroupAgencies(db: Db, planId: number, printed: string, names: readonly string[], mode: RegroupMode): number {
  const pkg = loadPlan(db, planId).pkg;
  const byKey = new Map(pkg.agencies.map((a) => [a.key, a.name]));
  const joined = cleanAgencyName(printed);
  const agencyColumns = pkg.appendix.columns.filter((c) => c.kind === 'agencies').map((c) => c.key);
  const targets: Array<{ rowId: number; key: string }> = [];
  for (const g of pkg.appendix.groups) {
    for (const row of walk(g.rows)) {
      for (const key of agencyColumns) {
        const cell = (row.cells[key] ?? []) as Mention[];
        const cellNames = cell.map((m) => byKey.get(m.agency) ?? '');
        const matches =
          mode === 'join' ? cellNames.length === names.length && cellNames.every((n, i) => n === names[i]) : cellNames.length === 1 && cellNames[0] === joined;
        if (matches && row.id !== undefined) targets.push({ rowId: row.id, key });
      }
    }
  }
  if (targets.length === 0) {
    throw UserError.coded('agency.regroupNothing', { printed }, `No agency cell reads "${printed}" as ${mode === 'join' ? 'several agencies' : 'one agency'} any more.`);
  }
  const parts = splitAgencies(printed, splitContext()).parts;
  const afters = parts.length === names.length ? parts.map((p) => p.after) : names.map((_, i) => (i < names.length - 1 ? '; ' : ''));
  return planEdit(db, planId, 'regroupAgencies', () => {
    const value = (): Mention[] =>
      mode === 'join' ? [{ agency: addAgency(db, planId, joined), after: '' }] : names.map((n, i) => ({ agency: addAgency(db, planId, n), after: afters[i] }));
    for (const t of targets) setCell(db, planId, t.rowId, t.key, value());
    // What the change left unnamed goes from the directory.
    const left = new Set(mode === 'join' ? names : [joined]);
    for (const a of agencyUsage(db, planId)) if (a.total === 0 && left.has(a.name)) removeAgency(db, planId, a.key);
    return targets.length;
  });
}
