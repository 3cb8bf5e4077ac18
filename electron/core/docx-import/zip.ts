/**
 * A safe unzip for .docx files: the archive's central directory is read and checked BEFORE anything is
 * inflated, and every part is inflated with a hard cap on its output, so a hostile file cannot fill the
 * memory or the disk.
 *
 * Why not jszip here: its public API cannot stop an entry that inflates past its declared size (its
 * stream would have to be trusted to pause in time), and it is only a devDependency of this program.
 * node:zlib's `maxOutputLength` gives the hard cap, and `crc32` the integrity check, with no dependency.
 * (The tests still build their zips with jszip.)
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { UserError } from '../errors';
import { checkPartBudget } from '../files/input-guard';
import { wellFormedText } from '../model/xml-text';
import { decodeUtf8 } from '../files/utf8';

/** Larger than any real plan DOCX (a 2,000-row appendix is ~0.3 MB); refused before unzipping. */
export const DOCX_MAX_BYTES = 50 * 1024 * 1024;
/** Word's XML compresses ~15×; a part compressed more than this is a zip bomb. */
export const DOCX_MAX_RATIO = 100;
/** The ratio is judged only on parts at least this large (a tiny part can compress absurdly well). */
const RATIO_MIN_BYTES = 1024 * 1024;
const DOCX_MAX_ENTRIES = 10_000;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: an encrypted (password-protected) .docx, or an old .doc. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(data: Buffer, bytes: number[]): boolean {
  return data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface DocxArchive {
  /** Part names in the archive, as written (never climbing out: checked). */
  names(): string[];
  /** A part's text (UTF-8 or UTF-16 by its BOM), or null when the archive has no such part. */
  text(name: string): string | null;
  /** How many places of the parts read so far were not UTF-8 text or held lone surrogates (replaced with U+FFFD). */
  replacedCharacters(): number;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** The archive's entries from its central directory; throws UserError for anything unsafe or broken. */
function centralDirectory(data: Buffer, fileName: string): Entry[] {
  const corrupt = (why: string) => new UserError(`Tệp “${fileName}” đã bị hỏng hoặc không phải tệp Word .docx (${why}): không đọc được.`);
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end of the file.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('không thấy mục lục của tệp nén');
  const count = data.readUInt16LE(eocd + 10);
  const cdSize = data.readUInt32LE(eocd + 12);
  const cdOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw corrupt('tệp nén ZIP64, quá lớn cho một văn bản');
  if (count > DOCX_MAX_ENTRIES) throw new UserError(`Tệp “${fileName}” chứa ${count} phần, quá nhiều cho một văn bản Word: không đọc.`);
  if (cdOffset + cdSize > eocd) throw corrupt('mục lục nằm ngoài tệp');

  const entries: Entry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50) throw corrupt('mục lục hỏng');
    const flags = data.readUInt16LE(p + 8);
    const method = data.readUInt16LE(p + 10);
    const crc = data.readUInt32LE(p + 16);
    const compressedSize = data.readUInt32LE(p + 20);
    const size = data.readUInt32LE(p + 24);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    const localOffset = data.readUInt32LE(p + 42);
    const name = data.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x1) {
      throw new UserError(`Tệp “${fileName}” được đặt mật khẩu: không đọc được. Hãy mở tệp trong Word, bỏ mật khẩu rồi nhập lại.`);
    }
    const segments = name.split(/[\\/]/);
    if (/^[\\/]/.test(name) || /^[A-Za-z]:/.test(name) || segments.includes('..')) {
      throw new UserError(`Tệp “${fileName}” chứa phần có đường dẫn không hợp lệ (“${name.slice(0, 80)}”), có thể là tệp độc hại: không đọc.`);
    }
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw corrupt('phần ZIP64, quá lớn cho một văn bản');
    total += size;
    // Each part, and all together, within the memory budget of an import (files/input-guard.ts).
    checkPartBudget(fileName, name, size, total);
    if (size >= RATIO_MIN_BYTES && size > compressedSize * DOCX_MAX_RATIO) {
      throw new UserError(
        `Tệp “${fileName}”: phần “${name}” nén hơn ${DOCX_MAX_RATIO} lần (${mb(size)} từ ${compressedSize} byte), ` +
          'có thể là “bom nén” (zip bomb): không đọc.',
      );
    }
    entries.push({ name, method, crc, compressedSize, size, localOffset });
  }
  return entries;
}

