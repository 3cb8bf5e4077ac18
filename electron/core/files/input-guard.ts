/**
 * The one guard of everything a user hands the program to read — a Word or Excel file, an exchange file, and the
 * request that carries one over the loopback host or IPC — so the limits agree from the transport to the parser:
 *
 * - the size of an imported file (IMPORT_FILE_MAX_BYTES), and what it becomes in transit (base64, a JSON request);
 * - the nesting of a JSON file, refused before JSON.parse can overflow the stack (jsonNestingDepth);
 * - the memory budget of a zip (DOCX, XLSX), judged from its central directory before anything is inflated or
 *   parsed (checkPartBudget). A parser holds several times a part's size while it builds its tree (a 195 MB
 *   document.xml took the host past 4 GB), so each XML part is capped in proportion to what a real plan needs:
 *   a plan's document.xml is about 0.3 MB, and a 10,000-row appendix (MAX_APPENDIX_ROWS) 15–18 MB of table XML in
 *   our own DOCX (9 columns: 18 MB) and at most 15 MB per sheet in our XLSX (34 MB in all). The caps leave room for
 *   that and keep a refused file well under 15 s and 1 GB.
 *
 * Text read from such a file is made NFC by model/text.ts `deepNfc`.
 */
import { UserError } from '../errors';

const MB = 1024 * 1024;

/**
 * An imported file (.docx, .xlsx, exchange .json): larger than any real plan (a 20,000-row appendix is ~15 MB of
 * JSON, a 2,000-row DOCX ~0.3 MB), small enough to refuse a hostile file before unzipping or parsing it.
 */
export const IMPORT_FILE_MAX_BYTES = 50 * 1024 * 1024;
/** An imported file's bytes as base64 (how IPC and the loopback host carry a .docx or .xlsx): 4 characters per 3 bytes. */
export const IMPORT_BASE64_MAX_CHARS = Math.ceil(IMPORT_FILE_MAX_BYTES / 3) * 4;
/**
 * An exchange file sent as text: UTF-16 code units, never more than its UTF-8 bytes, plus room for a file that is
 * a little over the limit to reach the exchange reader and get its own clear message rather than "invalid argument".
 */
export const IMPORT_TEXT_MAX_CHARS = IMPORT_FILE_MAX_BYTES + 10 * 1024 * 1024;
/**
 * One request to the loopback host: the largest argument (an imported file in base64, or an exchange file's text
 * written as JSON) plus its envelope. Anything bigger is refused unread.
 */
export const API_REQUEST_MAX_BYTES = (Math.ceil(Math.max(IMPORT_BASE64_MAX_CHARS, IMPORT_TEXT_MAX_CHARS) / MB) + 4) * MB;
/** A plan's JSON is a few levels deep (the body tree, sub-rows); deeper input is refused before JSON.parse. */
export const IMPORT_JSON_MAX_DEPTH = 64;

/**
 * The deepest nesting of objects and arrays in a JSON text (0 for a scalar), counted without parsing it, so a
 * file nested a million levels deep is refused before JSON.parse overflows the stack. Brackets inside strings
 * (escapes included) do not count.
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

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
