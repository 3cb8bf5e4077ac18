/**
 * Footnotes on a body paragraph (model v2): a footnote belongs to the run its reference mark follows, so
 * inserting one at the caret splits the run there — the words before the caret keep the new footnote, the
 * words after it keep the run's emphasis (and the run's old footnote, whose mark stays where it was).
 * Pure functions over runs: the caller sends the result as one `updateBodyNode` edit (one undo step).
 */
import type { RichText } from '../../../../../electron/core/model/types';

/**
 * The runs with a footnote `note` inserted after character `at` of run `i`. At the very start of a run the
 * mark goes after the run before it (a mark follows words); at the start of the paragraph, or where that
 * place already has a footnote, there is no place for it: null. `note` is trimmed; empty: null.
 */
export function insertFootnote(runs: RichText, i: number, at: number, note: string): RichText | null {
  const text = note.normalize('NFC').trim();
  const run = runs[i];
  if (!text || !run) return null;
  const pos = Math.max(0, Math.min(at, run.text.length));
  if (pos === 0) {
    const before = runs[i - 1];
    if (!before || before.footnote?.trim()) return null;
    return runs.map((r, j) => (j === i - 1 ? { ...r, footnote: text } : r));
  }
  if (pos === run.text.length) {
    if (run.footnote?.trim()) return null;
    return runs.map((r, j) => (j === i ? { ...r, footnote: text } : r));
  }
  const { footnote: old, ...style } = run;
  const head = { ...style, text: run.text.slice(0, pos), footnote: text };
  const tail = { ...style, text: run.text.slice(pos), ...(old ? { footnote: old } : {}) };
  return [...runs.slice(0, i), head, tail, ...runs.slice(i + 1)];
}

/**
 * The runs with run `i`'s footnote text replaced (`note` non-empty) or removed (`note` null or empty). Removing
 * leaves the run split where the mark was; the texts are unchanged.
 */
export function setFootnote(runs: RichText, i: number, note: string | null): RichText {
  const text = note?.normalize('NFC').trim() ?? '';
  return runs.map((r, j) => {
    if (j !== i) return r;
    if (text) return { ...r, footnote: text };
    const { footnote: _drop, ...rest } = r;
    void _drop;
    return rest;
  });
}

/** The indexes of the runs that carry a footnote, in reading order (their marks are numbered 1, 2 … in that order). */
export function footnoteRuns(runs: RichText): number[] {
  return runs.flatMap((r, i) => (r.footnote?.trim() ? [i] : []));
}
