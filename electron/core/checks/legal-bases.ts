/**
 * Legal bases of the Decision (Nghị định 30, Phụ lục I): `Căn cứ …;` one per line, `;` at the end of each,
 * `.` at the end of the last; the proposal line `Theo đề nghị của …` (or `Xét đề nghị của …`) is the last.
 *
 * Starts: `Căn cứ` (laws, decrees, the province's normative acts), `Thực hiện` (a higher body's plan or
 * conclusion the Decision carries out: `Thực hiện Quyết định số 876/QĐ-BNV …`) and `Xét đề nghị` are all
 * right in their places; the order is checked instead: the `Căn cứ` lines first, then `Thực hiện`/`Xét`
 * (`legal-bases.kind-order`). Any other start is reported (`legal-bases.start`).
 *
 * The end marks are errors in the decree's sense but the DOCX exporter repairs them (and says so), so they
 * are warnings here, each with the one-click fix that makes the data right.
 *
 * Order: practice lists the bases from the highest legal force down (Hiến pháp; luật and nghị quyết of the
 * Quốc hội; pháp lệnh; nghị định and nghị quyết of the Chính phủ; quyết định and chỉ thị of the Thủ tướng;
 * thông tư; the province's normative documents, whose number carries a year; then its other documents),
 * and by date within a rank. Only a rank inversion is reported: dates within a rank are often ordered by
 * subject instead (an amending decision right after the one it amends, as in the sample: 34/2020 then
 * 25/2022 then the non-normative 2685/QĐ-UBND of 2021), so a date inversion is not "clearly wrong".
 */
import { PLAN } from './types';
import type { Ctx } from './context';

const END = /[\s;,.:]+$/u;
/** The starts ND30's practice allows for a basis line: `Căn cứ` (law), `Thực hiện` (an instruction), `Xét` (a proposal). */
const START = /^(?:Căn cứ|Thực hiện|Xét)\s/u;

function endWith(text: string, mark: ';' | '.'): string {
  return text.replace(/\s+$/u, '').replace(END, '') + mark;
}

/** The ends of a line before and after its end mark is put right (the rest of the line does not change). */
export function tailPreview(before: string, after: string): { before: string; after: string } {
  const cut = (t: string) => (t.length > 40 ? '…' + t.slice(-40) : t);
  return { before: cut(before.trim()), after: cut(after.trim()) };
}

/** Rank by legal force, lower is stronger; null when the program cannot tell. */
export function legalRank(text: string): number | null {
  const t = text.replace(/^Căn cứ\s+/iu, '');
  if (/^Hiến pháp/iu.test(t)) return 0;
  if (/^(Bộ luật|Luật)\s/u.test(t)) return 1;
  if (/^Nghị quyết\b.*?\/(?:\d{4}\/)?QH\d*/u.test(t)) return 1;
  if (/^Pháp lệnh/u.test(t) || /\/UBTVQH\d*/u.test(t)) return 2;
  if (/^Nghị định/u.test(t) || /\/(?:\d{4}\/)?NQ-CP\b/u.test(t) || /\/(?:\d{4}\/)?NĐ-CP\b/u.test(t)) return 3;
  if (/\/(?:\d{4}\/)?(?:QĐ|CT)-TTg\b/u.test(t)) return 4;
  if (/^Thông tư/u.test(t) || /\/\d{4}\/TT(?:LT)?-/u.test(t)) return 5;
  if (/\/\d{4}\/(?:NQ-HĐND|QĐ-UBND)\b/u.test(t)) return 6;
  if (/\/(?:QĐ|CT|KH|NQ)-(?:UBND|HĐND)\b/u.test(t)) return 7;
  return null;
}

function shortName(text: string): string {
  const t = text.trim().replace(/^Căn cứ\s+/iu, '');
  const m = /^(.*?\d[^\s,;]*)/u.exec(t);
  const s = m && m[1].length < 70 ? m[1] : t.split(/\s+/).slice(0, 6).join(' ');
  return s.replace(/[;.,]$/, '');
}

export function checkLegalBases(ctx: Ctx): void {
  const d = ctx.pkg.decision;
  if (!d) return;
  const bases = d.legalBases;
  const hasProposal = d.proposal.trim() !== '';
  let lastNonEmpty = -1;
  bases.forEach((b, i) => {
    if (b.trim()) lastNonEmpty = i;
  });

  bases.forEach((raw, i) => {
    const path = `decision.legalBases[${i}]`;
    const text = raw.trim();
    if (!text) return;
    // The proposal typed as the last basis (`Theo đề nghị của …` with no proposal line) is in its place too.
    const proposalHere = i === lastNonEmpty && !hasProposal && /^Theo đề nghị\s/u.test(text);
    if (!START.test(text) && !proposalHere) ctx.add('legal-bases.start', 'warning', path, {}, { excerpt: text.slice(0, 60) });
    const mark = i === lastNonEmpty && !hasProposal ? '.' : ';';
    const fixed = endWith(raw, mark);
    if (fixed !== raw) {
      ctx.add('legal-bases.end', 'warning', path, { mark }, {
        excerpt: text.slice(-40),
        fix: { key: 'endMark', params: { mark }, ops: [{ method: 'updateListItem', args: [PLAN, 'decision.legalBases', i, fixed] }], preview: tailPreview(raw, fixed) },
      });
    }
  });

  if (hasProposal) {
    const p = d.proposal;
    if (!/^(?:Theo|Xét) đề nghị\s/u.test(p.trim())) ctx.add('legal-bases.proposal-start', 'warning', 'decision.proposal', {}, { excerpt: p.slice(0, 60) });
    const fixed = endWith(p, '.');
    if (fixed !== p) {
      ctx.add('legal-bases.end', 'warning', 'decision.proposal', { mark: '.' }, {
        excerpt: p.trim().slice(-40),
        fix: { key: 'endMark', params: { mark: '.' }, ops: [{ method: 'setField', args: [PLAN, 'decision.proposal', fixed] }], preview: tailPreview(p, fixed) },
      });
    }
  }

  // Kinds in ND30's order: every `Căn cứ` before the first `Thực hiện`/`Xét` (reported once, on that line).
  const firstOther = bases.findIndex((b) => /^(?:Thực hiện|Xét|Theo đề nghị)\s/u.test(b.trim()));
  if (firstOther >= 0) {
    const lateBasis = bases.findIndex((b, i) => i > firstOther && /^Căn cứ\s/u.test(b.trim()));
    if (lateBasis >= 0) {
      ctx.add('legal-bases.kind-order', 'warning', `decision.legalBases[${firstOther}]`, {
        this: shortName(bases[firstOther]),
        other: shortName(bases[lateBasis]),
      }, { excerpt: shortName(bases[firstOther]) });
    }
  }

  // Rank inversions among the `Căn cứ` lines: report a basis placed after a basis of lower force (once,
  // against the weakest one before it). `Thực hiện` lines cite instructions, not legal force.
  let weakest: { rank: number; index: number } | null = null;
  bases.forEach((b, i) => {
    if (!/^Căn cứ\s/u.test(b.trim())) return;
    const rank = legalRank(b);
    if (rank === null) return;
    if (weakest && rank < weakest.rank) {
      ctx.add('legal-bases.order', 'warning', `decision.legalBases[${i}]`, {
        this: shortName(b),
        other: shortName(bases[weakest.index]),
      }, { excerpt: shortName(b) });
    }
    if (!weakest || rank > weakest.rank) weakest = { rank, index: i };
  });
}
