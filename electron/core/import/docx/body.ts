/**
 * The Plan body: paragraphs → a tree of BodyNodes by their labels (`I.` part, `1.` item, `a)` point,
 * `-` dash, `+` plus, none → paragraph) or by Word's automatic numbering, the label removed and the
 * emphasis kept as runs relative to the node's own style, the way the exporter and the exchange file
 * treat it: a heading's bold is `heading: true`, not a flag on each run; a run says `bold: false` only
 * where it differs from its heading, `bold: true` / `italic: true` where it differs from plain text.
 */
import type { BodyKind, BodyNode, RichText, Run } from '../../model/types';
import { POINT_LETTERS, fromRoman } from '../../model/numbering';
import type { Para, TextRun } from './wordml';

const RANK: Record<BodyKind, number> = { part: 0, item: 1, point: 2, dash: 3, plus: 4, paragraph: 5 };

export interface Labelled {
  kind: BodyKind;
  /** 1-based number of a numbered label (`III.` → 3, `2.` → 2, `b)` → 2); null for `-`, `+` and none. */
  n: number | null;
  /** Whether the label (or, without one, the text's first letter) is bold. */
  labelBold: boolean;
  /** The runs with the label removed and the text trimmed. */
  runs: TextRun[];
}

/** Drops the first `count` characters from runs. */
export function dropChars(runs: readonly TextRun[], count: number): TextRun[] {
  const out: TextRun[] = [];
  let rest = count;
  for (const r of runs) {
    if (rest >= r.text.length) {
      rest -= r.text.length;
      continue;
    }
    out.push({ ...r, text: r.text.slice(rest) });
    rest = 0;
  }
  return out;
}

/** Trims white space at both ends of a run list (tabs after a label count). */
function trimRuns(runs: readonly TextRun[]): TextRun[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length && out[0].text.replace(/^[\s\u00a0]+/u, '') === '') out.shift();
  if (out.length) out[0].text = out[0].text.replace(/^[\s\u00a0]+/u, '');
  while (out.length && out[out.length - 1].text.replace(/[\s\u00a0]+$/u, '') === '') out.pop();
  if (out.length) out[out.length - 1].text = out[out.length - 1].text.replace(/[\s\u00a0]+$/u, '');
  return out;
}

function firstBold(runs: readonly TextRun[]): boolean {
  for (const r of runs) if (/\S/.test(r.text)) return r.bold;
  return false;
}

const PART = /^([IVXLC]+)\.[ \t\u00a0]+/;
const ITEM = /^(\d{1,3})((?:\.\d{1,3})*)\.[ \t\u00a0]+(?=\S)/;
const POINT = /^([a-zđ])\)[ \t\u00a0]+/u;
const DASH = /^[-–—•][ \t\u00a0]+/u;
const PLUS = /^\+[ \t\u00a0]+/;

/** The kind a Word numbering format gives a paragraph. */
function kindOfNumbering(format: string, label: string): BodyKind {
  switch (format) {
    case 'upperRoman':
      return 'part';
    case 'decimal':
    case 'decimalZero':
      return 'item';
    case 'lowerLetter':
    case 'lowerRoman':
    case 'upperLetter':
      return 'point';
    case 'bullet':
      return label === '+' ? 'plus' : 'dash';
    default:
      return 'paragraph';
  }
}

/**
 * How typed decimal labels map to kinds. `nd30`: `1.` and `1.2.` are items (Nghị định 30's outline); `decimal`:
 * `1.` part, `1.1.` item, `1.1.1.` point (a body numbered in decimals throughout, as Hà Tĩnh's plans are);
 * `roman-decimal`: `I.` part, `1.` item, `1.1.` point.
 */
export type DecimalMode = 'nd30' | 'decimal' | 'roman-decimal';

const DECIMAL_KINDS: Record<DecimalMode, BodyKind[]> = {
  nd30: ['item', 'item', 'item', 'item'],
  decimal: ['part', 'item', 'point', 'point'],
  'roman-decimal': ['item', 'point', 'point', 'point'],
};

/**
 * The numbering a body's typed labels use: decimal outline labels (`1.1.`, `2.1.`) on at least two
 * paragraphs make it a decimal style, Roman over decimals when Roman parts are typed too.
 */
export function decimalModeOf(paras: readonly Para[]): DecimalMode {
  let dotted = 0;
  let roman = false;
  for (const p of paras) {
    if (p.num && p.num.label !== '') continue;
    const text = p.text.replace(/^[\s\u00a0]+/u, '');
    if (PART.test(text)) roman = true;
    const m = ITEM.exec(text);
    if (m && m[2]) dotted++;
  }
  if (dotted < 2) return 'nd30';
  return roman ? 'roman-decimal' : 'decimal';
}

