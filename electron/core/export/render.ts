import type { DocxPart, ExportFormat } from '../api/contract';
import type { PlanPackage } from '../model/types';
import { slug } from '../model/text';
import type { CodedMessage } from '../model/messages';
import { xmlSafeDeep } from '../model/xml-text';

export interface RenderedFile {
  fileName: string;
  mime: string;
  bytes: Buffer;
  /** What the exporter fixed or wants the drafter to know (punctuation added, …): coded, the reader's language decides the words. */
  notes: CodedMessage[];
}

export const MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file name a drafter recognises and any mail system accepts: `ke-hoach-cchc-nam-2024.docx`. */
export function exportFileName(pkg: PlanPackage, format: ExportFormat, parts?: DocxPart[]): string {
  const suffix = parts && parts.length && parts.length < 3 ? `-${parts.join('-')}` : '';
  return `${slug(pkg.title)}${suffix}.${format}`;
}

/**
 * Turns a package into the bytes of one export format; the caller decides where they go.
 * Each writer is imported when first asked for: a DOCX export never loads exceljs (half a second of start-up).
 */
export async function renderExport(pkg: PlanPackage, format: ExportFormat, parts?: DocxPart[]): Promise<RenderedFile> {
  const fileName = exportFileName(pkg, format, parts);
  switch (format) {
    case 'json': {
      const { serializeExchange } = await import('../exchange/exchange');
      return { fileName, mime: MIME.json, bytes: Buffer.from(serializeExchange(pkg), 'utf8'), notes: [] };
    }
    case 'docx': {
      const { exportDocx } = await import('./docx');
      // Word and Excel files are XML: characters XML cannot hold (U+FFFF, control codes …) are dropped here, once.
      const { buffer, fixes } = await exportDocx(xmlSafeDeep(pkg), { parts });
      return { fileName, mime: MIME.docx, bytes: buffer, notes: fixes };
    }
    case 'xlsx': {
      const { exportXlsx } = await import('./xlsx/export');
      return { fileName, mime: MIME.xlsx, bytes: await exportXlsx(xmlSafeDeep(pkg)), notes: [] };
    }
  }
}
