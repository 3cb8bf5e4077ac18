/**
 * The fixed words of a document in the format of Nghị định 30/2020/NĐ-CP (Phụ lục I and III), defined once: the
 * DOCX writer, the XLSX writer and the print preview all print these, so the text a drafter checks on screen is the
 * text that prints. They are document text, Vietnamese whatever the interface language (never translated).
 * The lines built from a plan's data (number, place-date, citation, recipients, signer) are in pages.ts and dates.ts.
 */

/** Quốc hiệu, the first line of the header's right column. */
export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
/** Tiêu ngữ, under the national title (with a line exactly as long as it). */
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** The label of the recipients' list, level with the signature block. */
export const RECIPIENTS_LABEL = 'Nơi nhận:';
/** The line before a Decision's articles. */
export const DECIDES = 'QUYẾT ĐỊNH:';
/** The label of the appendix when the drafter left it empty (`PHỤ LỤC I` when there are several). */
export const APPENDIX_LABEL = 'PHỤ LỤC';
/** The opening words of the line that ties a Plan or an appendix to the document issuing it. */
export const ISSUED_WITH = 'Ban hành kèm theo';

/** The two documents that carry a number, a date and a signature. */
export type IssuedKind = 'decision' | 'plan';

/** The type name printed above a document's summary. */
export const DOCUMENT_TITLE: Readonly<Record<IssuedKind, string>> = { decision: 'QUYẾT ĐỊNH', plan: 'KẾ HOẠCH' };
/** How a document is named when it is cited (`Quyết định số 2142/QĐ-UBND ngày …`). */
export const CITED_KIND: Readonly<Record<IssuedKind, string>> = { decision: 'Quyết định', plan: 'Kế hoạch' };
/** The symbol printed after the number when the drafter left it empty: a People's Committee's own. */
export const DEFAULT_SYMBOL: Readonly<Record<IssuedKind, string>> = { decision: 'QĐ-UBND', plan: 'KH-UBND' };

/** `Điều 3.`: the label of a Decision's article `index` (0-based); the program numbers them, never the drafter. */
export function articleLabel(index: number): string {
  return `Điều ${index + 1}.`;
}
