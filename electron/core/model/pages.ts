/**
 * What the pages print, as plain data: the words of the place-date line and of the citations, the
 * recipients with their marks and fixed punctuation, whether the appendix is printed and its label. The DOCX
 * exporter and the preview both print from these, so what the drafter checks on screen is what prints.
 */
import { citation, documentNumber, nd30DateWords } from './dates';
import { APPENDIX_LABEL, CITED_KIND, DEFAULT_SYMBOL, ISSUED_WITH, type IssuedKind } from './nd30-text';
import { fixRecipients } from './punctuation';
import { countRows } from './rows';
import type { Issuance, PlanPackage, Signer } from './types';
import type { CodedMessage } from './messages';

/** Text as printed: the exporter passes its cleaner (control characters out); the preview prints as stored. */
export type Cleaner = (text: string) => string;
const asIs: Cleaner = (t) => t;

/** `Bình Phước, ngày 09 tháng 12 năm 2023`; blanks while the date is not fixed; `……,` when no place. */
export function placeDateLine(place: string, iso: string | null, year: number, unknown = false): string {
  const p = place.trim();
  const words = nd30DateWords(iso, year, unknown);
  return p ? `${p}, ${words}` : `……, ${words}`;
}

/** The place-date line of an issuance. */
export function issuancePlaceDate(pkg: PlanPackage, issuance: Issuance, clean: Cleaner = asIs): string {
  return placeDateLine(clean(pkg.issuer.place), issuance.date, pkg.year, issuance.dateUnknown);
}

/**
 * The header's second row of an issued document: `Số: 2142/QĐ-UBND` (the kind's own symbol when none is set;
 * the blank or `…` of an unsigned or unknown number) and the place-date line. The national title and the motto
 * above them are nd30-text.ts's.
 */
export function issuanceHeader(
  pkg: Pick<PlanPackage, 'issuer' | 'year'>,
  issuance: Issuance,
  kind: IssuedKind,
  clean: Cleaner = asIs,
): { numberLine: string; placeDate: string } {
  return {
    numberLine: documentNumber(clean(issuance.number), clean(issuance.symbol) || DEFAULT_SYMBOL[kind], issuance.numberUnknown),
    placeDate: placeDateLine(clean(pkg.issuer.place), issuance.date, pkg.year, issuance.dateUnknown),
  };
}

/**
 * What the Plan and the appendix cite in their "(Ban hành kèm theo …)" line: the Decision, or for a
 * standalone Plan the Plan itself (for the appendix). Unsigned number and date print the one blank style.
 */
export function citationLines(pkg: PlanPackage, clean: Cleaner = asIs): { plan: string | null; appendix: string | null } {
  const cite = (kind: string, iss: Issuance, fallbackSymbol: string): string => {
    const words = citation(kind, { ...iss, number: clean(iss.number), symbol: clean(iss.symbol) || fallbackSymbol }, pkg.year);
    return `(${ISSUED_WITH} ${words} của ${clean(pkg.issuer.citedAs).trim()})`;
  };
  if (pkg.decision) {
    const line = cite(CITED_KIND.decision, pkg.decision, DEFAULT_SYMBOL.decision);
    return { plan: line, appendix: line };
  }
  const iss = pkg.plan.issuance;
  return { plan: null, appendix: iss ? cite(CITED_KIND.plan, iss, DEFAULT_SYMBOL.plan) : null };
}

/** One printed recipient line: its mark (`-` or `+`), its text with the end punctuation fixed, its level. */
export interface RecipientLine {
  mark: '-' | '+';
  text: string;
  level: 0 | 1;
}

/** The "Nơi nhận" lines as printed, and the punctuation fixes made (coded export notes: `Nơi nhận 2: replaced ";" with ":"`). */
export function recipientLinesPrinted(recipients: readonly string[], label?: string, clean: Cleaner = asIs): { lines: RecipientLine[]; fixes: CodedMessage[] } {
  const fixed = fixRecipients(recipients.map((r) => clean(r)), label);
  return {
    lines: fixed.items.map((text, i) => ({ mark: fixed.levels[i] === 1 ? '+' : '-', text, level: fixed.levels[i] })),
    fixes: fixed.fixes,
  };
}

/**
 * The signature block's lines as printed, top to bottom: `title` (`KT. CHỦ TỊCH`, empty when neither is set),
 * `deputy` (`PHÓ CHỦ TỊCH`, one entry per line, blank lines dropped), then room for the signature, then `name`.
 */
export function signerBlock(signer: Signer, clean: Cleaner = asIs): { title: string; deputy: string[]; name: string } {
  return {
    title: [signer.prefix, clean(signer.title).trim()].filter(Boolean).join(' ').trim(),
    deputy: clean(signer.deputyTitle).split('\n').map((l) => l.trim()).filter(Boolean),
    name: clean(signer.name).trim(),
  };
}

/** A plan with no appendix row prints no appendix (no empty landscape page with a bare header row). */
export function appendixPrinted(pkg: Pick<PlanPackage, 'appendix'>): boolean {
  return countRows(pkg.appendix.groups) > 0 && pkg.appendix.columns.some((c) => !c.hidden);
}

/** The appendix's label as printed (`PHỤ LỤC` when the drafter left it empty). */
export function appendixLabel(pkg: Pick<PlanPackage, 'appendix'>): string {
  return pkg.appendix.label?.trim() || APPENDIX_LABEL;
}