/** A body paragraph's kind, number and runs without the label: by Word's numbering first, then the typed label. */
export function readLabel(p: Para, mode: DecimalMode = 'nd30'): Labelled {
  const runs = trimRuns(p.runs);
  if (p.num && p.num.label !== '') {
    const kind = kindOfNumbering(p.num.format, p.num.label);
    if (kind !== 'paragraph') {
      return { kind, n: kind === 'dash' || kind === 'plus' ? null : p.num.value, labelBold: firstBold(runs), runs };
    }
  }
  const text = runs.map((r) => r.text).join('');
  const cut = (m: RegExpExecArray, kind: BodyKind, n: number | null): Labelled => ({
    kind,
    n,
    labelBold: firstBold(runs),
    runs: trimRuns(dropChars(runs, m[0].length)),
  });
  let m: RegExpExecArray | null;
  if ((m = PART.exec(text))) {
    const n = fromRoman(m[1]);
    if (n !== null) return cut(m, 'part', n);
  }
  if ((m = ITEM.exec(text))) {
    // `1.2.` numbers an item inside item 1: its own number is the last one.
    const last = m[2] ? Number(m[2].split('.').pop()) : Number(m[1]);
    const depth = m[2] ? m[2].split('.').length : 1;
    return cut(m, DECIMAL_KINDS[mode][Math.min(depth, 4) - 1], last);
  }
  if ((m = POINT.exec(text))) {
    const i = POINT_LETTERS.indexOf(m[1]);
    return cut(m, 'point', i >= 0 ? i + 1 : null);
  }
  if ((m = DASH.exec(text))) return cut(m, 'dash', null);
  if ((m = PLUS.exec(text))) return cut(m, 'plus', null);
  return { kind: 'paragraph', n: null, labelBold: firstBold(runs), runs };
}

/**
 * Runs relative to the node's style: bold is the default of a heading, so only `bold: false` is kept
 * there; elsewhere only `bold: true`; italic only `italic: true`. Adjacent runs with the same flags are
 * joined; a run of spaces takes the flags of the run before it (Word often formats them differently).
 */
export function relativeRuns(runs: readonly TextRun[], heading: boolean): RichText {
  const out: Run[] = [];
  let prev: TextRun | null = null;
  for (const raw of runs) {
    if (raw.text === '') continue;
    const r: TextRun = prev && !/\S/.test(raw.text) ? { text: raw.text, bold: prev.bold, italic: prev.italic } : raw;
    prev = r;
    const run: Run = { text: r.text.replace(/\t/g, ' ') };
    if (r.bold !== heading) run.bold = r.bold;
    if (r.italic) run.italic = true;
    const last = out[out.length - 1];
    if (last && last.bold === run.bold && last.italic === run.italic) last.text += run.text;
    else out.push(run);
  }
  return out.map((r) => ({ ...r, text: r.text.normalize('NFC') }));
}

function endsWithColon(node: BodyNode): boolean {
  const text = node.text.map((r) => r.text).join('').trimEnd();
  return text.endsWith(':');
}

/**
 * Builds the tree. Where a node goes, from the last node placed upwards:
 * - a numbered node (`I.`, `1.`, `a)`) goes under the deepest open node of a higher kind (or a heading
 *   of its own kind, as `1. Cải cách thể chế` holds items 1–5) whose next number of that kind it is;
 *   with no such number, under the deepest open node of a higher kind;
 * - `-` and `+` go under the deepest open node of a higher kind;
 * - an unlabelled paragraph follows a paragraph as its sibling, goes under a heading or a node ending
 *   with `:` (it introduces what follows), and otherwise closes the lists: it goes under the nearest
 *   open part (or to the top). The document cannot say more: our export prints every body paragraph
 *   with the same indent, so this is the one case where the tree is read from the text alone.
 */
export class BodyBuilder {
  readonly roots: BodyNode[] = [];
  /** The path from the top to the last node placed. */
  private path: BodyNode[] = [];

  /** `mode`: how typed decimal labels map to kinds (decimalModeOf the body's paragraphs). */
  constructor(readonly mode: DecimalMode = 'nd30') {}

  add(p: Para): void {
    const l = readLabel(p, this.mode);
    if (l.runs.length === 0) return;
    const heading = l.kind === 'part' ? true : l.kind === 'paragraph' ? l.runs.every((r) => r.bold || !/\S/.test(r.text)) && l.runs.length > 0 : l.labelBold;
    const node: BodyNode = { kind: l.kind, heading, text: relativeRuns(l.runs, heading), children: [] };
    const depth = this.placeAt(node, l.n);
    const siblings = depth === 0 ? this.roots : this.path[depth - 1].children;
    siblings.push(node);
    this.path = [...this.path.slice(0, depth), node];
  }

  /** The depth of the parent (0 = the top) for a new node. */
  private placeAt(node: BodyNode, n: number | null): number {
    const path = this.path;
    const kids = (depth: number) => (depth === 0 ? this.roots : path[depth - 1].children);
    if (node.kind === 'paragraph') {
      const last = path[path.length - 1];
      if (!last) return 0;
      if (last.kind === 'paragraph') return path.length - 1;
      if (last.heading || endsWithColon(last)) return path.length;
      for (let d = path.length - 1; d >= 0; d--) if (path[d].kind === 'part') return d + 1;
      return 0;
    }
    const rank = RANK[node.kind];
    const accepts = (depth: number) => {
      if (depth === 0) return true;
      const parent = path[depth - 1];
      return RANK[parent.kind] < rank || (parent.kind === node.kind && parent.heading);
    };
    if (n !== null) {
      for (let d = path.length; d >= 0; d--) {
        if (!accepts(d)) continue;
        const count = kids(d).filter((k) => k.kind === node.kind).length;
        if (n === count + 1) return d;
      }
    }
    for (let d = path.length; d >= 0; d--) {
      if (d === 0 || RANK[path[d - 1].kind] < rank) return d;
    }
    return 0;
  }
}
