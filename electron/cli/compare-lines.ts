/**
 * `compare`'s output: one line per difference, tab-separated so scripts can cut it, words from the catalogue.
 * A word diff is written as git's --word-diff does: `[-removed-]{+added+}`, the same words in any language.
 */
import type { Comparison } from '../core/api/contract';
import type { WordOp } from '../core/model/comparison';
import type { MessageValues } from '../core/model/messages';

type Say = (key: string, values?: MessageValues) => string;

function diffText(ops: readonly WordOp[]): string {
  return ops.map((o) => (o.op === 'same' ? o.text : o.op === 'removed' ? `[-${o.text}-]` : `{+${o.text}+}`)).join('').replace(/\s*\n\s*/g, ' ');
}

/** The counts, then each changed row (one line per changed cell), field and paragraph, then the rollover's changes. */
export function printComparison(c: Comparison, say: Say, out: (line: string) => void): void {
  out(say('cli.compareCounts', { ...c.counts, fields: c.fields.length, body: c.body.length }));
  const at = (side?: { number: number; group: string }) => (side ? say('cli.rowAt', side) : '-');
  for (const r of c.rows) {
    if (r.status === 'same') continue;
    const head = `${say(`cli.rowStatus.${r.status}`)}\t${at(r.before)}\t${at(r.after)}`;
    const cells = Object.entries(r.cells);
    if (!cells.length) out(head);
    for (const [key, ops] of cells) out(`${head}\t${c.captions[key] ?? key}: ${diffText(ops)}`);
  }
  for (const f of c.fields) out(`${say('cli.fieldChange')}\t${f.place}\t${diffText(f.diff)}`);
  for (const b of c.body) out(`${say('cli.bodyChange')}\t${b.place}\t${diffText(b.diff)}`);
  if (c.rollover) {
    const { from, toYear, changes } = c.rollover;
    out(say('cli.rolloverChanges', { year: from.year, title: from.title, toYear, count: changes.length }));
    for (const ch of changes) out(`${ch.path}\t${ch.before}\t${ch.after}\t${say(`rollover.reason.${ch.reason}`)}`);
  }
}
