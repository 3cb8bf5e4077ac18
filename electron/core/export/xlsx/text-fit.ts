/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice fits a row to its wrapped text when they
 * open a generated file, so the exporter sets each row's height from the text it holds, measured with
 * Times New Roman's advance widths (in thousandths of an em; a letter with diacritics is as wide as its base).
 * Column widths are in units of the workbook's default font (Calibri, as exceljs writes it): where Calibri
 * (or its metric twin Carlito) is missing, LibreOffice draws the columns wider and the rows look roomy.
 */
const TNR_WIDTHS: Record<string, number> = {
  a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778, n: 500,
  o: 500, p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444,
  A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889, N: 722,
  O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722, Z: 611,
  ' ': 250, '.': 250, ',': 250, ';': 278, ':': 278, '-': 333, '–': 500, '(': 333, ')': 333, '/': 278, '"': 408,
  '“': 444, '”': 444, "'": 180, '%': 833, '&': 778,
};
/** Bold Times is wider; this keeps the estimate on the safe side. */
const BOLD_FACTOR = 1.08;
/** The measure errs wide by this much, so that a line the program thinks fits does fit. */
const SAFETY = 1.03;

function measureChar(code: number): number {
  const ch = String.fromCodePoint(code);
  const base = ch.normalize('NFD').charAt(0).replace('đ', 'd').replace('Đ', 'D');
  return TNR_WIDTHS[base] ?? (/\d/.test(base) ? 500 : base === base.toUpperCase() && base !== base.toLowerCase() ? 722 : 500);
}

/** Widths of the Latin and Vietnamese letters by code point, measured once (the export measures every cell). */
const TABLE_SIZE = 0x2100;
const charTable = new Float64Array(TABLE_SIZE);
function charWidth(code: number): number {
  if (code >= TABLE_SIZE) return 1000;
  let w = charTable[code];
  if (w === 0) {
    w = measureChar(code);
    charTable[code] = w;
  }
  return w;
}

const wordCache = new Map<string, number>();
function textWidthEm(text: string): number {
  let em = wordCache.get(text);
  if (em === undefined) {
    let w = 0;
    for (let i = 0; i < text.length; i++) w += charWidth(text.charCodeAt(i));
    em = (w / 1000) * SAFETY;
    if (wordCache.size > 50_000) wordCache.clear();
    wordCache.set(text, em);
  }
  return em;
}

/** Points available for text in a column `width` characters wide (Calibri 11 digit: 7 px; 5 px padding, 2 px inset each side). */
export function columnTextWidthPt(width: number): number {
  return ((Math.trunc(width * 7 + 5) - 6) * 72) / 96;
}

/**
 * Line counts by width, size, weight and text: a text is measured once per column setting. The same texts come
 * back across a workbook (agency names, deadlines, and every task in the Phụ lục, Phân công, Theo cơ quan and
 * Tiến độ sheets), so a 10,000-row export measures each of them once instead of once per cell.
 */
const linesCache = new Map<string, number>();

/** Lines the text takes when wrapped at word boundaries in `widthPt`. */
export function wrappedLines(text: string, widthPt: number, sizePt: number, bold = false): number {
  if (!text) return 0;
  const key = `${widthPt}|${sizePt}|${bold ? 1 : 0}|${text}`;
  const known = linesCache.get(key);
  if (known !== undefined) return known;
  const lines = measureLines(text, widthPt, sizePt, bold);
  // Bounded: a long-running app exports many plans.
  if (linesCache.size > 50_000) linesCache.clear();
  linesCache.set(key, lines);
  return lines;
}

function measureLines(text: string, widthPt: number, sizePt: number, bold: boolean): number {
  const scale = sizePt * (bold ? BOLD_FACTOR : 1);
  const space = textWidthEm(' ') * scale;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/ +/)) {
      if (!word) continue;
      const w = textWidthEm(word) * scale;
      if (used === 0) {
        // A word longer than the line breaks inside itself.
        const extra = Math.max(0, Math.ceil(w / widthPt) - 1);
        lines += extra;
        used = w - extra * widthPt;
      } else if (used + space + w <= widthPt) {
        used += space + w;
      } else {
        lines++;
        const extra = Math.max(0, Math.ceil(w / widthPt) - 1);
        lines += extra;
        used = w - extra * widthPt;
      }
    }
  }
  return lines;
}

/** Height in points for a row holding these cells (text, column width in characters, font size, bold). */
export function rowHeightPt(cells: ReadonlyArray<{ text: string; width: number; size: number; bold?: boolean }>, minLines = 1): number {
  let best = 0;
  for (const c of cells) {
    const lines = Math.max(minLines, wrappedLines(c.text, columnTextWidthPt(c.width), c.size, c.bold));
    // Excel sets a Times New Roman line at ~1.3 × its size (15.75 pt for 12 pt); LibreOffice tighter.
    best = Math.max(best, lines * c.size * 1.3 + 3);
  }
  return Math.min(409, Math.ceil(best * 4) / 4);
}
