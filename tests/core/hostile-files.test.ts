/**
 * Hostile files, made here: zip bombs (by ratio, and by a header that lies about the size), files over the size
 * limit, XML entity declarations, and zip paths that climb out of the folder, as XLSX and DOCX; JSON nested 100,000 deep, over 50 MB, and with a huge string. Each goes
 * through the SoanApi service over a temp store, is refused with a message naming the file and the problem,
 * and leaves the store exactly as it was.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SoanApi } from '../../electron/core/api/contract';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { validateCall } from '../../electron/core/api/validate';
import { DOCX_MAX_BYTES, importDocx as importDocxFile } from '../../electron/core/import/docx';
import { isUserError } from '../../electron/core/errors';
import { EXCHANGE_MAX_BYTES, serializeExchange } from '../../electron/core/exchange/exchange';
import { IMPORT_JSON_MAX_DEPTH } from '../../electron/core/files/input-guard';
import { renderExport } from '../../electron/core/export/render';
import { loadSamplePackage } from '../../electron/core/sample';
import type { Db } from '../../electron/core/store/open';
import { insertPackage, listPlans, loadPlan } from '../../electron/core/store/plans';
import { XLSX_MAX_BYTES, XLSX_MAX_RATIO } from '../../electron/core/import/xlsx/guard';
import { removeTempDirs, tempStore } from './helpers';

let db: Db;
let api: SoanApi;
let sampleXlsx: Buffer;
let sampleDocx: Buffer;

/** Everything a user could see of the store: every plan (trash too), its revision and its full content. */
function snapshot(): string {
  const plans = [...listPlans(db), ...listPlans(db, { trash: true })];
  return JSON.stringify({
    count: plans.length,
    plans: plans.map((p) => ({ id: p.id, revision: p.revision, deletedAt: p.deletedAt, content: serializeExchange(loadPlan(db, p.id).pkg) })),
  });
}

/** Runs `call`, expects a UserError, returns its message, and checks the store did not change. */
async function refused(call: () => Promise<unknown>): Promise<string> {
  const before = snapshot();
  let message: string | null = null;
  try {
    await call();
  } catch (e) {
    expect(isUserError(e), `a UserError, not ${String(e)}`).toBe(true);
    message = (e as Error).message;
  }
  expect(message, 'the file was refused').not.toBeNull();
  expect(snapshot(), 'the store is unchanged').toBe(before);
  return message as string;
}

// ---- zip tools ----

async function rezip(original: Buffer, change: (zip: JSZip) => void | Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(original);
  await change(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Rewrites the uncompressed size a zip declares for `name`, in the local header and the central directory. */
function lieAboutSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const needle = Buffer.from(name, 'utf8');
  let patched = 0;
  for (let at = out.indexOf(needle); at >= 0; at = out.indexOf(needle, at + 1)) {
    if (at >= 46 && out.readUInt32LE(at - 46) === 0x02014b50) {
      out.writeUInt32LE(size, at - 46 + 24);
      patched++;
    }
    if (at >= 30 && out.readUInt32LE(at - 30) === 0x04034b50) {
      out.writeUInt32LE(size, at - 30 + 22);
      patched++;
    }
  }
  expect(patched, `both headers of ${name} patched`).toBe(2);
  return out;
}

const zeros = (mb: number) => Buffer.alloc(mb * 1024 * 1024);

/** A file over `limit` that starts like a zip: refused before anything reads it. */
const oversized = (limit: number) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(limit + 1 - 4)]);

/** The "billion laughs" declaration, placed after the XML declaration of a part. */
function withEntities(xml: string): string {
  const dtd = '<!DOCTYPE x [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY ext SYSTEM "file:///etc/passwd">]>';
  return xml.replace(/^(<\?xml[^>]*\?>)?/, (decl) => `${decl}${dtd}`);
}

beforeAll(async () => {
  db = tempStore().db;
  api = createService(db, { info: { version: 'test', dataFile: 'store.sqlite', shell: 'browser' }, deliver: deliverAsDownload });
  const pkg = loadSamplePackage();
  insertPackage(db, pkg);
  sampleXlsx = (await renderExport(pkg, 'xlsx')).bytes;
  sampleDocx = (await renderExport(pkg, 'docx')).bytes;
  // A second plan, in the trash, so the snapshot covers it too.
  const second = await api.createPlan('blank', 2025);
  await api.trashPlan(second.id);
});

afterAll(() => {
  db?.close();
  removeTempDirs();
});

