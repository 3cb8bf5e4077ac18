/**
 * A department's rows held against the plan's appendix: which are new, which the plan already has, and
 * which change a row of it — by text similarity, with the score and the word diff of what differs. Sub-rows
 * (model v2) are proposed too, each naming its parent's proposal and the plan's row that parent matches.
 */
import type { Agency, Appendix, PlanPackage } from '../model/types';
import { cellText, foldForSearch } from '../model/text';
import { allRows, rowLabels } from '../model/rows';
import type { AppendixRow } from '../model/types';
import { diffWords, similarity, type WordOp } from '../model/word-diff';
import { ROW_MATCH_THRESHOLD } from '../compare';
import type { Proposal } from '../model/merge';
import { readAgencyCell, takenText } from '../model/merge-take';
export type { Proposal } from '../model/merge';

interface TextRow {
  id?: number;
  number: number;
  label: string;
  group: string;
  texts: Record<string, string>;
  /** What rows are matched by: the task text, else (an objective, an activity) the first text cell, else all its texts. */
  task: string;
  /** Index in the list of the row's parent (v2 sub-rows), -1 at the top. */
  parent: number;
}

/** Every row of the appendix (sub-rows after their parent), numbered 1 … n, with its STT label and its parent. */
function textRows(appendix: Appendix, agencies: readonly Agency[]): TextRow[] {
  const task = appendix.columns.find((c) => c.role === 'task')?.key;
  const labels = rowLabels(appendix);
  const visits = allRows(appendix.groups);
  // A row with no task text (an objective, an activity of a framework) is known by its first text cell.
  const textColumns = appendix.columns.filter((c) => c.kind === 'text' && c.role !== 'deadline' && c.role !== 'note');
  const firstText = (r: AppendixRow) => textColumns.map((c) => cellText(r.cells[c.key], agencies)).find(Boolean) ?? '';
  const at = new Map<AppendixRow, number>(visits.map((v, i) => [v.row, i]));
  return visits.map(({ row: r, group, parent }, i) => {
    const texts: Record<string, string> = {};
    for (const c of appendix.columns) if (c.kind !== 'number') texts[c.caption] = cellText(r.cells[c.key], agencies);
    const taskText = task ? cellText(r.cells[task], agencies) : '';
    return {
      id: r.id,
      number: i + 1,
      label: labels.get(r) ?? '',
      group: appendix.groups[group].title,
      texts,
      task: taskText || firstText(r) || Object.values(texts).filter(Boolean).join(' '),
      parent: parent ? (at.get(parent) ?? -1) : -1,
    };
  });
}

/**
 * Incoming caption → our column key: same role first, then the same caption ignoring case and marks. Each of our
 * columns takes one incoming column at most (a second one for it stays unplaced, never overwrites the first).
 */
function columnMap(ours: Appendix, theirs: Appendix): Map<string, string> {
  const fold = (t: string) => foldForSearch(t);
  const map = new Map<string, string>();
  const used = new Set<string>();
  const free = (o: Appendix['columns'][number]) => o.kind !== 'number' && !used.has(o.key);
  for (const c of theirs.columns) {
    if (c.kind === 'number') continue;
    const match = (c.role && ours.columns.find((o) => free(o) && o.role === c.role)) || ours.columns.find((o) => free(o) && fold(o.caption) === fold(c.caption));
    if (match) {
      map.set(c.caption, match.key);
      used.add(match.key);
    }
  }
  return map;
}

/**
 * One proposal per incoming row (sub-rows included, after their parent), in the file's order: `new` below the
 * match threshold, else `same` or `changed` with the plan's best-matching row and the word diff per caption.
 */
export function proposalsAgainst(pkg: PlanPackage, incoming: Appendix, incomingAgencies: readonly Agency[]): Proposal[] {
  const ours = textRows(pkg.appendix, pkg.agencies);
  const keys = columnMap(pkg.appendix, incoming);
  const cellsOf = (texts: Record<string, string>) =>
    Object.fromEntries(Object.entries(texts).filter(([caption]) => keys.has(caption)).map(([caption, text]) => [keys.get(caption)!, text]));
  // What the file holds in columns the plan has not: shown with the proposal, placed only by the drafter.
  const unplacedOf = (texts: Record<string, string>) => {
    const out = Object.fromEntries(Object.entries(texts).filter(([caption, text]) => !keys.has(caption) && text.trim() !== ''));
    return Object.keys(out).length ? { unplaced: out } : {};
  };
  // An agency cell is compared as the take would write it: "Sở Tư Pháp" is the plan's Sở Tư pháp, not a change.
  const agencyColumns = new Set(pkg.appendix.columns.filter((c) => c.kind === 'agencies').map((c) => c.key));
  const asTaken = (caption: string, text: string) => {
    const key = keys.get(caption);
    return key && agencyColumns.has(key) && text ? takenText(readAgencyCell(text, pkg.agencies)) : text;
  };
  const theirs = textRows(incoming, incomingAgencies);
  const matched: Array<TextRow | null> = [];
  return theirs.map((row, index): Proposal => {
    // A sub-row names its parent's proposal, and the plan's row that parent matches: taken under it, the tree stays.
    const parentMatch = row.parent >= 0 ? matched[row.parent] : null;
    const parent = row.parent >= 0 ? { parent: { proposal: row.parent, ...(parentMatch?.id !== undefined ? { rowId: parentMatch.id } : {}) } } : {};
    let best: TextRow | null = null;
    let bestScore = 0;
    let bestRank = 0;
    // Equal scores (the similarity weighs words, so `1.2` and `2.1` score alike): the same text first, then a row
    // under the row the incoming parent matched.
    const rank = (candidate: TextRow) =>
      (candidate.task === row.task ? 2 : 0) + (parentMatch && candidate.parent >= 0 && ours[candidate.parent] === parentMatch ? 1 : 0);
    for (const candidate of ours) {
      const score = similarity(candidate.task, row.task);
      if (score < bestScore) continue;
      const r = rank(candidate);
      if (score > bestScore || r > bestRank) {
        best = candidate;
        bestScore = score;
        bestRank = r;
      }
    }
    if (!best || bestScore < ROW_MATCH_THRESHOLD) {
      matched[index] = null;
      return { status: 'new', number: row.number, label: row.label, group: row.group, texts: row.texts, cells: cellsOf(row.texts), ...unplacedOf(row.texts), ...parent };
    }
    matched[index] = best;
    const diffs: Record<string, WordOp[]> = {};
    for (const caption of Object.keys(row.texts)) {
      const theirs = asTaken(caption, row.texts[caption] ?? '');
      // Our text in the column the caption is taken into (the file may call it otherwise: "Cơ quan thực hiện").
      const ourCaption = pkg.appendix.columns.find((c) => c.key === keys.get(caption))?.caption;
      const mine = ourCaption !== undefined ? best.texts[ourCaption] ?? '' : '';
      if (theirs !== mine) diffs[caption] = diffWords(mine, theirs);
    }
    return {
      status: Object.keys(diffs).length ? 'changed' : 'same',
      number: row.number,
      label: row.label,
      group: row.group,
      texts: row.texts,
      cells: cellsOf(row.texts),
      ...unplacedOf(row.texts),
      ...parent,
      match: { number: best.number, label: best.label, group: best.group, rowId: best.id, score: Math.round(bestScore * 100) / 100, diffs },
    };
  });
}
