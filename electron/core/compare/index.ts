/**
 * Compares two versions of a plan: appendix rows added, removed, moved or changed (with a word-level diff
 * of each changed cell), and changes to the Decision, the Plan's fields and its body paragraphs.
 * Snapshots carry no row ids, so rows are matched by their text: identical first, then the most similar.
 */
import type { AppendixRow, ColumnDef, PlanPackage } from '../model/types';
import { cellText, foldForSearch, plainText } from '../model/text';
import { siblingLabels } from '../model/numbering';
import { allRows } from '../model/rows';
import type { BodyNode } from '../model/types';
import { diffWords, similarity, type WordOp } from '../model/word-diff';
import type { RowStatus, RowChange, TextChange, Comparison } from '../model/comparison';
export type { Comparison } from '../model/comparison';

/** Matching threshold: below this share of common words two rows are different tasks. */
export const ROW_MATCH_THRESHOLD = 0.6;

interface FlatRow {
  number: number;
  group: string;
  texts: Record<string, string>;
  key: string;
}

function flatRows(pkg: PlanPackage): FlatRow[] {
  const out: FlatRow[] = [];
  let n = 0;
  const taskKey = pkg.appendix.columns.find((c) => c.role === 'task')?.key ?? pkg.appendix.columns.find((c) => c.kind === 'text')?.key ?? '';
  // Every row of the tree (model v2: objectives, tasks and activities each on their own), depth first.
  for (const { row: r, group } of allRows(pkg.appendix.groups)) {
    n++;
    const texts: Record<string, string> = {};
    for (const c of pkg.appendix.columns) if (c.kind !== 'number') texts[c.key] = cellText(r.cells[c.key], pkg.agencies);
    // A row without task text (an objective, an activity) is known by its first text.
    const key = texts[taskKey] || Object.values(texts).find((t) => t.trim() !== '') || '';
    out.push({ number: n, group: pkg.appendix.groups[group].title, texts, key });
  }
  return out;
}

function cellDiffs(a: FlatRow, b: FlatRow): Record<string, WordOp[]> {
  const out: Record<string, WordOp[]> = {};
  for (const key of new Set([...Object.keys(a.texts), ...Object.keys(b.texts)])) {
    const x = a.texts[key] ?? '';
    const y = b.texts[key] ?? '';
    if (x !== y) out[key] = diffWords(x, y);
  }
  return out;
}

function compareRows(before: PlanPackage, after: PlanPackage): RowChange[] {
  const a = flatRows(before);
  const b = flatRows(after);
  const matchOf = new Map<number, number>(); // index in b → index in a
  const usedA = new Set<number>();
  // Pass 1: identical task text, in order.
  const byText = new Map<string, number[]>();
  a.forEach((r, i) => byText.set(r.key, [...(byText.get(r.key) ?? []), i]));
  b.forEach((r, j) => {
    const candidates = byText.get(r.key);
    const i = candidates?.find((x) => !usedA.has(x));
    if (i !== undefined) {
      matchOf.set(j, i);
      usedA.add(i);
    }
  });
  // Pass 2: the most similar remaining row above the threshold.
  b.forEach((r, j) => {
    if (matchOf.has(j)) return;
    let best = -1;
    let bestScore = ROW_MATCH_THRESHOLD;
    a.forEach((x, i) => {
      if (usedA.has(i)) return;
      const s = similarity(x.key, r.key);
      if (s >= bestScore) {
        best = i;
        bestScore = s;
      }
    });
    if (best >= 0) {
      matchOf.set(j, best);
      usedA.add(best);
    }
  });
  // A row "moved" when its place relative to the other matched rows changed (not merely renumbered).
  const matched = [...matchOf.entries()].sort((x, y) => x[0] - y[0]);
  const stable = longestIncreasing(matched.map(([, i]) => i));
  const changes: RowChange[] = [];
  b.forEach((r, j) => {
    const i = matchOf.get(j);
    if (i === undefined) {
      changes.push({ status: 'added', after: { number: r.number, group: r.group }, cells: {} });
      return;
    }
    const x = a[i];
    const cells = cellDiffs(x, r);
    const moved = !stable.has(i) || x.group !== r.group;
    const status: RowStatus = moved ? 'moved' : Object.keys(cells).length ? 'changed' : 'same';
    changes.push({ status, before: { number: x.number, group: x.group }, after: { number: r.number, group: r.group }, cells, score: similarity(x.key, r.key) });
  });
  a.forEach((x, i) => {
    if (!usedA.has(i)) changes.push({ status: 'removed', before: { number: x.number, group: x.group }, cells: {} });
  });
  return changes;
}

/** The set of values in a longest increasing subsequence: rows that kept their relative order. */
function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const prev: number[] = new Array(values.length).fill(-1);
  values.forEach((v, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    tailIndex[lo] = k;
    prev[k] = lo > 0 ? tailIndex[lo - 1] : -1;
  });
  const out = new Set<number>();
  for (let k = tailIndex[tails.length - 1] ?? -1; k >= 0; k = prev[k]) out.add(values[k]);
  return out;
}

