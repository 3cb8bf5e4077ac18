import { crc32, deflateRawSync } from 'node:zlib';

/** One file of a package: its bytes, a string (written as UTF-8) or string pieces (joined as UTF-8). */
export type ZipData = string | readonly string[] | Uint8Array;

/** DOS date and time of `date` (local time, 2-second steps), as zip headers hold them. */
function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    day: (Math.max(0, date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

function bytesOf(data: ZipData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // Pieces: encoded one by one (never one giant string), then one buffer for the deflater.
  return Buffer.concat((data as readonly string[]).map((piece) => Buffer.from(piece, 'utf8')));
}

/**
 * A zip file (the container of a .docx) of `files` in the order given, each compressed with DEFLATE by
 * Node's zlib (native code: several times cheaper than a JavaScript deflater on a large document.xml).
 * Paths are written as UTF-8 (flag bit 11). No zip64: a part or the whole must stay under 4 GB, far above
 * the row limit's largest document.
 */
export function zipFiles(files: Iterable<readonly [string, ZipData]>, date = new Date()): Buffer {
  const { time, day } = dosDateTime(date);
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const [path, data] of files) {
    const raw = bytesOf(data);
    const packed = deflateRawSync(raw);
    const crc = crc32(raw);
    const name = Buffer.from(path, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(day, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(name.length, 28);
    // extra, comment, disk, internal and external attributes: 0
    entry.writeUInt32LE(offset, 42);
    out.push(local, name, packed);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
    count++;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}
