/**
 * The tracking's files as bytes (#23): the return workbooks, the report's DOCX and the status table's XLSX, from
 * models the service built from the store. Store-free: the jobs worker runs these on the desktop (jobs/tasks.ts).
 * Characters a Word or Excel file cannot hold are dropped once here, as renderExport does for the plan.
 */
import { MIME, type RenderedFile } from '../export/render';
import { xmlSafeDeep } from '../model/xml-text';
import type { ReportDocModel } from '../export/docx/report';
import type { ReturnBook } from './returns-write';
import type { StatusTableModel } from './status-xlsx';

/** One workbook per unit, in the order given. */
export async function renderReturnBooks(books: ReturnBook[]): Promise<RenderedFile[]> {
  const { writeReturnBook } = await import('./returns-write');
  const out: RenderedFile[] = [];
  for (const book of books) out.push({ fileName: book.fileName, mime: MIME.xlsx, bytes: await writeReturnBook(xmlSafeDeep(book)), notes: [] });
  return out;
}

/** What a report export renders: the Báo cáo (DOCX) or the status table (XLSX). */
export type ReportFileJob = { format: 'docx'; fileName: string; model: ReportDocModel } | { format: 'xlsx'; fileName: string; model: StatusTableModel };

export async function renderReportFile(job: ReportFileJob): Promise<RenderedFile> {
  if (job.format === 'docx') {
    const { exportReportDocx } = await import('../export/docx/report');
    const { buffer, fixes } = await exportReportDocx(xmlSafeDeep(job.model));
    return { fileName: job.fileName, mime: MIME.docx, bytes: buffer, notes: fixes };
  }
  const { writeStatusTable } = await import('./status-xlsx');
  return { fileName: job.fileName, mime: MIME.xlsx, bytes: await writeStatusTable(xmlSafeDeep(job.model)), notes: [] };
}
