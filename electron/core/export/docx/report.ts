/**
 * The Báo cáo of a period (#23) as DOCX, in the format of Nghị định 30/2020/NĐ-CP, from the plan writer's own pieces:
 * the header (issuing body, national title, `Số: …/BC-UBND`, place and date), `BÁO CÁO` and its summary, the
 * `Kính gửi:` line(s), the body as the plan's body is printed (labels `I.`, `1.`, `a)`, `-` from the order), the
 * closing block (Nơi nhận, signature; never alone on its page), then the appendix "Tình hình thực hiện …" as a
 * landscape section with the appendix table writer (header repeated, rows kept whole, grouped as the plan, numbered
 * as the plan numbers its rows). No legal bases: a report has none. Each document numbers its pages from 1, no number
 * on its first page, as the plan's.
 */
import { AlignmentType, Document, LineRuleType, Paragraph, type FileChild } from 'docx';
import { documentNumber, placeDateLine, recipientLinesPrinted, type BodyNode, type Issuer, type PlanPackage, type Signer } from '../../model';
import type { CodedMessage } from '../../model/messages';
import { appendixChildren } from './appendix';
import { bodyChildren } from './plan';
import { BODY_SIZE } from './body';
import { clean } from './clean';
import { closingTable } from './closing';
import { titleBlock } from './decision';
import { blank, centred, runs, DOCUMENT_STYLES, FONT } from './fonts';
import { headerTable } from './header';
import { pack } from './index';
import { documentSection } from './sections';
import { halfPoints } from './units';

/** The type name of the document (Nghị định 30, Phụ lục III: BC). */
export const REPORT_TITLE = 'BÁO CÁO';
/** `Kính gửi:`, before the addressee(s). */
export const ADDRESSED_TO = 'Kính gửi:';

export interface ReportDocModel {
  issuer: Issuer;
  /** The year blank dates are printed in. */
  year: number;
  number: string;
  symbol: string;
  date: string | null;
  place: string;
  summary: string;
  addressees: string[];
  recipients: string[];
  signer: Signer;
  body: BodyNode[];
  /** The appendix: its label, title, the "(Kèm theo Báo cáo …)" line and its table as an appendix of a package. */
  appendix: { label: string; title: string; citation: string; pkg: PlanPackage } | null;
}

/** `Kính gửi: Bộ Nội vụ.` on one centred line; several addressees each on their own line after it, as offices set them. */
function addressedTo(addressees: readonly string[]): FileChild[] {
  const list = addressees.map((a) => clean(a).trim().replace(/[.;,]+$/, '')).filter(Boolean);
  if (!list.length) return [];
  const spacing = { before: 120, after: 120, line: 240, lineRule: LineRuleType.AUTO };
  if (list.length === 1) return [centred(`${ADDRESSED_TO} ${list[0]}.`, { size: BODY_SIZE }, { spacing })];
  return [
    new Paragraph({
      alignment: AlignmentType.LEFT,
      indent: { left: 2268 },
      spacing,
      run: { font: FONT, size: halfPoints(BODY_SIZE) },
      children: [
        ...runs(ADDRESSED_TO, { size: BODY_SIZE }),
        ...list.flatMap((a, i) => runs(`\n- ${a}${i === list.length - 1 ? '.' : ';'}`, { size: BODY_SIZE })),
      ],
    }),
  ];
}

/** The report's bytes and the punctuation fixed on the way (coded export notes, as the plan's). */
export async function exportReportDocx(model: ReportDocModel): Promise<{ buffer: Buffer; fixes: CodedMessage[] }> {
  const fixes: CodedMessage[] = [];
  const recipients = recipientLinesPrinted(model.recipients, 'Báo cáo, Nơi nhận', clean);
  fixes.push(...recipients.fixes);
  const report: FileChild[] = [
    headerTable({
      issuer: model.issuer,
      numberLine: documentNumber(clean(model.number), clean(model.symbol) || 'BC-UBND'),
      placeDate: placeDateLine(clean(model.place), model.date, model.year),
    }),
    ...titleBlock(REPORT_TITLE, model.summary),
    ...addressedTo(model.addressees),
    ...bodyChildren(model.body, null, true),
    blank(BODY_SIZE, { keepNext: true }),
    closingTable(recipients.lines, model.signer),
  ];
  const sections = [documentSection(report)];
  let table: string[] | null = null;
  if (model.appendix) {
    const { pkg, citation } = model.appendix;
    const part = appendixChildren({ ...pkg, appendix: { ...pkg.appendix, label: model.appendix.label, title: model.appendix.title } }, citation);
    table = part.table;
    sections.push(documentSection(part.children, true));
  }
  const doc = new Document({ creator: 'Soạn Kế hoạch', title: clean(`${REPORT_TITLE} ${model.summary}`), styles: DOCUMENT_STYLES, sections });
  return { buffer: pack(doc, table), fixes };
}