function fieldTexts(pkg: PlanPackage): Map<string, string> {
  const out = new Map<string, string>();
  const put = (place: string, text: string) => out.set(place, text);
  put('title', pkg.title);
  put('year', String(pkg.year));
  for (const [k, v] of Object.entries(pkg.issuer)) put(`issuer.${k}`, v);
  const issuance = pkg.decision ?? pkg.plan.issuance;
  const base = pkg.decision ? 'decision' : 'plan.issuance';
  if (issuance) {
    put(`${base}.number`, issuance.number);
    put(`${base}.symbol`, issuance.symbol);
    put(`${base}.date`, issuance.date ?? '');
    for (const [k, v] of Object.entries(issuance.signer)) put(`${base}.signer.${k}`, v);
    issuance.recipients.forEach((r, i) => put(`${base}.recipients[${i}]`, r));
  }
  if (pkg.decision) {
    put('decision.summary', pkg.decision.summary);
    put('decision.authority', pkg.decision.authority);
    put('decision.proposal', pkg.decision.proposal);
    pkg.decision.legalBases.forEach((l, i) => put(`decision.legalBases[${i}]`, l));
    pkg.decision.articles.forEach((a, i) => put(`decision.articles[${i}]`, plainText(a)));
  }
  put('plan.summary', pkg.plan.summary);
  put('appendix.title', pkg.appendix.title);
  return out;
}

function compareFields(before: PlanPackage, after: PlanPackage): TextChange[] {
  const a = fieldTexts(before);
  const b = fieldTexts(after);
  const changes: TextChange[] = [];
  for (const place of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(place) ?? '';
    const y = b.get(place) ?? '';
    if (x !== y) changes.push({ place, diff: diffWords(x, y) });
  }
  return changes;
}

/** Body paragraphs as "I.1.a)" labels with their text, in reading order. */
function bodyTexts(nodes: BodyNode[], prefix = ''): Array<[string, string]> {
  const labels = siblingLabels(nodes);
  return nodes.flatMap((n, i) => {
    const label = `${prefix}${labels[i] || '¶'}`;
    return [[label, plainText(n.text)] as [string, string], ...bodyTexts(n.children, `${label} `)];
  });
}

/** Paragraphs are matched by their place in the outline (I. 2. a)): what changed there, what appeared, what went. */
function compareBody(before: PlanPackage, after: PlanPackage): TextChange[] {
  const a = new Map(bodyTexts(before.plan.body));
  const b = new Map(bodyTexts(after.plan.body));
  const changes: TextChange[] = [];
  for (const [label, text] of b) {
    const old = a.get(label);
    if (old !== text) changes.push({ place: label, diff: diffWords(old ?? '', text) });
  }
  for (const [label, text] of a) if (!b.has(label)) changes.push({ place: label, diff: diffWords(text, '') });
  return changes;
}

/**
 * `before`'s column keys → `after`'s, for two plans that key their columns differently (last year's import and
 * this year's draft): the same key meaning the same column (same role or caption), then the same role, then the
 * same caption (ignoring case and marks), then the same key. A column with no counterpart keeps its own key.
 */
function columnKeys(before: readonly ColumnDef[], after: readonly ColumnDef[]): Map<string, string> {
  const fold = (c: ColumnDef) => foldForSearch(c.caption);
  const map = new Map<string, string>();
  const used = new Set<string>();
  const tests: Array<(a: ColumnDef, b: ColumnDef) => boolean> = [
    (a, b) => a.key === b.key && ((a.role ?? null) === (b.role ?? null) || fold(a) === fold(b)),
    (a, b) => a.role != null && a.role === b.role,
    (a, b) => fold(a) === fold(b),
    (a, b) => a.key === b.key,
  ];
  for (const test of tests) {
    for (const a of before) {
      if (map.has(a.key)) continue;
      const b = after.find((c) => !used.has(c.key) && c.kind === a.kind && test(a, c)) ?? after.find((c) => !used.has(c.key) && test(a, c));
      if (b) {
        map.set(a.key, b.key);
        used.add(b.key);
      }
    }
  }
  for (const a of before) if (!map.has(a.key)) map.set(a.key, used.has(a.key) ? `${a.key}~` : a.key);
  return map;
}

function rekeyed(row: AppendixRow, keys: Map<string, string>): AppendixRow {
  const cells = Object.fromEntries(Object.entries(row.cells).map(([k, v]) => [keys.get(k) ?? k, v]));
  return row.children ? { ...row, cells, children: row.children.map((c) => rekeyed(c, keys)) } : { ...row, cells };
}

/** `before` with its appendix columns keyed as `after` keys them (see columnKeys), and every key's caption. */
function aligned(before: PlanPackage, after: PlanPackage): { before: PlanPackage; captions: Record<string, string> } {
  const keys = columnKeys(before.appendix.columns, after.appendix.columns);
  const captions: Record<string, string> = {};
  for (const c of before.appendix.columns) captions[keys.get(c.key)!] = c.caption;
  for (const c of after.appendix.columns) captions[c.key] = c.caption;
  const same = [...keys].every(([a, b]) => a === b);
  if (same) return { before, captions };
  return {
    before: {
      ...before,
      appendix: {
        ...before.appendix,
        columns: before.appendix.columns.map((c) => ({ ...c, key: keys.get(c.key)! })),
        groups: before.appendix.groups.map((g) => ({ ...g, rows: g.rows.map((r) => rekeyed(r, keys)) })),
      },
    },
    captions,
  };
}

/**
 * Two packages compared: rows, fields and body paragraphs. Any two packages: two versions of one plan, or two
 * plans (last year's and this year's), whose columns are matched by aligned() first.
 */
export function comparePackages(earlier: PlanPackage, after: PlanPackage): Comparison {
  const { before, captions } = aligned(earlier, after);
  const rows = compareRows(before, after);
  const counts: Record<RowStatus, number> = { same: 0, added: 0, removed: 0, moved: 0, changed: 0 };
  for (const r of rows) counts[r.status]++;
  return { rows, fields: compareFields(before, after), body: compareBody(before, after), counts, captions };
}
