/**
 * The memory budget of an import (DOCX, XLSX), judged from the zip's central directory before anything is
 * inflated or parsed. A parser holds several times a part's size while it builds its tree (a 195 MB
 * document.xml took the host past 4 GB), so each XML part is capped in proportion to what a real plan needs:
 * a plan's document.xml is about 0.3 MB, and a 10,000-row appendix (MAX_APPENDIX_ROWS) 15–18 MB of table XML in our
 * own DOCX (9 columns: 18 MB) and at most 15 MB per sheet in our XLSX (34 MB in all). The caps leave room for that
 * and keep a refused file well under 15 s and 1 GB.
 */
import { UserError } from '../errors';

/** One part (document.xml, sheet1.xml, sharedStrings.xml …) unpacked. */
export const IMPORT_MAX_PART_BYTES = 32 * 1024 * 1024;
/** All parts together, unpacked. */
export const IMPORT_MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;

/**
 * Throws a coded UserError when the part `part` (declared `size` bytes unpacked) or the running `total` of the parts
 * so far (this one included) is over the budget. Sizes are those the archive declares; the unzip itself stops any
 * part at its declared size, so a lying header cannot get past this.
 */
export function checkPartBudget(fileName: string, part: string, size: number, total: number): void {
  if (size > IMPORT_MAX_PART_BYTES) {
    throw UserError.coded(
      'import.partTooLarge',
      { file: fileName, part, size: mb(size), max: mb(IMPORT_MAX_PART_BYTES) },
      `${fileName}: the part "${part}" unpacks to ${mb(size)}, more than a plan needs (at most ${mb(IMPORT_MAX_PART_BYTES)}); it was not read.`,
    );
  }
  if (total > IMPORT_MAX_UNZIPPED_BYTES) {
    throw UserError.coded(
      'import.unzippedTooLarge',
      { file: fileName, max: mb(IMPORT_MAX_UNZIPPED_BYTES) },
      `${fileName}: its parts unpack to more than ${mb(IMPORT_MAX_UNZIPPED_BYTES)}, more than a plan needs; it was not read.`,
    );
  }
}
