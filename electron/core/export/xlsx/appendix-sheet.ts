import type { Workbook, Worksheet } from 'exceljs';
import type { PlanPackage } from '../../model/types';
import { cellText } from '../../model/text';
import { appendixLabel, citationLines } from '../../model/pages';
import { CITED_KIND, ISSUED_WITH } from '../../model/nd30-text';
import { groupLabel, rowLines, rowNumbering } from '../../model/rows';
import { rowHeightPt } from './text-fit';
import { PAGE_NUMBER_FOOTER, SHEET_APPENDIX, TABLE_FONT_SIZE, landscapeA4, mmToColumnWidth, styled } from './style';

/** Where the parts of the printed appendix sit; the importer finds them by their captions anyway. */
export const APPENDIX_HEADER_ROW = 5;

/**
 * `(Ban hành kèm theo Quyết định số 2142/QĐ-UBND ngày 09/12/2023 của Ủy ban nhân dân tỉnh)`; blanks while unsigned.
 * The same line as the DOCX appendix and the preview (model/pages.ts, citationLines); a standalone Plan not yet
 * given its number block cites the Plan without number or date.
 */
function issuedWithLine(pkg: PlanPackage): string {
  return citationLines(pkg).appendix ?? `(${ISSUED_WITH} ${CITED_KIND.plan} của ${pkg.issuer.citedAs.trim()})`;
}

/**
 * The appendix as printed: `PHỤ LỤC`, its title and the issuing line, then the table with the plan's own
 * columns, Roman-numeral group rows bold across, tasks numbered by the appendix's numbering. Hidden columns
 * are kept as hidden sheet columns so that the workbook reads back into the same appendix. A parent row that
 * spans its sub-rows (model v2) is written once, its cells merged down over its sub-rows' lines, as in the DOCX.
 */
export function writeAppendixSheet(wb: Workbook, pkg: PlanPackage): Worksheet {
  const { columns, groups } = pkg.appendix;
  const ws = wb.addWorksheet(SHEET_APPENDIX, {
    pageSetup: landscapeA4(`${APPENDIX_HEADER_ROW}:${APPENDIX_HEADER_ROW}`),
    headerFooter: { oddFooter: PAGE_NUMBER_FOOTER },
    views: [{ state: 'frozen', xSplit: 0, ySplit: APPENDIX_HEADER_ROW, showGridLines: false }],
  });
  const lastCol = columns.length;
  const widths = columns.map((c) => mmToColumnWidth(c.width));
  ws.columns = columns.map((c, i) => ({ key: c.key, width: widths[i], hidden: c.hidden }));
  // What a merged cell from column `from` (1-based) to the last one can hold; hidden columns print nothing.
  const spanWidth = (from: number) => columns.slice(from - 1).reduce((w, c, i) => w + (c.hidden ? 0 : widths[from - 1 + i]), 0);
  const tableWidth = spanWidth(1);
  const size = TABLE_FONT_SIZE;

  const titleLine = (row: number, text: string, look: { bold?: boolean; italic?: boolean; size: number }) => {
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.style = styled({ ...look, align: 'center', valign: 'middle' });
    if (lastCol > 1) ws.mergeCells(row, 1, row, lastCol);
    ws.getRow(row).height = rowHeightPt([{ text, width: tableWidth, size: look.size, bold: look.bold }]);
  };
  titleLine(1, appendixLabel(pkg), { bold: true, size: 14 });
  titleLine(2, pkg.appendix.title, { bold: true, size: 14 });
  titleLine(3, issuedWithLine(pkg), { italic: true, size: 13 });

  const header = ws.getRow(APPENDIX_HEADER_ROW);
  const headerStyle = styled({ bold: true, align: 'center', valign: 'middle', border: true });
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.caption;
    cell.style = headerStyle;
  });
  header.height = rowHeightPt(columns.map((c, i) => ({ text: c.hidden ? '' : c.caption, width: widths[i], size, bold: true })));

  const names = new Map(pkg.agencies.map((a) => [a.key, a.name]));
  const printed = rowLines(pkg.appendix, true);
  const numbering = rowNumbering(pkg.appendix);
  const numberIndex = columns.findIndex((c) => c.kind === 'number');
  // The Roman numeral goes in the STT column when it comes first, as in the official appendices;
  // otherwise the whole group row reads `I. Title`.
  const romanInOwnCell = numberIndex === 0 && lastCol > 1;
  const groupStyle = styled({ bold: true, border: true });
  const groupNumberStyle = styled({ bold: true, border: true, align: 'center' });
  const taskStyles = columns.map((c) =>
    c.kind === 'number'
      ? styled({ border: true, align: 'center', numFmt: '0"."' })
      : styled({ border: true, align: c.role === 'deadline' ? 'center' : 'left' }),
  );

  let r = APPENDIX_HEADER_ROW + 1;
  groups.forEach((group, g) => {
    const row = ws.getRow(r);
    for (let i = 1; i <= lastCol; i++) row.getCell(i).style = i === 1 && romanInOwnCell ? groupNumberStyle : groupStyle;
    if (romanInOwnCell) {
      row.getCell(1).value = groupLabel(numbering, g).replace(/\.$/, '');
      row.getCell(2).value = group.title;
      if (lastCol > 2) ws.mergeCells(r, 2, r, lastCol);
      row.height = rowHeightPt([{ text: group.title, width: spanWidth(2), size, bold: true }]);
    } else {
      const label = groupLabel(numbering, g).replace(/\.$/, '');
      const text = group.title ? `${label}. ${group.title}` : label;
      row.getCell(1).value = text;
      if (lastCol > 1) ws.mergeCells(r, 1, r, lastCol);
      row.height = rowHeightPt([{ text, width: tableWidth, size, bold: true }]);
    }
    r++;
    printed[g].forEach((line) => {
      const row = ws.getRow(r);
      const fit: Array<{ text: string; width: number; size: number }> = [];
      line.cells.forEach((lineCell, i) => {
        const c = lineCell.column;
        const cell = row.getCell(i + 1);
        if (c.kind === 'number') {
          // A whole number stays a number (formatted "12."); a sub-row's "1.2" is text "1.2.".
          if (/^\d+$/.test(line.label)) cell.value = Number(line.label);
          else if (line.label) cell.value = `${line.label}.`;
        } else if (lineCell.merge !== 'continue') {
          const text = cellText(lineCell.value, names);
          if (text) cell.value = text;
          // A merged cell's text is shared by its lines: it does not make its first line taller.
          if (!c.hidden) fit.push({ text: lineCell.merge === 'restart' ? '' : text, width: widths[i], size });
        }
        cell.style = taskStyles[i];
        if (lineCell.merge === 'restart') ws.mergeCells(r, i + 1, r + lineCell.span - 1, i + 1);
      });
      row.height = rowHeightPt(fit);
      // Written out now (streaming export; a no-op in an in-memory workbook): a big plan never holds all its rows.
      row.commit();
      r++;
    });
  });
  return ws;
}
