/**
 * The pieces of the Decision and the Plan found "in the usual places" (Nghị định 30 layout): the header
 * table (issuing body, `Số:`, place and date), the title block, the legal bases and articles, and the
 * closing table (`Nơi nhận:` left, signature block right). Each reader takes plain blocks and returns
 * what it recognised; nothing here throws on a document that lays things out differently.
 */
import { SIGNER_PREFIXES, type Signer, type SignerPrefix } from '../../model/types';
import { foldForSearch } from '../../model/text';
import { cellText, type Cell, type Para, type Tbl } from './wordml';

export function paraText(p: Para): string {
  return p.text.replace(/\t/g, ' ').normalize('NFC').trim();
}

/** All capitals (and at least two letters): `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`. */
export function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** A line of underscores or dashes typed as the short rule under a title. */
export function isRuleText(text: string): boolean {
  return /^[-_–—=.…*\s]+$/u.test(text);
}

export function allBold(p: Para): boolean {
  const visible = p.runs.filter((r) => /\S/.test(r.text));
  return visible.length > 0 && visible.every((r) => r.bold);
}

export interface Line {
  text: string;
  bold: boolean;
  italic: boolean;
}

function lineLook(p: Para): { bold: boolean; italic: boolean } {
  const visible = p.runs.filter((r) => /\S/.test(r.text));
  return { bold: visible.length > 0 && visible.every((r) => r.bold), italic: visible.length > 0 && visible.every((r) => r.italic) };
}

/**
 * Paragraphs laid out in two columns with tabs (`UBND TỈNH X<tab><tab>CỘNG HÒA …`, `- Lưu: VT.<tab>Nguyễn Văn A`),
 * as older documents do without a table: the text before the tabs is the left column, after them the right.
 * A paragraph without a tab goes to the column `untabbed` says.
 */
export function tabColumns(paras: readonly Para[], untabbed: (p: Para, text: string) => 'left' | 'right'): { left: Line[]; right: Line[] } {
  const left: Line[] = [];
  const right: Line[] = [];
  for (const p of paras) {
    const look = lineLook(p);
    for (const raw of p.text.normalize('NFC').split('\n')) {
      const m = /^([^\t]*?)\s*\t[\t\s]*(.*)$/u.exec(raw);
      if (m) {
        left.push({ text: m[1].trim(), ...look });
        right.push({ text: m[2].trim(), ...look });
      } else {
        const text = raw.trim();
        (untabbed(p, text) === 'left' ? left : right).push({ text, ...look });
      }
    }
  }
  return { left, right };
}

/** The lines of a column of a table: each cell's paragraphs, in row order, with their bold state. */
export function columnLines(tbl: Tbl, column: number): Line[] {
  const out: Line[] = [];
  for (const row of tbl.rows) {
    const cell: Cell | undefined = row.cells[column];
    if (!cell) continue;
    for (const p of cell.paras) {
      const look = lineLook(p);
      for (const line of paraText(p).split('\n')) out.push({ text: line.trim(), ...look });
    }
  }
  return out;
}

export function tableText(tbl: Tbl): string {
  return tbl.rows.map((r) => r.cells.map((c) => cellText(c)).join(' ')).join('\n');
}

/** The national title is the sign of a document header (Decision, Plan or appendix). */
export function isHeaderTable(tbl: Tbl): boolean {
  return /cong hoa xa hoi chu nghia viet nam/.test(foldForSearch(tableText(tbl)));
}

/** `Nơi nhận:` in a cell, or a signature block (`KT. CHỦ TỊCH` …) alone in a borderless table. */
export function isClosingTable(tbl: Tbl): boolean {
  return tbl.rows.some((r) => r.cells.some((c) => /^noi nhan\b/.test(foldForSearch(cellText(c))) || isSignerHead(cellText(c).split('\n')[0] ?? '')));
}

export interface HeaderRead {
  parentBody: string;
  name: string;
  number: string | null;
  symbol: string | null;
  place: string | null;
  /** ISO date, null when blank or unreadable. */
  date: string | null;
  /** The place-date line was there (even with blanks). */
  hasDate: boolean;
}

/** `Số: 2142/QĐ-UBND`, `Số:    /QĐ-UBND`, `Số: 05 /KH-UBND`. */
export function readNumberLine(text: string): { number: string; symbol: string } | null {
  const m = /^Số\s*:?\s*([0-9]*)[\s.…]*\/\s*([\p{L}\d][\p{L}\d-]*)/u.exec(text.trim());
  if (!m) return null;
  // The exporter pads numbers under 10 (`05`); the model keeps the digits as typed without that zero.
  const number = /^0\d$/.test(m[1]) ? m[1].slice(1) : m[1];
  return { number, symbol: m[2] };
}

/** `Bình Phước, ngày 09 tháng 12 năm 2023` → place and ISO date (null date when the day or month is blank). */
export function readPlaceDate(text: string): { place: string; date: string | null } | null {
  const m = /^(.*?)[,\s]*ngày\s*([0-9]{0,2})[\s.…]*tháng\s*([0-9]{0,2})[\s.…]*năm\s*([0-9]{4})/u.exec(text.trim());
  if (!m) return null;
  const place = m[1].replace(/[,\s]+$/u, '').trim();
  const [day, month, year] = [Number(m[2]), Number(m[3]), Number(m[4])];
  let date: string | null = null;
  if (m[2] && m[3] && day >= 1 && day <= 31 && month >= 1 && month <= 12) {
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCMonth() === month - 1) date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return { place: /^[.…\s]*$/u.test(place) ? '' : place, date };
}

/** The header table: issuing body (left, above `Số:`), number, and the place-date line (right). */
export function readHeader(tbl: Tbl): HeaderRead {
  return readHeaderLines(columnLines(tbl, 0), tbl.rows.some((r) => r.cells.length > 1) ? columnLines(tbl, 1) : []);
}

