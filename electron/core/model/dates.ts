/**
 * Dates as Nghị định 30 writes them: `ngày 09 tháng 12 năm 2023`. Days 1–9 get a leading zero;
 * of the months only 1 and 2 do (`tháng 01`, `tháng 02`, but `tháng 6`).
 */
export function parseIsoDate(iso: string | null): { year: number; month: number; day: number } | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isValidIsoDate(iso: string): boolean {
  return parseIsoDate(iso) !== null;
}

export function nd30Day(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

export function nd30Month(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/**
 * The one blank style of an unsigned document (DOCX, XLSX, preview alike): spaces where the signer's office
 * writes by hand, the known year kept. Six spaces for a day or month, eight for a number. An **unknown**
 * value (issued, but not known to us: `Issuance.numberUnknown` / `dateUnknown`) prints `…` instead, so a
 * reader never takes it for a blank to fill.
 */
export const BLANK_DAY = '      ';
export const BLANK_NUMBER = '        ';
export const UNKNOWN_MARK = '…';

/**
 * `ngày 09 tháng 12 năm 2023`; with no date, the blanks drafters leave before signing:
 * `ngày      tháng      năm 2024`; an unknown date: `ngày … tháng … năm …`.
 */
export function nd30DateWords(iso: string | null, fallbackYear: number, unknown = false): string {
  const d = parseIsoDate(iso);
  if (!d) {
    if (unknown) return `ngày ${UNKNOWN_MARK} tháng ${UNKNOWN_MARK} năm ${UNKNOWN_MARK}`;
    return `ngày${BLANK_DAY}tháng${BLANK_DAY}năm ${fallbackYear}`;
  }
  return `ngày ${nd30Day(d.day)} tháng ${nd30Month(d.month)} năm ${d.year}`;
}

/**
 * `09/12/2023`, the short form used when a document is cited. Unsigned: the same blanks as the long form,
 * `      /      /2024` (the year when known); unknown: `…/…/…`.
 */
export function shortDate(iso: string | null, fallbackYear?: number, unknown = false): string {
  const d = parseIsoDate(iso);
  if (!d) {
    if (unknown) return `${UNKNOWN_MARK}/${UNKNOWN_MARK}/${UNKNOWN_MARK}`;
    return `${BLANK_DAY}/${BLANK_DAY}/${fallbackYear ?? BLANK_DAY}`;
  }
  return `${nd30Day(d.day)}/${nd30Month(d.month)}/${d.year}`;
}

/**
 * `Số: 2142/QĐ-UBND`; numbers under 10 get a leading zero; an unsigned draft leaves the blank
 * (`Số:        /QĐ-UBND`); an unknown number prints `Số: …/QĐ-UBND`.
 */
export function documentNumber(number: string, symbol: string, unknown = false): string {
  const n = number.trim();
  if (!n) return unknown ? `Số: ${UNKNOWN_MARK}/${symbol}` : `Số:${BLANK_NUMBER}/${symbol}`;
  const padded = /^\d$/.test(n) ? `0${n}` : n;
  return `Số: ${padded}/${symbol}`;
}

/**
 * How one issued document is cited: `Quyết định số 2142/QĐ-UBND ngày 09/12/2023` — the same words in the
 * DOCX appendix line, the XLSX title block and the preview. Unsigned: `Quyết định số        /QĐ-UBND ngày      /      /2024`.
 */
export function citation(
  kind: string,
  issuance: { number: string; symbol: string; date: string | null; numberUnknown?: boolean; dateUnknown?: boolean },
  year: number,
): string {
  const numbered = documentNumber(issuance.number, issuance.symbol, issuance.numberUnknown).replace(/^Số:\s?/, '');
  return `${kind} số ${numbered} ngày ${shortDate(issuance.date, year, issuance.dateUnknown)}`;
}
