/**
 * DOCX export of a plan package in the format of Nghị định 30/2020/NĐ-CP: the Decision, the Plan it
 * issues (new page, own header) and the appendix table (landscape section), each numbered on its own.
 *
 * Electron-free: node builtins, `docx` and the model only, so the CLI, the app and the tests share it.
 */
import { Document, Packer, type ISectionOptions } from 'docx';
import { appendixPrinted, citationLines, type PlanPackage } from '../model';
import { UserError } from '../errors';
import { appendixChildren } from './appendix';
import { clean } from './clean';
import { decisionChildren } from './decision';
import { DOCUMENT_STYLES } from './fonts';
import { planChildren } from './plan';
import { documentSection } from './sections';

export type DocxPart = 'decision' | 'plan' | 'appendix';
export const DOCX_PARTS: readonly DocxPart[] = ['decision', 'plan', 'appendix'];

export interface DocxExportOptions {
  /** Which documents to include (always in the order Decision, Plan, appendix). Default: all there are. */
  parts?: DocxPart[];
}

export interface DocxExport {
  buffer: Buffer;
  /** Human-readable corrections made on the way: `Căn cứ 3: added ";" at the end`. */
  fixes: string[];
}

/**
 * What the Plan and the appendix cite in their "(Ban hành kèm theo …)" line: the Decision, or for a
 * standalone Plan the Plan itself (for the appendix). Blank number and date stay as ND30 blanks.
 */
export function citationLine(pkg: PlanPackage): { plan: string | null; appendix: string | null } {
  return citationLines(pkg, clean);
}

export async function exportDocx(pkg: PlanPackage, opts: DocxExportOptions = {}): Promise<DocxExport> {
  const wanted = new Set<DocxPart>(opts.parts && opts.parts.length ? opts.parts : DOCX_PARTS);
  const fixes: string[] = [];
  const citation = citationLine(pkg);
  const sections: ISectionOptions[] = [];
  if (wanted.has('decision') && pkg.decision) sections.push(documentSection(decisionChildren(pkg, pkg.decision, fixes)));
  if (wanted.has('plan')) sections.push(documentSection(planChildren(pkg, citation.plan, fixes)));
  // A plan with no appendix rows prints no appendix: no landscape page with an empty table.
  if (wanted.has('appendix') && appendixPrinted(pkg)) sections.push(documentSection(appendixChildren(pkg, citation.appendix), true));
  if (sections.length === 0) {
    throw UserError.coded('docx.nothingToExport', {}, 'Nothing to export: the parts asked for are not in this plan (no Decision, or an appendix without rows).');
  }

  const doc = new Document({
    creator: 'Soạn Kế hoạch',
    title: clean(pkg.title),
    description: clean(pkg.title),
    styles: DOCUMENT_STYLES,
    sections,
  });
  const buffer = await Packer.toBuffer(doc);
  return { buffer, fixes };
}

