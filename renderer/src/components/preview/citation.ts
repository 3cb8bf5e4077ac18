/**
 * The "(Ban hành kèm theo …)" line of the Plan and the appendix: the model's page description
 * (electron/core/model/pages.ts, citationLines), the same words and blanks the DOCX and XLSX print.
 */
export { citationLines } from '../../../../electron/core/model/pages';

/**
 * A citation too long for one line breaks before `ngày`, as the export sets it (wrapCitation), rather than
 * wherever the line ends. The export measures the text; about 80 characters fill a line at 14 pt.
 */
export function wrapCitation(citation: string, maxChars = 80): string {
  return citation.length <= maxChars ? citation : citation.replace(/ (ngày )/u, '\n$1');
}
