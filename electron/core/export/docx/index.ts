/**
 * DOCX export of a plan package in the format of Nghị định 30/2020/NĐ-CP: the Decision, the Plan it
 * issues (new page, own header) and the appendix table (landscape section), each numbered on its own.
 *
 * Electron-free: node builtins, `docx` and the model only, so the CLI, the app and the tests share it.
 */
import { Document, Packer, type ISectionOptions } from 'docx';
import { appendixPrinted, citationLines, type PlanPackage } from '../../model';
import { UserError } from '../../errors';
import type { CodedMessage } from '../../model/messages';
import { appendixChildren, TABLE_MARKER } from './appendix';
import { clean } from './clean';
import { decisionChildren } from './decision';
import { DOCUMENT_STYLES } from './fonts';
import { planChildren } from './plan';
import { documentSection } from './sections';
import { zipFiles, type ZipData } from './zip';

export type DocxPart = 'decision' | 'plan' | 'appendix';
export const DOCX_PARTS: readonly DocxPart[] = ['decision', 'plan', 'appendix'];

export interface DocxExportOptions {
  /** Which documents to include (always in the order Decision, Plan, appendix). Default: all there are. */
  parts?: DocxPart[];
}

export interface DocxExport {
  buffer: Buffer;
  /** Corrections made on the way, as coded export notes (`exportNote.addedEnd`: `Căn cứ 3: added ";" at the end`). */
  fixes: CodedMessage[];
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
  const fixes: CodedMessage[] = [];
  const citation = citationLine(pkg);
  const sections: ISectionOptions[] = [];
  let table: string[] | null = null;
  if (wanted.has('decision') && pkg.decision) sections.push(documentSection(decisionChildren(pkg, pkg.decision, fixes)));
  if (wanted.has('plan')) sections.push(documentSection(planChildren(pkg, citation.plan, fixes)));
  // A plan with no appendix rows prints no appendix: no landscape page with an empty table.
  if (wanted.has('appendix') && appendixPrinted(pkg)) {
    const appendix = appendixChildren(pkg, citation.appendix);
    table = appendix.table;
    sections.push(documentSection(appendix.children, true));
  }
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
  return { buffer: pack(doc, table), fixes };
}

/** The part of the docx library's Packer that writes a package's files (path → XML or bytes), before zipping. */
interface PackageCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

/**
 * The .docx file: the docx library writes every part (its `Packer`'s compiler, the same call `Packer.toBuffer`
 * makes), the appendix table's XML goes in place of its marker paragraph in word/document.xml, and Node's zlib
 * zips the parts (docx zips with a JavaScript deflater, several times slower on a large table). The report of a
 * period (#23, report.ts) is packed the same way.
 */
export function pack(doc: Document, table: string[] | null): Buffer {
  // Packer keeps its compiler as a static field that its TypeScript types call private.
  const compiler = (Packer as unknown as { compiler?: PackageCompiler }).compiler;
  if (!compiler || typeof compiler.compile !== 'function') throw new Error('docx: Packer.compiler.compile is gone (docx upgraded?)');
  const parts = compiler.compile(doc);
  const files: Array<[string, ZipData]> = [];
  for (const [path, data] of parts) {
    if (path === 'word/document.xml' && table && typeof data === 'string') files.push([path, spliceTable(data, table)]);
    else files.push([path, data]);
  }
  return zipFiles(files);
}

/** document.xml as pieces: the marker paragraph `<w:p>…TABLE_MARKER…</w:p>` replaced by the table's pieces. */
function spliceTable(xml: string, table: string[]): string[] {
  const at = xml.indexOf(TABLE_MARKER);
  const start = at < 0 ? -1 : xml.lastIndexOf('<w:p>', at);
  const end = at < 0 ? -1 : xml.indexOf('</w:p>', at);
  if (start < 0 || end < 0) throw new Error('docx: the appendix table marker is not in word/document.xml');
  return [xml.slice(0, start), ...table, xml.slice(end + '</w:p>'.length)];
}

