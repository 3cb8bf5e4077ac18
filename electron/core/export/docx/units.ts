/**
 * Page geometry. Word measures in twips (1/20 pt, 1/1440 inch); the decree speaks millimetres.
 * Everything is computed once here so each module lays out against the same text width.
 */
export const TWIPS_PER_MM = 1440 / 25.4;

export function mm(value: number): number {
  return Math.round(value * TWIPS_PER_MM);
}

/** Half-points, the unit of `w:sz`: 13 pt → 26. */
export function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Portrait A4. A landscape section passes these too: the `docx` library swaps them itself. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Nghị định 30 ranges: top/bottom 20–25, left 30–35, right 15–20 mm; we take the common 20/20/30/15. */
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;
/** Distance from the page edge to the page-number line, inside the 20 mm top margin. */
export const HEADER_DISTANCE = mm(10);

export const PORTRAIT_TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
export const LANDSCAPE_TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right;

/** First-line indent of body paragraphs: 1.27 cm, Word's default tab, inside the decree's 1–1.27 cm. */
export const FIRST_LINE_INDENT = 720;
/** 6 pt after each body paragraph (the decree asks for at least 6 pt). */
export const PARAGRAPH_AFTER = 120;
/**
 * Line spacing 1.1 (240 = single, 360 = 1.5): inside the decree's single–1.5 range and as compact as
 * the signed originals, which keep a one-page Decision on one page.
 */
export const BODY_LINE = 264;
