/**
 * Advance widths of Times New Roman (identical to its metric twin Liberation Serif), in 1/1000 em,
 * for printable ASCII and the Vietnamese letters whose base is not ASCII. Used to size the short lines under
 * the issuing body, the motto and the summary, which Nghị định 30 ties to the text length, the header's columns,
 * and the wide appendix tables' columns (table-widths.ts, shared by the DOCX and the preview); a precomposed
 * letter (ằ, ộ) is as wide as its base letter. In the model so that the page (preview) measures as the DOCX does.
 */
const CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ĐđƠơƯư…–“”";
const REGULAR = [250,333,408,500,500,833,778,180,333,333,500,564,250,333,250,278,500,500,500,500,500,500,500,500,500,500,278,278,564,564,564,444,921,722,667,667,722,611,556,722,722,333,389,722,611,889,722,722,556,722,667,556,611,722,722,944,722,722,611,333,278,333,469,500,333,444,500,444,500,444,333,500,500,278,278,500,278,778,500,500,500,500,333,389,278,500,500,722,500,500,444,480,200,480,541,722,500,722,529,776,542,1000,500,444,444];
const BOLD = [250,333,555,500,500,1000,833,278,333,333,500,570,250,333,250,278,500,500,500,500,500,500,500,500,500,500,333,333,570,570,570,500,930,722,667,722,722,667,611,778,778,389,500,778,667,944,722,778,611,778,722,556,667,722,722,1000,722,722,667,333,278,333,581,500,333,500,556,444,556,444,333,500,556,278,333,556,278,833,556,500,556,556,444,389,333,556,500,722,500,500,444,394,220,394,520,722,556,778,554,796,600,1000,500,500,500];
const ITALIC = [250,333,420,500,500,833,778,214,333,333,500,675,250,333,250,278,500,500,500,500,500,500,500,500,500,500,333,333,675,675,675,500,920,611,611,667,722,611,611,722,722,333,444,667,556,833,667,722,611,722,611,500,556,722,611,833,611,556,556,389,278,389,422,500,333,500,500,444,500,444,278,500,500,278,278,444,278,722,500,500,500,500,389,389,278,500,444,667,444,444,389,400,275,400,541,722,500,722,534,754,545,889,500,556,556];

export type FontFace = "regular" | "bold" | "italic";

const TABLES: Record<FontFace, Map<string, number>> = {
  regular: table(REGULAR),
  bold: table(BOLD),
  italic: table(ITALIC),
};

function table(widths: number[]): Map<string, number> {
  const m = new Map<string, number>();
  [...CHARS].forEach((ch, i) => m.set(ch, widths[i]));
  m.set("\u00a0", m.get(" ") ?? 250);
  return m;
}

/** Width of one line of text in twips at `sizePt`. Unknown characters count as half an em. */
export function textWidth(text: string, sizePt: number, face: FontFace): number {
  const widths = TABLES[face];
  let units = 0;
  for (const ch of text) {
    const direct = widths.get(ch);
    if (direct !== undefined) {
      units += direct;
      continue;
    }
    // A letter with marks (ằ, ộ) is as wide as its base: worked out once per letter, then kept in the table,
    // since contentWidths measures every word of a wide table (10,000 rows: hundreds of thousands of words).
    const width = widths.get(ch.normalize("NFD")[0]) ?? 500;
    widths.set(ch, width);
    units += width;
  }
  return Math.round((units * sizePt * 20) / 1000);
}
