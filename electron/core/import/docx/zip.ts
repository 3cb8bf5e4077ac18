/**
 * The one safe unzip of the importers, for .docx and .xlsx files alike: the archive's central directory is read
 * and checked BEFORE anything is inflated, every part is inflated with a hard cap on its output and CRC-checked,
 * and XML parts declaring a DTD or entities are refused, so a hostile file cannot fill the memory or the disk nor
 * attack an XML parser. Only the words naming the format differ (Word .docx, Excel .xlsx).
 *
 * Why not jszip here: its public API cannot stop an entry that inflates past its declared size (its
 * stream would have to be trusted to pause in time), and it is only a devDependency of this program.
 * node:zlib's `maxOutputLength` gives the hard cap, and `crc32` the integrity check, with no dependency.
 * (The tests still build their zips with jszip.)
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { UserError, withCatalogueMessage } from '../../errors';
import { checkPartBudget, IMPORT_FILE_MAX_BYTES } from '../../files/input-guard';
import { wellFormedText } from '../../model/xml-text';
import { decodeUtf8 } from '../../files/utf8';

/** Larger than any real plan DOCX or appendix workbook (a 2,000-row appendix is ~0.3 MB); refused before unzipping. */
export const IMPORT_MAX_FILE_BYTES = IMPORT_FILE_MAX_BYTES;
/** Office XML compresses ~15×; a part compressed more than this is a zip bomb. */
export const IMPORT_MAX_RATIO = 100;
/** The ratio is judged only on parts at least this large (a tiny part can compress absurdly well). */
const RATIO_MIN_BYTES = 1024 * 1024;
const IMPORT_MAX_ENTRIES = 10_000;

export const DOCX_MAX_BYTES = IMPORT_MAX_FILE_BYTES;

/** The formats the importers unzip, and the words that name each in a message. */
export type ArchiveFormat = 'docx' | 'xlsx';
/** The catalogue's family of a format's refusals: `docxFile.*` or `xlsxFile.*` (each worded for Word or Excel). */
const codeOf = (format: ArchiveFormat, name: string) => `${format}File.${name}`;

const FORMAT = {
  docx: { kind: 'Word .docx', app: 'Word', old: 'tệp Word cũ (.doc)', protect: 'Tệp › Thông tin › Bảo vệ tài liệu', tooLarge: '' },
  xlsx: { kind: 'Excel .xlsx', app: 'Excel', old: 'tệp Excel cũ (.xls)', protect: 'Tệp › Thông tin › Bảo vệ sổ làm việc', tooLarge: ' Hãy chỉ giữ trang phụ lục trong tệp.' },
} as const;

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

