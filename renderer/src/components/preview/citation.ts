/**
 * The "(Ban hành kèm theo …)" line of the Plan and the appendix, worded as the DOCX export words it
 * (electron/core/docx/index.ts, citationLine). The renderer may not import the exporter, so the few lines
 * are repeated here; both build on the model's documentNumber and shortDate, which hold the rules.
 */
import { documentNumber, shortDate } from '../../../../electron/core/model/dates';
import type { PlanPackage } from '../../../../electron/core/model/types';

function cite(pkg: PlanPackage, kind: string, number: string, symbol: string, date: string | null): string {
  const numbered = documentNumber(number.trim(), symbol.trim()).replace(/^Số:\s?/, '');
  return `(Ban hành kèm theo ${kind} số ${numbered} ngày ${shortDate(date)} của ${pkg.issuer.citedAs.trim()})`;
}

/**
 * A citation too long for one line breaks before `ngày`, as the export sets it (wrapCitation), rather than
 * wherever the line ends. The export measures the text; about 80 characters fill a line at 14 pt.
 */
export function wrapCitation(citation: string, maxChars = 80): string {
  return citation.length <= maxChars ? citation : citation.replace(/ (ngày )/u, '\n$1');
}

export function citationLines(pkg: PlanPackage): { plan: string | null; appendix: string | null } {
  if (pkg.decision) {
    const d = pkg.decision;
    const line = cite(pkg, 'Quyết định', d.number, d.symbol || 'QĐ-UBND', d.date);
    return { plan: line, appendix: line };
  }
  const iss = pkg.plan.issuance;
  return { plan: null, appendix: iss ? cite(pkg, 'Kế hoạch', iss.number, iss.symbol || 'KH-UBND', iss.date) : null };
}
