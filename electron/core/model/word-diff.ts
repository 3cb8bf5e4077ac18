/** Word-level diff: the changed words of a cell or paragraph, for the compare view. */
import type { WordOp } from './comparison';
export type { WordOp } from './comparison';

/** Splits into words, spaces and punctuation, so joining the tokens gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu) ?? [];
}

/**
 * Readable diffs: a lone space kept "the same" between two changes is folded into them, and each run of
 * changes reads as all that was removed, then all that was added ("Thường xuyên" → "Quý II/2024").
 */
function cleanUp(ops: WordOp[]): WordOp[] {
  const out: WordOp[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ op: 'removed', text: removed });
    if (added) out.push({ op: 'added', text: added });
    removed = added = '';
  };
  ops.forEach((o, i) => {
    const between = o.op === 'same' && /^\s+$/.test(o.text) && i > 0 && i < ops.length - 1 && ops[i + 1].op !== 'same' && (removed || added);
    if (o.op === 'removed' || between) removed += o.text;
    if (o.op === 'added' || between) added += o.text;
    if (o.op === 'same' && !between) {
      flush();
      out.push({ ...o });
    }
  });
  flush();
  return out;
}

/** LCS over tokens; texts of a cell are short (a few hundred words), so the quadratic table is fine. */
export function diffWords(before: string, after: string): WordOp[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const ops: WordOp[] = [];
  const push = (op: WordOp['op'], text: string) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('same', a[i]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) push('removed', a[i++]);
    else push('added', b[j++]);
  }
  while (i < n) push('removed', a[i++]);
  while (j < m) push('added', b[j++]);
  return cleanUp(ops);
}

/** Share of words two texts have in common (0..1), on folded words: a cheap similarity for matching rows. */
export function similarity(a: string, b: string): number {
  const words = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wa = words(a);
  const wb = words(b);
  if (!wa.length && !wb.length) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}