export interface ImportArchive {
  /** Part names in the archive, as written (never climbing out: checked). */
  names(): string[];
  /** A part's text (UTF-8 or UTF-16 by its BOM), or null when the archive has no such part. */
  text(name: string): string | null;
  /** How many places of the parts read so far were not UTF-8 text or held lone surrogates (replaced with U+FFFD). */
  replacedCharacters(): number;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** The archive's entries from its central directory; throws UserError for anything unsafe or broken. */
function centralDirectory(data: Buffer, fileName: string, format: ArchiveFormat): Entry[] {
  const words = FORMAT[format];
  // `why` names a key of the catalogue's errors.zip.why (the detail in the reader's language).
  const corrupt = (why: string) =>
    withCatalogueMessage(UserError.coded(codeOf(format, 'corrupt'), { file: fileName, whyKey: `errors.zip.why.${why}` }, ''));
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end of the file.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('noDirectory');
  const count = data.readUInt16LE(eocd + 10);
  const cdSize = data.readUInt32LE(eocd + 12);
  const cdOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw corrupt('zip64');
  if (count > IMPORT_MAX_ENTRIES) throw UserError.coded(codeOf(format, 'tooManyParts'), { file: fileName, count }, `Tệp “${fileName}” chứa ${count} phần, quá nhiều cho một tệp ${words.app}: không đọc.`);
  if (cdOffset + cdSize > eocd) throw corrupt('directoryOutside');

  const entries: Entry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50) throw corrupt('directoryBroken');
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
      throw UserError.coded(codeOf(format, 'encrypted'), { file: fileName }, `Tệp “${fileName}” được đặt mật khẩu: không đọc được. Hãy mở tệp trong ${words.app}, bỏ mật khẩu rồi nhập lại.`);
    }
    const segments = name.split(/[\\/]/);
    if (/^[\\/]/.test(name) || /^[A-Za-z]:/.test(name) || segments.includes('..') || name.includes('\0')) {
      throw UserError.coded(
        codeOf(format, 'badPath'),
        { file: fileName, part: name.slice(0, 80) },
        `Tệp “${fileName}” chứa phần có đường dẫn không hợp lệ (“${name.slice(0, 80)}”) trỏ ra ngoài thư mục của tệp nén, có thể là tệp độc hại: không đọc.`,
      );
    }
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw corrupt('partZip64');
    total += size;
    // Each part, and all together, within the memory budget of an import (files/input-guard.ts).
    checkPartBudget(fileName, name, size, total);
    if (size >= RATIO_MIN_BYTES && size > compressedSize * IMPORT_MAX_RATIO) {
      throw UserError.coded(
        codeOf(format, 'ratio'),
        { file: fileName, part: name, max: IMPORT_MAX_RATIO, size: mb(size), packed: compressedSize },
        `Tệp “${fileName}”: phần “${name}” nén hơn ${IMPORT_MAX_RATIO} lần (${mb(size)} từ ${compressedSize} byte, tối đa ${IMPORT_MAX_RATIO} lần), ` +
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
 * Opens a .docx or .xlsx after refusing what must not be unzipped: too large, an OLE container (password-protected
 * or an old .doc/.xls), not a zip, parts climbing out of the archive, over the import budget (files/input-guard.ts)
 * or compressed over 100×; then every XML part is read (inflated capped at its declared size, CRC-checked) and one
 * declaring a DTD or entities is refused. Other parts are inflated on demand (a workbook's: all now, see below). Throws UserError naming the file and part.
 */
export function openImportArchive(data: Buffer, fileName: string, format: ArchiveFormat): ImportArchive {
  const words = FORMAT[format];
  if (data.length > IMPORT_MAX_FILE_BYTES) {
    throw UserError.coded(
      codeOf(format, 'tooLarge'),
      { file: fileName, size: mb(data.length), max: mb(IMPORT_MAX_FILE_BYTES) },
      `Tệp “${fileName}” quá lớn (${mb(data.length)}, tối đa ${mb(IMPORT_MAX_FILE_BYTES)}): không đọc.${words.tooLarge}`,
    );
  }
  if (startsWith(data, CFB)) {
    throw UserError.coded(
      codeOf(format, 'oldOrLocked'),
      { file: fileName },
      `Tệp “${fileName}” được đặt mật khẩu hoặc là ${words.old}: không đọc được. ` +
        `Hãy mở tệp trong ${words.app}, bỏ mật khẩu (${words.protect}) hoặc lưu lại dưới dạng .${format}, rồi nhập lại.`,
    );
  }
  if (!startsWith(data, ZIP)) {
    throw UserError.coded(codeOf(format, 'notArchive'), { file: fileName }, `Tệp “${fileName}” không phải là tệp ${words.kind} hoặc đã bị hỏng: không đọc được.`);
  }
  const entries = centralDirectory(data, fileName, format);
  const byName = new Map(entries.map((e) => [e.name, e]));

  const read = (e: Entry): Buffer => {
    // `why` names a key of the catalogue's errors.zip.why; `values` fill it.
    const broken = (why: string, values: Record<string, string | number> = {}) =>
      withCatalogueMessage(UserError.coded(codeOf(format, 'brokenEntry'), { file: fileName, part: e.name, whyKey: `errors.zip.why.${why}`, ...values }, ''));
    const p = e.localOffset;
    if (p + 30 > data.length || data.readUInt32LE(p) !== 0x04034b50) throw broken('partMissing');
    const start = p + 30 + data.readUInt16LE(p + 26) + data.readUInt16LE(p + 28);
    const end = start + e.compressedSize;
    if (end > data.length) throw broken('truncated');
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
          throw UserError.coded(
            codeOf(format, 'inflatesMore'),
            { file: fileName, part: e.name },
            `Tệp “${fileName}”: phần “${e.name}” giải nén lớn hơn kích thước khai báo, có thể là “bom nén” (zip bomb): không đọc.`,
          );
        }
        throw broken('badData');
      }
    } else {
      throw broken('method', { method: e.method });
    }
    if (out.length !== e.size) throw broken('size');
    if (crc32(out) >>> 0 !== e.crc >>> 0) throw broken('crc');
    return out;
  };

  const texts = new Map<string, string>();
  let replaced = 0;
  const archive: ImportArchive = {
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
  // No Office file declares a DTD: a declaration is an entity-expansion or external-entity attack on a parser.
  for (const e of entries) {
    const name = e.name;
    if (!/\.(xml|rels|vml)$/i.test(name)) {
      // A workbook is unzipped again, whole, by exceljs, which has no cap: every part is tried here first.
      if (format === 'xlsx') read(e);
      continue;
    }
    if (/<!DOCTYPE|<!ENTITY/i.test(archive.text(name) ?? '')) {
      throw UserError.coded(
        codeOf(format, 'doctype'),
        { file: fileName, part: name },
        `Tệp “${fileName}”: phần “${name}” có khai báo DOCTYPE/ENTITY, điều ${words.app} không bao giờ ghi, có thể là tệp độc hại: không đọc.`,
      );
    }
  }
  return archive;
}