/** The header from its two columns of lines. */
export function readHeaderLines(left: Line[], right: Line[]): HeaderRead {
  const out: HeaderRead = { parentBody: '', name: '', number: null, symbol: null, place: null, date: null, hasDate: false };
  const issuer: Array<{ text: string; bold: boolean }> = [];
  for (const line of left) {
    if (!line.text || isRuleText(line.text)) continue;
    // The national title and motto belong to the right column, wherever a tab layout put them.
    if (/^(cong hoa xa hoi chu nghia|doc lap\b)/.test(foldForSearch(line.text))) continue;
    const number = readNumberLine(line.text);
    if (number) {
      out.number = number.number;
      out.symbol = number.symbol;
      continue;
    }
    if (readPlaceDate(line.text)) continue;
    if (out.number === null) issuer.push(line);
  }
  for (const line of [...right, ...left]) {
    const pd = readPlaceDate(line.text);
    if (pd) {
      out.place = pd.place;
      out.date = pd.date;
      out.hasDate = true;
      break;
    }
  }
  // The issuing body is bold; a parent body above it (tên cơ quan chủ quản) is not.
  const firstBold = issuer.findIndex((l) => l.bold);
  if (firstBold > 0) {
    out.parentBody = issuer.slice(0, firstBold).map((l) => l.text).join('\n');
    out.name = issuer.slice(firstBold).map((l) => l.text).join('\n');
  } else {
    out.name = issuer.map((l) => l.text).join('\n');
  }
  return out;
}

export interface ClosingRead {
  recipients: string[];
  signer: Signer | null;
}

const PREFIX = /^(KT|TM|TL|TUQ|Q)\s*\.\s*/u;

/**
 * The signature block's lines → prefix (`KT.`, `TM.`, …), title, the signer's own position (capital lines
 * under the title) and name: the last line, when the room left for the signature (blank lines) or its
 * bold lower-case letters say it is a name; `(Đã ký)` and the like are skipped.
 */
export function readSigner(lines: Array<{ text: string; bold: boolean }>): Signer | null {
  const kept = lines.filter((l) => (!isRuleText(l.text) || l.text === '') && !/^\(.*\)$/u.test(l.text));
  const first = kept.findIndex((l) => l.text !== '');
  if (first < 0) return null;
  const headLine = kept[first].text;
  let prefix: SignerPrefix = '';
  let title = headLine;
  const m = PREFIX.exec(headLine);
  if (m) {
    const p = `${m[1]}.` as SignerPrefix;
    if ((SIGNER_PREFIXES as readonly string[]).includes(p)) {
      prefix = p;
      title = headLine.slice(m[0].length).trim();
    }
  }
  let last = -1;
  for (let i = kept.length - 1; i > first; i--) {
    if (kept[i].text !== '') {
      last = i;
      break;
    }
  }
  let nameAt = -1;
  if (last > first) {
    const afterGap = kept[last - 1].text === '';
    const looksLikeName = kept[last].bold && !isCapitals(kept[last].text);
    if (afterGap || looksLikeName) nameAt = last;
  }
  const name = nameAt >= 0 ? kept[nameAt].text : '';
  const middle = kept.slice(first + 1, nameAt >= 0 ? nameAt : kept.length).filter((l) => l.text !== '' && isCapitals(l.text));
  return { prefix, title, deputyTitle: middle.map((l) => l.text).join('\n'), name };
}

/** The closing table: recipients under `Nơi nhận:` (the `- ` dropped, punctuation kept) and the signature block. */
export function readClosing(tbl: Tbl): ClosingRead {
  const width = Math.max(...tbl.rows.map((r) => r.cells.length));
  let recipientsColumn = 0;
  for (let c = 0; c < width; c++) {
    if (columnLines(tbl, c).some((l) => /^noi nhan\b/.test(foldForSearch(l.text)))) {
      recipientsColumn = c;
      break;
    }
  }
  const signerColumn = width > 1 ? (recipientsColumn === 0 ? width - 1 : 0) : -1;
  return {
    recipients: readRecipients(columnLines(tbl, recipientsColumn)),
    signer: signerColumn >= 0 ? readSigner(columnLines(tbl, signerColumn)) : null,
  };
}

/** The closing typed as paragraphs (tabs between recipients and the signature block, or one under the other). */
export function readClosingParagraphs(paras: readonly Para[]): ClosingRead {
  const { left, right } = tabColumns(paras, (_p, text) =>
    /^[-–—+•]/u.test(text) || /^noi nhan\b/.test(foldForSearch(text)) ? 'left' : 'right',
  );
  return { recipients: readRecipients(left), signer: readSigner(right) };
}

/** Recipients: the lines under `Nơi nhận:`, the leading `- ` dropped, their punctuation kept. */
export function readRecipients(lines: readonly Line[]): string[] {
  const recipients: string[] = [];
  let started = false;
  for (const line of lines) {
    if (/^noi nhan\b/.test(foldForSearch(line.text))) {
      started = true;
      const after = line.text.replace(/^[^:]*:\s*/u, '');
      if (after && after !== line.text) recipients.push(after.replace(/^[-–—+•]\s*/u, '').trim());
      continue;
    }
    if (!started || !line.text) continue;
    recipients.push(line.text.replace(/^[-–—+•]\s*/u, '').trim());
  }
  return recipients.filter(Boolean);
}

/** `KT. CHỦ TỊCH`, `TM. ỦY BAN NHÂN DÂN`: the first line of a signature block. */
export function isSignerHead(text: string): boolean {
  return /^(KT|TM|TL|TUQ|Q)\s*\.\s*\p{Lu}/u.test(text) && isCapitals(text);
}
