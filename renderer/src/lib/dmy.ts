/**
 * Dates as Vietnamese drafters write them, dd/mm/yyyy, whatever the computer's locale (a browser's date
 * input follows the system and showed 12/15/2024). Stored dates stay ISO (yyyy-mm-dd).
 */
import { isValidIsoDate } from '../../../electron/core/model/dates';

/** `2023-12-09` → `09/12/2023`; anything else is returned as it is. */
export function isoToDmy(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '');
}

/**
 * What the drafter typed, as an ISO date: `9/12/2023`, `09-12-2023`, `09.12.2023`, `9 12 2023`. `''` for an
 * empty field (no date: an unsigned draft), null when the text is not a real date between 1945 and 2200.
 */
export function dmyToIso(text: string): string | '' | null {
  const s = text.trim();
  if (s === '') return '';
  const m = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  const year = Number(m[3]);
  return isValidIsoDate(iso) && year >= 1945 && year <= 2200 ? iso : null;
}
