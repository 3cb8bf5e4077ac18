import type { ColumnRole } from '../../model/types';
import { foldForSearch } from '../../model/text';
import type { ImportNote } from '../../model/import-report';

export interface HeaderColumn {
  /** 1-based sheet column. */
  col: number;
  caption: string;
  role: ColumnRole | null;
  /** Under a caption spanning columns in a two-row header: the parent's caption, and what the child means. */
  parent?: { caption: string; meaning: ColumnRole | 'start' | null };
}

/**
 * A child caption of a two-row header read with its parent: "Thời gian thực hiện" over "Bắt đầu" / "Hoàn thành"
 * gives a start column and the deadline. A child that names a role itself (`Chủ trì`) keeps its caption;
 * one that means something only under its parent is captioned `Parent: Child`, so the parent is not lost.
 */
export function childColumn(parent: string, child: string, col: number): HeaderColumn {
  const own = captionRole(child);
  const cleanParent = parent.replace(/\s*\n\s*/g, ' ');
  const cleanChild = child.replace(/\s*\n\s*/g, ' ');
  if (own) return { col, caption: cleanChild, role: own, parent: { caption: cleanParent, meaning: own } };
  const p = foldForSearch(parent);
  const c = foldForSearch(child).replace(/[.:,;()*]/g, ' ').trim();
  const timeParent = captionRole(parent) === 'deadline' || /^(thoi gian|thoi han|tien do)\b/.test(p);
  let meaning: ColumnRole | 'start' | null = null;
  if (timeParent && /^(hoan thanh|ket thuc|den|han hoan thanh|thoi han)\b/.test(c)) meaning = 'deadline';
  else if (timeParent && /^(bat dau|tu|khoi cong|trien khai)\b/.test(c)) meaning = 'start';
  return { col, caption: `${cleanParent}: ${cleanChild}`, role: meaning === 'start' ? null : meaning, parent: { caption: cleanParent, meaning } };
}

/** What a caption means, whatever its case, diacritics or punctuation: `NỘI DUNG, NHIỆM VỤ`, `Co quan chu tri`. */
export function captionRole(caption: string): ColumnRole | null {
  const f = foldForSearch(caption).replace(/[.:,;()*]/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^(stt|tt|so tt|so thu tu)$/.test(f)) return 'number';
  if (/^(noi dung|nhiem vu|ten nhiem vu)\b/.test(f)) return 'task';
  if (/\bchu tri\b/.test(f)) return 'lead';
  if (/\bphoi hop\b/.test(f)) return 'cooperate';
  if (/^(thoi gian|thoi han|tien do)\b/.test(f)) return 'deadline';
  if (/^ghi chu\b/.test(f)) return 'note';
  return null;
}

/** The folded captions of a header, to recognise the header repeated inside the table (pasted page by page). */
export function headerSignature(columns: readonly HeaderColumn[]): string {
  return columns.map((c) => foldForSearch(c.caption)).join('|');
}

/** Report notes for the child captions of a two-row header. */
export function headerChildNotes(columns: readonly HeaderColumn[]): ImportNote[] {
  return columns
    .filter((c) => c.parent)
    .map((c) => ({
      kind: 'recognised' as const,
      code: 'headerChild' as const,
      params: { parent: c.parent!.caption, caption: c.caption.startsWith(`${c.parent!.caption}: `) ? c.caption.slice(c.parent!.caption.length + 2) : c.caption, role: c.parent!.meaning ?? '-' },
    }));
}

/** Report notes for the columns read as plain text (no role the program knows). */
export function textColumnNotes(columns: ReadonlyArray<{ caption: string; kind: string; role: ColumnRole | null }>): ImportNote[] {
  return columns.filter((c) => c.role === null && c.kind === 'text').map((c) => ({ kind: 'text' as const, code: 'textColumn' as const, params: { caption: c.caption } }));
}
