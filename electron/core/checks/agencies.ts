/**
 * The same agency written two ways. Appendix cells name entries of the agency directory, so two spellings
 * are two entries: the task matrix then lists the agency twice and a department misses half its tasks.
 *
 * - Two directory entries whose names differ only in case, spacing, punctuation, diacritics or
 *   `UBND`/`Ủy ban nhân dân` (`HĐND`/`Hội đồng nhân dân`) are one agency: the sample has
 *   `Sở Thông tin và Truyền Thông` (task 9) next to `Sở Thông tin và Truyền thông` (ten tasks). Warning;
 *   the fix merges the entry into the one spelt right (the known capitals), else the most used.
 *   Entries that differ in words (`Các cơ quan, đơn vị liên quan` / `… có liên quan`) are not merged:
 *   whether they mean the same set is the drafter's call.
 * - A directory entry written with other capitals than the same name in the recipients or the body,
 *   when the known capitals say the directory is the wrong one: the sample's lead agency
 *   `Trường chính trị tỉnh` (task 23) against the recipient `Trường Chính trị tỉnh`. Warning; the fix
 *   renames the entry (every cell follows).
 */
import { allRows } from '../model/rows';
import type { Ctx } from './context';
import { escapeRegExp, fold } from './context';
import { rightCase } from './capitals';
import { PLAN } from './types';

const EXPANSIONS: Array<[RegExp, string]> = [
  [/\bUBND\b/g, 'ủy ban nhân dân'],
  [/\bHĐND\b/g, 'hội đồng nhân dân'],
  [/\bMTTQ\b/g, 'mặt trận tổ quốc'],
];

/** The name reduced to what identifies the agency. */
export function agencyKey(name: string): string {
  let s = name.normalize('NFC');
  for (const [re, full] of EXPANSIONS) s = s.replace(re, full);
  return fold(s).replace(/[^a-z0-9]+/g, ' ').trim();
}

function usage(ctx: Ctx): Map<string, number> {
  const count = new Map<string, number>();
  const cols = ctx.pkg.appendix.columns.filter((c) => c.kind === 'agencies').map((c) => c.key);
  // Every row of the tree: an agency named only in a sub-row (model v2) is in use too.
  for (const { row: r } of allRows(ctx.pkg.appendix.groups)) {
    for (const key of cols) {
      const v = r.cells[key];
      if (Array.isArray(v)) for (const m of v) count.set(m.agency, (count.get(m.agency) ?? 0) + 1);
    }
  }
  return count;
}

export function checkAgencies(ctx: Ctx): void {
  const agencies = ctx.pkg.agencies;
  const groups = new Map<string, number[]>();
  agencies.forEach((a, i) => {
    const k = agencyKey(a.name);
    if (!k) return;
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  });

  let used: Map<string, number> | null = null;
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    used ??= usage(ctx);
    const counts = used;
    // Keep the entry with the right capitals, then the most used, then the first.
    const ranked = [...members].sort((a, b) => {
      const wrongA = rightCase(agencies[a].name) ? 1 : 0;
      const wrongB = rightCase(agencies[b].name) ? 1 : 0;
      if (wrongA !== wrongB) return wrongA - wrongB;
      return (counts.get(agencies[b].key) ?? 0) - (counts.get(agencies[a].key) ?? 0) || a - b;
    });
    const keep = ranked[0];
    for (const i of members) {
      if (i === keep) continue;
      ctx.reportedAgencies.add(i);
      ctx.add('agencies.variants', 'warning', `agencies[${i}]`, { name: agencies[i].name, other: agencies[keep].name, ...ctx.where(`agencies[${keep}]`) }, {
        fix: {
          key: 'merge',
          params: { into: agencies[keep].name },
          ops: [{ method: 'mergeAgencies', args: [PLAN, agencies[i].key, agencies[keep].key] }],
          preview: { before: agencies[i].name, after: agencies[keep].name },
        },
      });
    }
  }

  // Entries spelt with wrong capitals while the recipients or the body spell the same name right.
  const texts = ctx.places.filter((p) => p.kind === 'recipient' || p.kind === 'body' || p.kind === 'heading');
  agencies.forEach((a, i) => {
    if (ctx.reportedAgencies.has(i)) return;
    const right = rightCase(a.name);
    if (!right) return;
    const re = new RegExp(`(?<![\\p{L}])${escapeRegExp(right)}(?![\\p{L}])`, 'u');
    const where = texts.find((p) => re.test(p.text));
    if (!where) return;
    ctx.reportedAgencies.add(i);
    ctx.add('agencies.variants', 'warning', `agencies[${i}]`, { name: a.name, other: right, ...ctx.where(where.path) }, {
      fix: { key: 'rename', params: { to: right }, ops: [{ method: 'renameAgency', args: [PLAN, a.key, right] }], preview: { before: a.name, after: right } },
    });
  });
}