/** Decodes a part's bytes: UTF-8 unless it starts with a UTF-16 byte-order mark. */
function decode(bytes: Buffer): { text: string; replaced: number } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return wellFormedText(bytes.subarray(2).toString('utf16le'));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return wellFormedText(swapped.toString('utf16le'));
  }
  // Bytes that are not UTF-8 become U+FFFD and are counted, so the import can say so (model/xml-text.ts).
  const { text, replaced } = decodeUtf8(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, replaced };
}

/**
 * Opens a .docx after refusing what must not be unzipped: too large, an OLE container (password-protected
 * or an old .doc), not a zip, parts climbing out of the archive, a declared size over 200 MB or a part
 * compressed over 100×. Parts are inflated on demand, each capped at its declared size and CRC-checked.
 */
export function openDocxArchive(data: Buffer, fileName: string): DocxArchive {
  if (data.length > DOCX_MAX_BYTES) {
    throw new UserError(`Tệp “${fileName}” quá lớn (${mb(data.length)}, tối đa ${mb(DOCX_MAX_BYTES)}): không đọc.`);
  }
  if (startsWith(data, CFB)) {
    throw new UserError(
      `Tệp “${fileName}” được đặt mật khẩu hoặc là tệp Word cũ (.doc): không đọc được. ` +
        'Hãy mở tệp trong Word, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ tài liệu) hoặc lưu lại dưới dạng .docx, rồi nhập lại.',
    );
  }
  if (!startsWith(data, ZIP)) {
    throw new UserError(`Tệp “${fileName}” không phải là tệp Word .docx hoặc đã bị hỏng: không đọc được.`);
  }
  const entries = centralDirectory(data, fileName);
  const byName = new Map(entries.map((e) => [e.name, e]));

  const read = (e: Entry): Buffer => {
    const broken = (why: string) => new UserError(`Tệp “${fileName}” đã bị hỏng (phần “${e.name}”: ${why}): không đọc được.`);
    const p = e.localOffset;
    if (p + 30 > data.length || data.readUInt32LE(p) !== 0x04034b50) throw broken('không thấy phần này trong tệp');
    const start = p + 30 + data.readUInt16LE(p + 26) + data.readUInt16LE(p + 28);
    const end = start + e.compressedSize;
    if (end > data.length) throw broken('tệp bị cắt cụt');
    const raw = data.subarray(start, end);
    let out: Buffer;
    if (e.method === 0) {
      out = raw;
    } else if (e.method === 8) {
      try {
        // The cap is the declared size: a part that inflates past it lies about itself (a zip bomb).
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new UserError(`Tệp “${fileName}”: phần “${e.name}” giải nén lớn hơn kích thước khai báo, có thể là “bom nén” (zip bomb): không đọc.`);
        }
        throw broken('dữ liệu nén hỏng');
      }
    } else {
      throw broken(`kiểu nén ${e.method} không hỗ trợ`);
    }
    if (out.length !== e.size) throw broken('kích thước sai');
    if (crc32(out) >>> 0 !== e.crc >>> 0) throw broken('sai mã kiểm tra CRC');
    return out;
  };

  const texts = new Map<string, string>();
  let replaced = 0;
  return {
    names: () => entries.map((e) => e.name),
    text: (name: string) => {
      const e = byName.get(name) ?? entries.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!e) return null;
      let text = texts.get(e.name);
      if (text === undefined) {
        const decoded = decode(read(e));
        text = decoded.text;
        replaced += decoded.replaced;
        texts.set(e.name, text);
      }
      return text;
    },
    replacedCharacters: () => replaced,
  };
}
