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

/** `ngày 09 tháng 12 năm 2023`; with no date, the blanks drafters leave before signing: `ngày    tháng    năm 2024`. */
export function nd30DateWords(iso: string | null, fallbackYear: number): string {
  const d = parseIsoDate(iso);
  if (!d) return `ngày      tháng      năm ${fallbackYear}`;
  return `ngày ${nd30Day(d.day)} tháng ${nd30Month(d.month)} năm ${d.year}`;
}

/** `09/12/2023`, the short form used when a document is cited. */
export function shortDate(iso: string | null): string {
  const d = parseIsoDate(iso);
  if (!d) return '…/…/…';
  return `${nd30Day(d.day)}/${nd30Month(d.month)}/${d.year}`;
}

/** `Số: 2142/QĐ-UBND`; numbers under 10 get a leading zero; an unsigned draft leaves the blank. */
export function documentNumber(number: string, symbol: string): string {
  const n = number.trim();
  if (!n) return `Số:        /${symbol}`;
  const padded = /^\d$/.test(n) ? `0${n}` : n;
  return `Số: ${padded}/${symbol}`;
}
