import type { BodyKind, BodyNode } from './types';

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

/** The label the program prints before a body node, given its index among same-kind siblings. */
export function bodyLabel(kind: BodyKind, index: number): string {
  switch (kind) {
    case 'part':
      return `${toRoman(index + 1)}.`;
    case 'item':
      return `${index + 1}.`;
    case 'point':
      return `${pointLetter(index)})`;
    case 'dash':
      return '-';
    case 'plus':
      return '+';
    case 'paragraph':
      return '';
  }
}

/** Labels of a sibling list: each kind counts on its own (a paragraph between items does not break 1., 2.). */
export function siblingLabels(nodes: readonly Pick<BodyNode, 'kind'>[]): string[] {
  const counts = new Map<BodyKind, number>();
  return nodes.map((node) => {
    const index = counts.get(node.kind) ?? 0;
    counts.set(node.kind, index + 1);
    return bodyLabel(node.kind, index);
  });
}

/** STT numbers of appendix rows, continuous across groups: [[1,2,3],[4,5],…]. */
export function rowNumbers(groups: readonly { rows: readonly unknown[] }[]): number[][] {
  let next = 1;
  return groups.map((g) => g.rows.map(() => next++));
}
