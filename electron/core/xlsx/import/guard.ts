import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { UserError } from '../../errors';
import { checkPartBudget } from '../../files/input-guard';

/** Larger than any real appendix workbook, small enough to refuse a hostile file before unzipping it. */
export const XLSX_MAX_BYTES = 50 * 1024 * 1024;
/** A part that unzips to more than this many times its packed size (and to more than 1 MB) is a zip bomb. */
export const XLSX_MAX_RATIO = 100;
const RATIO_FLOOR = 1024 * 1024;
export const XLSX_MAX_ENTRIES = 10_000;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: an encrypted (password-protected) .xlsx, or an old .xls. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(data: Buffer, bytes: number[]): boolean {
  return data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
}

const MB = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;

/** A part name that would land outside the folder it is unpacked into: `../x`, `/x`, `C:x`, `a\\..\\x`. */
function climbsOut(name: string): boolean {
  return /^[\\/]/.test(name) || /^[a-zA-Z]:/.test(name) || name.split(/[\\/]/).includes('..') || name.includes('\0');
}

/** A part's text for the declaration scan: UTF-16 (with or without a byte-order mark) or else byte by byte. */
function partText(bytes: Buffer): string {
  if (bytes.length >= 2 && (bytes[0] === 0xff || bytes[1] === 0x00)) return bytes.toString('utf16le');
  if (bytes.length >= 2 && (bytes[0] === 0xfe || bytes[0] === 0x00)) return Buffer.from(bytes.subarray(0, bytes.length & ~1)).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

/**
 * Reads the zip's own directory and unpacks every part with a cap before exceljs sees the file: refuses zip bombs
 * (a part unzipping to more than XLSX_MAX_RATIO times its size, more than the import budget in all (files/input-guard.ts), or more
 * than its header says), part names that climb out of the folder, and DOCTYPE/ENTITY declarations (entity
 * expansion, external entities), which no real workbook carries.
 */
function inspectZip(data: Buffer, fileName: string): void {
  const broken = () => new UserError(`Tệp “${fileName}” đã bị hỏng hoặc không phải tệp .xlsx: không đọc được (mục lục tệp nén không đọc được).`);
  const bomb = (why: string) => new UserError(`Tệp “${fileName}” là tệp nén bất thường (${why}): có thể là “bom nén”, không đọc.`);
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end of the file.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  const count = data.readUInt16LE(eocd + 10);
  const cdOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw bomb('định dạng ZIP64, dành cho tệp hàng GB');
  if (count > XLSX_MAX_ENTRIES) throw bomb(`${count} phần, tối đa ${XLSX_MAX_ENTRIES}`);
  let p = cdOffset;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50) throw broken();
    const method = data.readUInt16LE(p + 10);
    const packed = data.readUInt32LE(p + 20);
    const size = data.readUInt32LE(p + 24);
    const nameLength = data.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
    const local = data.readUInt32LE(p + 42);
    const name = data.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    p = next;
    if (climbsOut(name)) throw new UserError(`Tệp “${fileName}” chứa đường dẫn “${name}” trỏ ra ngoài thư mục của tệp nén: không đọc.`);
    total += size;
    // Each part, and all together, within the memory budget of an import (files/input-guard.ts), before inflating.
    checkPartBudget(fileName, name, size, total);
    if (size > RATIO_FLOOR && size > packed * XLSX_MAX_RATIO) {
      throw bomb(`phần “${name}” giải nén ra ${MB(size)}, gấp ${Math.round(size / Math.max(packed, 1))} lần, tối đa ${XLSX_MAX_RATIO} lần`);
    }
    if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50) throw broken();
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + packed);
    let bytes: Buffer;
    if (method === 0) bytes = raw;
    else if (method === 8) {
      try {
        // The header's size is a promise: a part that unzips to more is cut off here and refused.
        bytes = inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) });
      } catch (e) {
        if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw bomb(`phần “${name}” giải nén ra nhiều hơn ${MB(size)} ghi trong tệp`);
        }
        throw broken();
      }
    } else throw new UserError(`Tệp “${fileName}” dùng kiểu nén Excel không dùng (phần “${name}”): không đọc được.`);
    if (bytes.length !== size) throw bomb(`phần “${name}” giải nén ra ${bytes.length} byte, tệp ghi ${size}`);
    if (/<!(DOCTYPE|ENTITY)/i.test(partText(bytes))) {
      throw new UserError(`Tệp “${fileName}” có khai báo DOCTYPE/ENTITY trong phần “${name}” (tệp Excel thật không có; có thể là tấn công thực thể XML): không đọc.`);
    }
  }
}

/** Refuses what cannot be read before handing it to exceljs, then loads it; one clear message naming the file. */
export async function loadWorkbook(data: Buffer, fileName: string): Promise<ExcelJS.Workbook> {
  if (data.length > XLSX_MAX_BYTES) {
    const mb = (data.length / 1024 / 1024).toFixed(0);
    throw new UserError(`Tệp “${fileName}” quá lớn (${mb} MB, tối đa 50 MB): không đọc. Hãy chỉ giữ trang phụ lục trong tệp.`);
  }
  if (startsWith(data, CFB)) {
    throw new UserError(
      `Tệp “${fileName}” được đặt mật khẩu hoặc là tệp Excel cũ (.xls): không đọc được. ` +
        'Hãy mở tệp trong Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) hoặc lưu lại dưới dạng .xlsx, rồi nhập lại.',
    );
  }
  if (!startsWith(data, ZIP)) {
    throw new UserError(`Tệp “${fileName}” không phải là tệp Excel .xlsx hoặc đã bị hỏng: không đọc được.`);
  }
  inspectZip(data, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error && e.message ? ` (${e.message.split('\n')[0].slice(0, 120)})` : '';
    throw new UserError(`Tệp “${fileName}” đã bị hỏng hoặc không phải tệp .xlsx: không đọc được${why}.`);
  }
  return wb;
}
