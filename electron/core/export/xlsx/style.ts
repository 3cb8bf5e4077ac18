import type { Borders, Font, PageSetup, Style } from 'exceljs';

/** Nghị định 30: Times New Roman everywhere. */
export const FONT_NAME = 'Times New Roman';
export const TABLE_FONT_SIZE = 12;

export function font(extra: Partial<Font> = {}): Partial<Font> {
  return { name: FONT_NAME, size: TABLE_FONT_SIZE, ...extra };
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const THIN_BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };


export const DATE_FORMAT = 'dd/mm/yyyy';

/*
 * Excel measures a column in characters of the default font's widest digit (Calibri 11: 7 px), plus
 * 5 px of padding; at 96 dpi 1 mm is 96 / 25.4 px. The model keeps millimetres.
 */
const PX_PER_MM = 96 / 25.4;
export function mmToColumnWidth(mm: number): number {
  return Math.max(0.5, (mm * PX_PER_MM - 5) / 7);
}
export function columnWidthToMm(width: number): number {
  return Math.round((((width * 7 + 5) / PX_PER_MM) * 10)) / 10;
}

const MM_PER_INCH = 25.4;
/** Landscape A4, fitted to the page width, as long as it needs to be; margins in the decree's ranges. */
export function landscapeA4(printTitlesRow?: string): Partial<PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: {
      left: 20 / MM_PER_INCH,
      right: 15 / MM_PER_INCH,
      top: 20 / MM_PER_INCH,
      bottom: 20 / MM_PER_INCH,
      header: 8 / MM_PER_INCH,
      footer: 8 / MM_PER_INCH,
    },
    ...(printTitlesRow ? { printTitlesRow } : {}),
  };
}

/** Page number centred in the footer, in the table's font. */
export const PAGE_NUMBER_FOOTER = `&C&"${FONT_NAME},Regular"&12&P`;

export const SHEET_APPENDIX = 'Phụ lục';
export const SHEET_ASSIGNMENT = 'Phân công';
export const SHEET_BY_AGENCY = 'Theo cơ quan';
export const SHEET_SCHEDULE = 'Tiến độ';

export const ROLE_LEAD = 'Chủ trì';
export const ROLE_COOPERATE = 'Phối hợp';

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  border?: boolean;
  numFmt?: string;
  rotate?: number;
}

const styleCache = new Map<string, Partial<Style>>();

/**
 * One shared style object per look. exceljs recognises a style object it has already written by
 * identity, so sharing them keeps a 2,000-row export fast; they are frozen because a cell setter
 * (`cell.font = …`) would otherwise change every cell that shares one.
 */
export function styled(spec: StyleSpec): Partial<Style> {
  const key = JSON.stringify(spec);
  let style = styleCache.get(key);
  if (!style) {
    style = Object.freeze({
      font: font({
        ...(spec.bold ? { bold: true } : {}),
        ...(spec.italic ? { italic: true } : {}),
        ...(spec.size ? { size: spec.size } : {}),
        ...(spec.color ? { color: { argb: spec.color } } : {}),
      }),
      alignment: {
        horizontal: spec.align ?? 'left',
        vertical: spec.valign ?? 'top',
        wrapText: spec.wrap ?? true,
        ...(spec.rotate ? { textRotation: spec.rotate } : {}),
      },
      ...(spec.border ? { border: THIN_BORDERS } : {}),
      ...(spec.numFmt ? { numFmt: spec.numFmt } : {}),
    }) as Partial<Style>;
    styleCache.set(key, style);
  }
  return style;
}
