import type { BodyKind, BodyNode, BodyNumbering, LevelStyle } from './types';

const ROMAN: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1 → I, 7 → VII. */
export function toRoman(n: number): string {
  let out = '';
  let rest = n;
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** I → 1, vii → 7; null when the text is not a Roman numeral. */
export function fromRoman(text: string): number | null {
  const s = text.trim().toUpperCase();
  if (!/^[IVXLCDM]+$/.test(s)) return null;
  let n = 0;
  let i = 0;
  for (const [value, letters] of ROMAN) {
    while (s.startsWith(letters, i)) {
      n += value;
      i += letters.length;
    }
  }
  return i === s.length && toRoman(n) === s ? n : null;
}

/** Points go in Vietnamese alphabet order (Nghị định 30): a, b, c, d, đ, e, g, h, i, k … (no f, j, w, z). */
export const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

export function pointLetter(index: number): string {
  const base = POINT_LETTERS[index % POINT_LETTERS.length];
  const round = Math.floor(index / POINT_LETTERS.length);
  return round === 0 ? base : base + String(round + 1);
}

/** Nghị định 30's usual labels: `I.`, `1.`, `a)`, `-`, `+`. */
export const ND30_NUMBERING: Required<BodyNumbering> = {
  part: { format: 'roman', suffix: '.' },
  item: { format: 'decimal', suffix: '.' },
  point: { format: 'alpha', suffix: ')' },
  dash: { format: 'dash', suffix: '' },
  plus: { format: 'plus', suffix: '' },
};

/** The numbering styles a drafter can choose for a plan's body (the selector's list). */
export const BODY_NUMBERING_PRESETS = {
  /** `I.`, `1.`, `a)`, `-`, `+` (Nghị định 30's usual, the default). */
  nd30: ND30_NUMBERING,
  /** `1.`, `1.1.`, `1.1.1.`, `-`, `+` (decimal outline, as many provinces' plans number). */
  decimal: {
    part: { format: 'decimal', suffix: '.' },
    item: { format: 'decimal', path: true, suffix: '.' },
    point: { format: 'decimal', path: true, suffix: '.' },
    dash: { format: 'dash', suffix: '' },
    plus: { format: 'plus', suffix: '' },
  },
  /** `I.`, `1.`, `1.1.`, `-`, `+`: Roman parts over a decimal outline. */
  'roman-decimal': {
    part: { format: 'roman', suffix: '.' },
    item: { format: 'decimal', suffix: '.' },
    point: { format: 'decimal', path: true, suffix: '.' },
    dash: { format: 'dash', suffix: '' },
    plus: { format: 'plus', suffix: '' },
  },
  /** No labels at all (the text carries its own, or none is wanted). */
  none: {
    part: { format: 'none', suffix: '' },
    item: { format: 'none', suffix: '' },
    point: { format: 'none', suffix: '' },
    dash: { format: 'none', suffix: '' },
    plus: { format: 'none', suffix: '' },
  },
} as const satisfies Record<string, Required<BodyNumbering>>;
export type BodyNumberingPreset = keyof typeof BODY_NUMBERING_PRESETS;

/** The preset a numbering equals, or null for a custom one. Absent numbering is `nd30`. */
export function numberingPreset(numbering: BodyNumbering | null | undefined): BodyNumberingPreset | null {
  const full = { ...ND30_NUMBERING, ...(numbering ?? {}) };
  for (const [name, preset] of Object.entries(BODY_NUMBERING_PRESETS)) {
    const same = (Object.keys(ND30_NUMBERING) as Array<keyof BodyNumbering>).every((k) => {
      const a: LevelStyle = full[k];
      const b: LevelStyle = preset[k];
      return a.format === b.format && Boolean(a.path) === Boolean(b.path) && a.suffix === b.suffix;
    });
    if (same) return name as BodyNumberingPreset;
  }
  return null;
}

/** The style of one kind under a plan's numbering (ND30's when the plan does not say). */
export function levelStyle(kind: BodyKind, numbering?: BodyNumbering | null): LevelStyle {
  if (kind === 'paragraph') return { format: 'none', suffix: '' };
  return numbering?.[kind] ?? ND30_NUMBERING[kind];
}

/** One label: `format` of the 0-based `index`, with the decimal `path` of numbered ancestors when asked. */
export function formatLabel(style: LevelStyle, index: number, path: readonly number[] = []): string {
  switch (style.format) {
    case 'roman':
      return `${toRoman(index + 1)}${style.suffix}`;
    case 'decimal':
      return `${(style.path ? [...path, index + 1] : [index + 1]).join('.')}${style.suffix}`;
    case 'alpha':
      return `${pointLetter(index)}${style.suffix}`;
    case 'dash':
      return '-';
    case 'plus':
      return '+';
    case 'none':
      return '';
  }
}

/** The label the program prints before a body node (ND30 numbering), given its index among same-kind siblings. */
export function bodyLabel(kind: BodyKind, index: number): string {
  return formatLabel(levelStyle(kind), index);
}

/**
 * Labels of a sibling list: each kind counts on its own (a paragraph between items does not break 1., 2.).
 * `numbering` is the plan's style (default ND30); `path` the decimal numbers of the numbered ancestors
 * (from `childPath`), used by `path` styles (`1.1.`).
 */
export function siblingLabels(
  nodes: readonly Pick<BodyNode, 'kind'>[],
  numbering?: BodyNumbering | null,
  path: readonly number[] = [],
): string[] {
  const counts = new Map<BodyKind, number>();
  return nodes.map((node) => {
    const index = counts.get(node.kind) ?? 0;
    counts.set(node.kind, index + 1);
    return formatLabel(levelStyle(node.kind, numbering), index, path);
  });
}

/**
 * The decimal path the children of `nodes[i]` inherit: the parent's path plus the node's own number when
 * its style is decimal (so `1.` → children `1.1.`); unchanged otherwise (a Roman part does not enter `1.1.`).
 */
export function childPath(
  nodes: readonly Pick<BodyNode, 'kind'>[],
  i: number,
  numbering?: BodyNumbering | null,
  path: readonly number[] = [],
): number[] {
  const kind = nodes[i].kind;
  const style = levelStyle(kind, numbering);
  if (style.format !== 'decimal') return [...path];
  let index = 0;
  for (let j = 0; j < i; j++) if (nodes[j].kind === kind) index++;
  return style.path ? [...path, index + 1] : [index + 1];
}

/**
 * Every node's label in a body tree, depth first, under a plan's numbering: a map from node object to label.
 * The one place the body's labels are made for the DOCX, the preview and the editor.
 */
export function bodyLabels(body: readonly BodyNode[], numbering?: BodyNumbering | null): Map<BodyNode, string> {
  const out = new Map<BodyNode, string>();
  const walk = (nodes: readonly BodyNode[], path: readonly number[]): void => {
    const labels = siblingLabels(nodes, numbering, path);
    nodes.forEach((n, i) => {
      out.set(n, labels[i]);
      if (n.children.length) walk(n.children, childPath(nodes, i, numbering, path));
    });
  };
  walk(body, []);
  return out;
}

/**
 * STT numbers of the top-level appendix rows, continuous across groups from 1: [[1,2,3],[4,5],…].
 * The v1 rule; for the plan's own numbering style and sub-rows use `rowLabels` (rows.ts).
 */
export function rowNumbers(groups: readonly { rows: readonly unknown[] }[]): number[][] {
  let next = 1;
  return groups.map((g) => g.rows.map(() => next++));
}
