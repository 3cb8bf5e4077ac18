/**
 * A department's rows held against the plan's appendix: which are new, which the plan already has, and
 * which change a row of it — by text similarity, with the score and the word diff of what differs.
 */
import type { Agency, Appendix, PlanPackage } from '../model/types';
import { cellText, foldForSearch } from '../model/text';
import { rowNumbers } from '../model/numbering';
import { diffWords, similarity, type WordOp } from '../compare/words';
import { ROW_MATCH_THRESHOLD } from '../compare';
import type { Proposal } from '../model/merge';
export type { Proposal } from '../model/merge';

interface TextRow {
  id?: number;
  number: number;
  group: string;
  texts: Record<string, string>;
  task: string;
}

function textRows(appendix: Appendix, agencies: readonly Agency[]): TextRow[] {
  const numbers = rowNumbers(appendix.groups);
  const task = appendix.columns.find((c) => c.role === 'task')?.key;
  return appendix.groups.flatMap((g, gi) =>
    g.rows.map((r, ri) => {
      const texts: Record<string, string> = {};
      for (const c of appendix.columns) if (c.kind !== 'number') texts[c.caption] = cellText(r.cells[c.key], agencies);
      return { id: r.id, number: numbers[gi][ri], group: g.title, texts, task: task ? cellText(r.cells[task], agencies) : Object.values(texts).join(' ') };
    }),
  );
}

/** Incoming caption → our column key: same role first, then the same caption ignoring case and marks. */
function columnMap(ours: Appendix, theirs: Appendix): Map<string, string> {
  const fold = (t: string) => foldForSearch(t);
  const map = new Map<string, string>();
  for (const c of theirs.columns) {
    if (c.kind === 'number') continue;
    const match = (c.role && ours.columns.find((o) => o.role === c.role)) || ours.columns.find((o) => o.kind !== 'number' && fold(o.caption) === fold(c.caption));
    if (match) map.set(c.caption, match.key);
  }
  return map;
}

export function proposalsAgainst(pkg: PlanPackage, incoming: Appendix, incomingAgencies: readonly Agency[]): Proposal[] {
  const ours = textRows(pkg.appendix, pkg.agencies);
  const keys = columnMap(pkg.appendix, incoming);
  const cellsOf = (texts: Record<string, string>) =>
    Object.fromEntries(Object.entries(texts).filter(([caption]) => keys.has(caption)).map(([caption, text]) => [keys.get(caption)!, text]));
  return textRows(incoming, incomingAgencies).map((row): Proposal => {
    let best: TextRow | null = null;
    let bestScore = 0;
    for (const candidate of ours) {
      const score = similarity(candidate.task, row.task);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (!best || bestScore < ROW_MATCH_THRESHOLD) return { status: 'new', number: row.number, group: row.group, texts: row.texts, cells: cellsOf(row.texts) };
    const diffs: Record<string, WordOp[]> = {};
    for (const caption of Object.keys(row.texts)) {
      const theirs = row.texts[caption] ?? '';
      const mine = best.texts[caption] ?? '';
      if (theirs !== mine) diffs[caption] = diffWords(mine, theirs);
    }
    return {
      status: Object.keys(diffs).length ? 'changed' : 'same',
      number: row.number,
      group: row.group,
      texts: row.texts,
      cells: cellsOf(row.texts),
      match: { number: best.number, group: best.group, rowId: best.id, score: Math.round(bestScore * 100) / 100, diffs },
    };
  });
}
