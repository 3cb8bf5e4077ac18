/**
 * Rules for reading an appendix table, whatever file it comes from: group rows by their Roman numeral,
 * rows that carry on the previous one, and column definitions made from recognised captions. Shared by
 * the workbook reader (read-table.ts, import.ts) and the Word reader (import/docx/appendix.ts).
 */
import type { ColumnDef, ColumnRole } from '../../model/types';
import { defaultColumns } from '../../model/defaults';
import { fromRoman } from '../../model/numbering';
import { slug } from '../../model/text';
import type { CodedMessage, MessageValues } from '../../model/messages';

/** `I`, `II.`, `IV:` → a Roman group number; Roman numerals only in capitals, as appendices write them. */
export function romanOf(text: string): number | null {
  const t = text.replace(/[.:)]\s*$/, '').trim();
  return /^[IVXLC]+$/.test(t) ? fromRoman(t) : null;
}

/** `I. Cải cách thể chế`, `II - Cải cách …` in one cell. */
export function romanTitle(text: string): { n: number; title: string } | null {
  const m = /^([IVXLC]+)\s*[.:)\-–]\s*(\S[\s\S]*)$/.exec(text) ?? /^([IVXLC]+)\s+(\p{Lu}[\s\S]*)$/u.exec(text);
  if (!m) return null;
  const n = fromRoman(m[1]);
  return n === null ? null : { n, title: m[2].trim() };
}

/** A text that starts in lower case carries on a sentence cut by a page break. */
export function startsLowercase(text: string): boolean {
  const first = text.trimStart().charAt(0);
  return first !== '' && first === first.toLowerCase() && first !== first.toUpperCase();
}

/**
 * Row numbers for a warning, the first eight and how many in all, as the values of a coded warning: `rowsKey`
 * words them (`importWarning.rows.many`: `3, 4 … (12 dòng)`) into its `{{rows}}`.
 */
export function rowsList(rows: number[]): MessageValues {
  const shown = rows.slice(0, 8).join(', ');
  return rows.length > 8 ? { rowsKey: 'importWarning.rows.many', shown, total: rows.length } : { rowsKey: 'importWarning.rows.few', shown };
}

/** The warning of a Word or Excel import whose XML held `count` places that were not UTF-8 text or Unicode (read as U+FFFD). */
export function replacedCharactersWarning(count: number): CodedMessage {
  return { key: 'importWarning.replacedCharacters', values: { count } };
}

const DEFAULTS = new Map(defaultColumns().map((c) => [c.role, c]));

/** Width in mm of a column with this role when the file says nothing usable. */
export function defaultWidth(role: ColumnRole | null): number {
  return (role && DEFAULTS.get(role)?.width) || 30;
}

/**
 * Column definitions from a header's captions: a recognised role takes the default column's key and kind
 * (the first of each role only), any other caption becomes a text column keyed by its slug, keys kept unique.
 */
export function columnsFromCaptions(
  captions: ReadonlyArray<{ caption: string; role: ColumnRole | null }>,
  width: (index: number, role: ColumnRole | null) => number,
  hidden: (index: number) => boolean = () => false,
): ColumnDef[] {
  const used = new Set<string>();
  const taken = new Set<ColumnRole>();
  return captions.map((h, i) => {
    const known = h.role && !taken.has(h.role) ? DEFAULTS.get(h.role) : undefined;
    if (known?.role) taken.add(known.role);
    const base = known?.role ? known.key : slug(h.caption);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${known?.key ?? slug(h.caption)}-${n}`;
    used.add(key);
    return { key, caption: h.caption, kind: known ? known.kind : 'text', role: known ? known.role : null, width: width(i, h.role), hidden: hidden(i) };
  });
}
