/**
 * The header's lines that no column width can keep on one line (h5, #13). The DOCX sizes the header's two
 * columns from the measured text (docx/header.ts, headerLayout): the national title, `Số:` and the
 * place-date line each on one line, the place-date dropping to 13 pt if need be, the table at most 17.5 cm.
 * When even that is not enough (a very long place name or issuing body line), the line wraps on paper:
 * Nghị định 30 wants it on one line, level with `Số:`, so the drafter is warned to shorten it.
 */
import { headerLayout } from '../export/docx/header';
import { documentNumber } from '../model/dates';
import { issuancePlaceDate } from '../model/pages';
import type { Ctx } from './context';

export function checkHeaderFit(ctx: Ctx): void {
  const { pkg } = ctx;
  const issuance = pkg.decision ?? pkg.plan.issuance;
  if (!issuance) return;
  const base = pkg.decision ? 'decision' : 'plan.issuance';
  const layout = headerLayout({
    issuer: pkg.issuer,
    numberLine: documentNumber(issuance.number, issuance.symbol || (pkg.decision ? 'QĐ-UBND' : 'KH-UBND'), issuance.numberUnknown),
    placeDate: issuancePlaceDate(pkg, issuance),
  });
  if (layout.fits) return;
  for (const line of layout.overflow) {
    const place = line.includes(', ngày') ? 'issuer.place' : line.startsWith('Số:') ? `${base}.number` : 'issuer.name';
    ctx.add('header.wraps', 'warning', place, { line: line.replace(/\n/g, ' ') }, { excerpt: line.replace(/\n/g, ' ') });
  }
}
