/**
 * The memory budget of imports: a DOCX whose document.xml unpacks to ~195 MB (compressed only ~6×, so every
 * ratio guard lets it through) and an XLSX with such a sheet are refused from the zip's directory, with a coded
 * message naming the part, before any parser runs; the store is unchanged afterwards.
 * The files are built here (nothing big is committed): a 1 MB block compressed once and repeated (raw deflate
 * segments ending in a sync flush can be concatenated), so building one costs a second, not a minute.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { openStore } from '../../electron/core/store/open';
import { listPlans } from '../../electron/core/store/plans';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { IMPORT_MAX_PART_BYTES } from '../../electron/core/files/input-guard';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

/** ~1 MB of XML-ish text that deflates about 6× (words drawn from a small random vocabulary). */
function block(): Buffer {
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const words = Array.from({ length: 4000 }, () => Array.from({ length: 3 + Math.floor(rand() * 6) }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join(''));
  const parts: string[] = [];
  let size = 0;
  while (size < 1024 * 1024) {
    const w = `<w:r><w:t>${words[Math.floor(rand() * words.length)]} ${words[Math.floor(rand() * words.length)]}</w:t></w:r>`;
    parts.push(w);
    size += w.length;
  }
  return Buffer.from(parts.join('').slice(0, 1024 * 1024), 'latin1');
}

interface Part {
  name: string;
  /** Raw deflate data, its unpacked size and CRC-32. */
  data: Buffer;
  size: number;
  crc: number;
}

function smallPart(name: string, text: string): Part {
  const bytes = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/** A part of `repeat` copies of `chunk`, compressed once. */
function bigPart(name: string, prefix: string, chunk: Buffer, repeat: number, suffix: string): Part {
  const head = Buffer.from(prefix, 'utf8');
  const tail = Buffer.from(suffix, 'utf8');
  const sync = { finishFlush: constants.Z_SYNC_FLUSH };
  const packedChunk = deflateRawSync(chunk, sync);
  const data = Buffer.concat([deflateRawSync(head, sync), ...Array<Buffer>(repeat).fill(packedChunk), deflateRawSync(tail)]);
  let crc = crc32(head);
  for (let i = 0; i < repeat; i++) crc = crc32(chunk, crc);
  crc = crc32(tail, crc);
  return { name, data, size: head.length + chunk.length * repeat + tail.length, crc };
}

/** A zip of deflated parts with true sizes and CRCs. */
function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

function bigDocx(): Buffer {
  return zip([
    smallPart('[Content_Types].xml', TYPES),
    bigPart('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>', block(), 195, '</w:p></w:body></w:document>'),
  ]);
}

function bigXlsx(): Buffer {
  return zip([
    smallPart('[Content_Types].xml', TYPES),
    bigPart('xl/worksheets/sheet1.xml', '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>', block(), 40, '</t></is></c></row></sheetData></worksheet>'),
  ]);
}

describe('import memory budget', () => {
  it('a DOCX whose document.xml unpacks to 195 MB (6× compressed) is refused naming the part; the store is unchanged', async () => {
    const data = bigDocx();
    // The file itself passes the size (50 MB) and ratio (100×) guards: only the budget stops it.
    expect(data.length).toBeLessThan(50 * 1024 * 1024);
    expect(195 * 1024 * 1024 / data.length).toBeLessThan(10);
    const dir = tempDir();
    const file = join(dir, 'big.docx');
    writeFileSync(file, data);
    const db = join(dir, 'store.sqlite');
    const lines: string[] = [];
    await runCli(['sample', join(dir, 's.json'), '--db', db], (l) => lines.push(l));
    await runCli(['import', join(dir, 's.json'), '--db', db], (l) => lines.push(l));
    await expect(runCli(['import-docx', file, '--db', db], (l) => lines.push(l))).rejects.toMatchObject({
      code: 'import.partTooLarge',
      params: { file: 'big.docx', part: 'word/document.xml', size: '196 MB', max: `${IMPORT_MAX_PART_BYTES / 1024 / 1024} MB` },
    });
    const store = openStore(db, { readonly: true });
    try {
      expect(listPlans(store).map((p) => p.rowCount)).toEqual([48]);
    } finally {
      store.close();
    }
  });

  it('an XLSX whose sheet unpacks to 40 MB is refused through the API; nothing is created', async () => {
    const db = openStore(join(tempDir(), 's.sqlite'));
    const api = createService(db, { info: { version: 't', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
    await expect(api.importXlsx('big.xlsx', bigXlsx().toString('base64'))).rejects.toMatchObject({ code: 'import.partTooLarge', params: { part: 'xl/worksheets/sheet1.xml' } });
    expect(listPlans(db)).toEqual([]);
    db.close();
  });
});