describe('hostile XLSX files', () => {
  const importXlsx = (fileName: string, bytes: Buffer) => api.importXlsx(fileName, bytes.toString('base64'));

  it('the untouched workbook imports (the corpus is made from a good file)', async () => {
    const r = await importXlsx('good.xlsx', sampleXlsx);
    expect(r.rowCount).toBe(48);
    await api.trashPlan(r.id);
    await api.purgePlan(r.id);
  });

  it('a zip bomb (a part unzipping to > 100× its packed size) is refused', async () => {
    const bomb = await rezip(sampleXlsx, (zip) => void zip.file('xl/media/zeros.bin', zeros(20)));
    expect(bomb.length).toBeLessThan(200_000); // 20 MB of zeros packed ~1000×
    const message = await refused(() => importXlsx('bomb.xlsx', bomb));
    expect(message).toContain('bomb.xlsx');
    expect(message).toMatch(/bom nén/);
    expect(message).toContain(`tối đa ${XLSX_MAX_RATIO} lần`);
  });

  it('a zip bomb whose header lies about the size is cut off while unzipping and refused', async () => {
    const bomb = lieAboutSize(await rezip(sampleXlsx, (zip) => void zip.file('xl/media/zeros.bin', zeros(20))), 'xl/media/zeros.bin', 1000);
    const message = await refused(() => importXlsx('liar.xlsx', bomb));
    expect(message).toContain('liar.xlsx');
    expect(message).toMatch(/bom nén/);
    expect(message).toMatch(/xl\/media\/zeros\.bin/);
  });

  it('a file over the size limit is refused unread', async () => {
    const message = await refused(() => importXlsx('huge.xlsx', oversized(XLSX_MAX_BYTES)));
    expect(message).toContain('huge.xlsx');
    expect(message).toMatch(/quá lớn .*tối đa 50 MB/);
  });

  it('XML entity declarations (billion laughs, external entity) in the workbook or a sheet are refused', async () => {
    const inWorkbook = await rezip(sampleXlsx, async (zip) => void zip.file('xl/workbook.xml', withEntities(await zip.file('xl/workbook.xml')!.async('string'))));
    const m1 = await refused(() => importXlsx('entities.xlsx', inWorkbook));
    expect(m1).toContain('entities.xlsx');
    expect(m1).toMatch(/DOCTYPE\/ENTITY/);
    expect(m1).toContain('xl/workbook.xml');

    // The same in a sheet written as UTF-16 with a byte-order mark: the scan reads either encoding.
    const utf16 = await rezip(sampleXlsx, async (zip) => {
      const xml = withEntities(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace('encoding="UTF-8"', 'encoding="UTF-16"');
      zip.file('xl/worksheets/sheet1.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    });
    const m2 = await refused(() => importXlsx('entities-utf16.xlsx', utf16));
    expect(m2).toContain('entities-utf16.xlsx');
    expect(m2).toMatch(/DOCTYPE\/ENTITY/);
    expect(m2).toContain('xl/worksheets/sheet1.xml');
  });

  it('a zip path that climbs out of the folder is refused', async () => {
    for (const evil of ['../../evil.txt', 'xl/../../evil.txt', '/etc/evil.txt', 'C:/Windows/evil.txt', '..\\..\\evil.txt']) {
      const zip = await rezip(sampleXlsx, (z) => void z.file(evil, 'pwned', { createFolders: false }));
      const message = await refused(() => importXlsx('climb.xlsx', zip));
      expect(message, evil).toContain('climb.xlsx');
      expect(message, evil).toMatch(/ra ngoài thư mục/);
      expect(message, evil).toContain(evil);
    }
  });
});

describe('hostile JSON files', () => {
  const importPlan = (fileName: string, text: string) => api.importPlan(fileName, text);

  it('JSON nested 100,000 levels deep is refused before parsing', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const message = await refused(() => importPlan('deep.json', deep));
    expect(message).toBe(`deep.json: the JSON is nested more than ${IMPORT_JSON_MAX_DEPTH} levels deep; this is not a plan file.`);
    // Deep objects in a plan-looking file too.
    const deepObjects = `{"format":"soan-ke-hoach/plan","version":1,"x":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    expect(await refused(() => importPlan('deep2.json', deepObjects))).toMatch(/^deep2\.json: the JSON is nested more than/);
  });

  it('JSON over 50 MB is refused before parsing', async () => {
    const huge = `{"format":"soan-ke-hoach/plan","version":1,"pad":"${'a'.repeat(EXCHANGE_MAX_BYTES)}"}`;
    const message = await refused(() => importPlan('huge.json', huge));
    expect(message).toBe('huge.json: the file is larger than 50 MB; a plan file is never that big.');
  });

  it('a plan with a huge string field is refused by the schema, naming the field', async () => {
    const doc = JSON.parse(serializeExchange(loadSamplePackage()));
    doc.title = 'A'.repeat(10_000_000);
    const message = await refused(() => importPlan('huge-title.json', JSON.stringify(doc)));
    expect(message).toMatch(/^huge-title\.json: not a valid plan file:/);
    expect(message).toMatch(/title: 10000000 characters long, at most 500; shorten it/);
    expect(message.length).toBeLessThan(2_000); // the message does not echo the string

    const cell = JSON.parse(serializeExchange(loadSamplePackage()));
    cell.appendix.groups[0].rows[0].task = 'B'.repeat(2_000_000);
    const m2 = await refused(() => importPlan('huge-cell.json', JSON.stringify(cell)));
    expect(m2).toMatch(/^huge-cell\.json: not a valid plan file:/);
    expect(m2).toMatch(/appendix\.groups\[0\]\.rows\[0\]\.task: 2000000 characters long, at most/);
  });

  it('over either transport, text beyond the argument limit is refused before the service sees it', () => {
    expect(() => validateCall('setField', [1, 'decision.summary', 'x'.repeat(2_000_001)])).toThrow(/setField#3/);
    // A whole exchange file may be larger (the exchange reader then refuses anything over 50 MB with its own message)…
    expect(() => validateCall('importPlan', ['big.json', 'x'.repeat(2_000_001)])).not.toThrow();
    // …but not without bound.
    expect(() => validateCall('importPlan', ['big.json', 'x'.repeat(60 * 1024 * 1024 + 1)])).toThrow(/importPlan#2/);
  });
});

// ---- DOCX ----

describe('hostile DOCX files', () => {
  /** Through the API once it has the method, until then the importer itself (which writes nothing to the store). */
  const importDocx = (fileName: string, bytes: Buffer): Promise<unknown> => {
    const viaApi = (api as unknown as Record<string, ((name: string, base64: string) => Promise<unknown>) | undefined>).importDocx;
    return viaApi ? viaApi(fileName, bytes.toString('base64')) : importDocxFile(bytes, fileName);
  };

  it('a zip bomb is refused', async () => {
    const bomb = await rezip(sampleDocx, (zip) => void zip.file('word/media/zeros.bin', zeros(20)));
    const message = await refused(() => importDocx('bomb.docx', bomb));
    expect(message).toContain('bomb.docx');
    expect(message).toMatch(/bom nén|zip bomb/);
    expect(message).toContain('word/media/zeros.bin');
  });

  it('a zip bomb whose header lies about the size is cut off while unzipping and refused', async () => {
    // The importer unzips only the parts it reads (each capped at its declared size), so the lie is told
    // about the document itself: 20 MB of padding declared as 1,000 bytes.
    const padded = await rezip(sampleDocx, async (zip) => {
      const xml = await zip.file('word/document.xml')!.async('string');
      zip.file('word/document.xml', xml.replace('</w:document>', `${' '.repeat(20 * 1024 * 1024)}</w:document>`));
    });
    const message = await refused(() => importDocx('liar.docx', lieAboutSize(padded, 'word/document.xml', 1000)));
    expect(message).toContain('liar.docx');
    expect(message).toContain('word/document.xml');
    expect(message).toMatch(/bom nén|zip bomb/);
  });

  it('a file over the size limit is refused', async () => {
    const message = await refused(() => importDocx('huge.docx', oversized(DOCX_MAX_BYTES)));
    expect(message).toContain('huge.docx');
    expect(message).toMatch(/quá lớn .*tối đa 50 MB/);
  });

  it('XML entity declarations in word/document.xml are refused', async () => {
    const evil = await rezip(sampleDocx, async (zip) => void zip.file('word/document.xml', withEntities(await zip.file('word/document.xml')!.async('string'))));
    const message = await refused(() => importDocx('entities.docx', evil));
    expect(message).toContain('entities.docx');
    expect(message).toMatch(/DOCTYPE\/ENTITY/);
    expect(message).toContain('word/document.xml');
  });

  it('a zip path that climbs out of the folder is refused', async () => {
    const evil = await rezip(sampleDocx, (zip) => void zip.file('../../evil.txt', 'pwned', { createFolders: false }));
    const message = await refused(() => importDocx('climb.docx', evil));
    expect(message).toContain('climb.docx');
    expect(message).toMatch(/đường dẫn/);
    expect(message).toContain('../../evil.txt');
  });
});
