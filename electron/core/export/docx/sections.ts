import { AlignmentType, Header, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions, type FileChild } from 'docx';
import { FONT } from './fonts';
import { A4, HEADER_DISTANCE, MARGIN, halfPoints } from './units';

/** Page numbers: Arabic, 14 pt, upright, centred in the top margin. */
function numberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: halfPoints(14) })],
      }),
    ],
  });
}

/**
 * One document of the package (Decision, Plan, appendix) as its own section: it starts on a new page,
 * counts its pages from 1 and shows no number on its first page (`titlePage` + an empty first header).
 * Every section sets its headers, because a section without them inherits the previous section's.
 */
export function documentSection(children: FileChild[], landscape = false): ISectionOptions {
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { ...MARGIN, header: HEADER_DISTANCE, footer: HEADER_DISTANCE, gutter: 0 },
        pageNumbers: { start: 1 },
      },
    },
    headers: { default: numberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
    children,
  };
}
