import ExcelJS from 'exceljs';
import { UserError } from '../../errors';
import { IMPORT_MAX_FILE_BYTES, IMPORT_MAX_RATIO, openImportArchive } from '../docx/zip';

/** Larger than any real appendix workbook, small enough to refuse a hostile file before unzipping it (the importers' one limit). */
export const XLSX_MAX_BYTES = IMPORT_MAX_FILE_BYTES;
/** A part that unzips to more than this many times its packed size (and to more than 1 MB) is a zip bomb. */
export const XLSX_MAX_RATIO = IMPORT_MAX_RATIO;

/**
 * Refuses what cannot be read before handing it to exceljs, then loads it; one clear message naming the file.
 * The file goes through the importers' one safe unzip first (import/docx/zip.ts: size, password, zip bombs, parts
 * climbing out, the import budget, DTD/entity declarations), which also counts the places of its XML that were not
 * UTF-8 text or held lone surrogates (`replaced`: exceljs reads them as U+FFFD, the import says so).
 */
export async function loadWorkbook(data: Buffer, fileName: string): Promise<{ wb: ExcelJS.Workbook; replaced: number }> {
  const archive = openImportArchive(data, fileName, 'xlsx');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error && e.message ? ` (${e.message.split('\n')[0].slice(0, 120)})` : '';
    // exceljs's own words (English) stay in the log's message; the person reads the catalogue's.
    throw UserError.coded('xlsxFile.unreadable', { file: fileName }, `Tệp “${fileName}” đã bị hỏng hoặc không phải tệp .xlsx: không đọc được${why}.`);
  }
  return { wb, replaced: archive.replacedCharacters() };
}
