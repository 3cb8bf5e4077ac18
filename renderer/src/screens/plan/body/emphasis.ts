/**
 * Bold and italic on a selection, as a word processor does it: only the selected characters change; the
 * run is split around them, and neighbouring runs that end up alike are joined again. The other runs keep
 * their flags as they are (an absent flag keeps following the paragraph's kind: a part's title stays
 * bold by its kind).
 */
import type { RichText, Run } from '../../../../../electron/core/model/types';

export type EmphasisFlag = 'bold' | 'italic';

/** Whether run `b` can be joined onto run `a`: same emphasis, and `a` carries no footnote (its mark ends it). */
function sameStyle(a: Run, b: Run): boolean {
  return a.bold === b.bold && a.italic === b.italic && !a.footnote;
}

/** Runs with empty ones dropped (one empty run kept for an empty paragraph) and alike neighbours joined. */
export function normaliseRuns(runs: RichText): RichText {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = out[out.length - 1];
    // The joined run ends where `run` ends, so it takes `run`'s footnote (if any) with it.
    if (last && sameStyle(last, run)) out[out.length - 1] = { ...run, text: last.text + run.text };
    else out.push({ ...run });
  }
  return out.length ? out : [{ ...(runs[0] ?? { text: '' }), text: '' }];
}

/**
 * The runs after toggling `flag` on characters [start, end) of run `i`. An empty selection toggles the
 * whole run. `isOn` says whether a run shows the flag now (bold may come from the paragraph's kind).
 * Also returns which run holds the changed text afterwards, to put the focus back on it.
 */
export function toggleEmphasis(runs: RichText, i: number, start: number, end: number, flag: EmphasisFlag, isOn: (run: Run) => boolean): { runs: RichText; at: number } {
  const run = runs[i];
  if (!run) return { runs, at: 0 };
  const value = !isOn(run);
  const [from, to] = [Math.max(0, Math.min(start, end)), Math.min(run.text.length, Math.max(start, end))];
  if (from === to) {
    const next = runs.map((r, j) => (j === i ? { ...r, [flag]: value } : r));
    return { runs: next, at: i };
  }
  const parts: Run[] = [
    { ...run, text: run.text.slice(0, from) },
    { ...run, text: run.text.slice(from, to), [flag]: value },
    { ...run, text: run.text.slice(to) },
  ];
  const before = runs.slice(0, i);
  const joined = normaliseRuns([...before, ...parts, ...runs.slice(i + 1)]);
  // The changed text's run: count the characters before it.
  const offset = before.reduce((n, r) => n + r.text.length, 0) + from;
  let seen = 0;
  let at = 0;
  for (let j = 0; j < joined.length; j++) {
    if (seen <= offset && offset < seen + joined[j].text.length) {
      at = j;
      break;
    }
    seen += joined[j].text.length;
  }
  return { runs: joined, at };
}
