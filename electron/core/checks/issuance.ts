/**
 * Number, symbol and date of the issued document (the Decision, or a standalone Plan's own issuance).
 *
 * - The symbol is `type-body` in capitals without spaces (`QĐ-UBND`, `KH-UBND`, Phụ lục III): a wrong or
 *   missing symbol makes the document come back, so it is an error; the fix is mechanical when only
 *   spaces, case or the `Đ` of `QĐ` are wrong.
 * - The number is digits only (the store makes sure of that); the printer pads numbers under 10, so a
 *   stored `002` prints wrongly.
 * - A blank number or date is normal in a draft (the tuyên truyền plan leaves `Số:     /KH-UBND` and
 *   `ngày   tháng   năm 2022` for the day it is signed): nothing is reported for them.
 * - A Decision for year N is signed late in N-1 or in N; any other year is a copy-forward slip (warning).
 * - A Decision cannot be dated before a document it cites, least of all the proposal (Tờ trình) it
 *   answers: the 2024 sample is dated 09/12/2023 but cites Tờ trình số 2696/TTr-SNV ngày 26/12/2023 (its
 *   Plan says the Decision is of 29/12/2023, so the day was mistyped). Error, no fix: which date is wrong
 *   is for the drafter to say.
 */
import type { Issuance } from '../model/types';
import { parseIsoDate, shortDate } from '../model/dates';
import { PLAN } from './types';
import { type Ctx, isoOf, nd30Short } from './context';
import { findCitations } from './citations';

/** Document types the package issues, with their abbreviation (Phụ lục III) and the catalogue key of their name. */
const TYPE_OF: Record<'decision' | 'plan', { abbr: string; nameKey: string }> = {
  decision: { abbr: 'QĐ', nameKey: 'checks.docType.decision' },
  plan: { abbr: 'KH', nameKey: 'checks.docType.plan' },
};

/** The symbol as it should be written: no spaces, capitals (but `CTr`, `QyĐ`, `TTr` keep their lower case letter), `QD` → `QĐ`. */
function cleanSymbol(symbol: string, expectedType: string): string {
  const parts = symbol.replace(/^[\s/]+/, '').split(/\s*-\s*/).map((p) => p.replace(/\s+/g, ''));
  return parts
    .map((p, i) => {
      if (i === 0 && p.toUpperCase().replace(/Đ/g, 'D') === expectedType.toUpperCase().replace(/Đ/g, 'D')) return expectedType;
      return /^(CTr|QyĐ|TTr)$/.test(p) ? p : p.toUpperCase();
    })
    .filter(Boolean)
    .join('-');
}

/** The issuing body's usual symbol part: `ỦY BAN NHÂN DÂN` → `UBND`; null when the program does not know it. */
function issuerAbbreviation(issuerName: string): string | null {
  const first = issuerName.split('\n')[0].trim().toUpperCase();
  if (first === 'ỦY BAN NHÂN DÂN') return 'UBND';
  if (first === 'HỘI ĐỒNG NHÂN DÂN') return 'HĐND';
  return null;
}

export function checkIssuance(ctx: Ctx): void {
  const { pkg } = ctx;
  const targets: Array<{ base: string; iss: Issuance; type: (typeof TYPE_OF)['decision'] }> = [];
  if (pkg.decision) targets.push({ base: 'decision', iss: pkg.decision, type: TYPE_OF.decision });
  if (pkg.plan.issuance) targets.push({ base: 'plan.issuance', iss: pkg.plan.issuance, type: TYPE_OF.plan });

  for (const { base, iss, type } of targets) {
    const symbolPath = `${base}.symbol`;
    const symbol = iss.symbol;
    const example = `${type.abbr}-${issuerAbbreviation(pkg.issuer.name) ?? 'UBND'}`;
    if (symbol.trim() === '') {
      ctx.add('number.symbol-missing', 'error', symbolPath, { expected: example }, {
        fix: { key: 'replace', params: { to: example }, ops: [{ method: 'setField', args: [PLAN, symbolPath, example] }], preview: { before: symbol, after: example } },
      });
    } else {
      const clean = cleanSymbol(symbol, type.abbr);
      const typePart = clean.split('-')[0];
      if (typePart !== type.abbr) {
        ctx.add('number.symbol-type', 'error', symbolPath, { symbol, expected: type.abbr, typeKey: type.nameKey });
      } else if (clean !== symbol || !/^[\p{Lu}][\p{L}]*(-[\p{Lu}][\p{L}\d]*)+$/u.test(clean)) {
        const ok = /^[\p{Lu}][\p{L}]*(-[\p{Lu}][\p{L}\d]*)+$/u.test(clean);
        ctx.add('number.symbol-format', 'error', symbolPath, { symbol, expected: ok ? clean : example }, {
          fix: ok ? { key: 'replace', params: { to: clean }, ops: [{ method: 'setField', args: [PLAN, symbolPath, clean] }], preview: { before: symbol, after: clean } } : null,
        });
      } else {
        const body = issuerAbbreviation(pkg.issuer.name);
        const parts = clean.split('-');
        if (body && parts.length === 2 && parts[1] !== body) {
          ctx.add('number.symbol-issuer', 'warning', symbolPath, { symbol, expected: body });
        }
      }
    }

    const number = iss.number.trim();
    if (/^0\d+$/.test(number) && !/^0\d$/.test(number)) {
      const to = String(Number(number));
      ctx.add('number.zeros', 'error', `${base}.number`, { number }, {
        fix: { key: 'number', params: { to }, ops: [{ method: 'setField', args: [PLAN, `${base}.number`, to] }], preview: { before: number, after: to } },
      });
    }

    const date = parseIsoDate(iss.date);
    if (date && date.year !== pkg.year && date.year !== pkg.year - 1) {
      ctx.add('date.year', 'warning', `${base}.date`, { date: shortDate(iss.date), prev: pkg.year - 1, year: pkg.year });
    }
  }

  // A Decision is signed after everything it cites: its proposal first of all, then the legal bases.
  const d = pkg.decision;
  const signed = d ? parseIsoDate(d.date) : null;
  if (d && d.date && signed) {
    for (const place of ctx.places) {
      if (place.kind === 'recipient' || place.kind === 'agencyCell') continue;
      const isProposal = place.kind === 'proposal';
      if (isProposal) {
        // The proposal may name its date without a number form (`Tờ trình ngày …`): any date in the line counts.
        for (const m of place.text.matchAll(/(\d{1,2})\/(\d{1,2})\/(\d{4})/g)) {
          const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
          if (iso && iso > d.date) {
            const cited = /(Tờ trình|Công văn|Báo cáo|văn bản)(\s+số)?\s+[^\s,;]+/iu.exec(place.text)?.[0] ?? place.text.slice(0, 40);
            ctx.add('decision.before-proposal', 'error', 'decision.date', {
              date: shortDate(d.date),
              cited,
              citedDate: nd30Short(Number(m[1]), Number(m[2]), Number(m[3])),
            }, { excerpt: place.text });
          }
        }
        continue;
      }
      for (const c of findCitations(place.text)) {
        if (!c.iso || c.iso <= d.date) continue;
        ctx.add('decision.before-cited', 'error', place.path, {
          cited: c.label,
          citedDate: c.dateText!,
          date: shortDate(d.date),
        }, { excerpt: c.label });
      }
    }
  }
}
