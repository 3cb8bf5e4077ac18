/**
 * Characters XML cannot hold never reach a Word or Excel file; imports replace what is not Unicode text and say how
 * many places they replaced. The files and the store are read back afterwards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { renderExport } from '../../electron/core/export/render';
import { loadSamplePackage } from '../../electron/core/sample';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { runCli } from '../../electron/cli/main';
import { openStore } from '../../electron/core/store/open';
import { loadPlan } from '../../electron/core/store/plans';
import { wellFormedText, xmlSafeText } from '../../electron/core/model/xml-text';
import { decodeUtf8 } from '../../electron/core/files/utf8';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/;

async function xmlParts(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Promise.all(Object.values(zip.files).filter((f) => f.name.endsWith('.xml')).map((f) => f.async('string')));
}

describe('XML-illegal characters', () => {
  it('are dropped by the DOCX and XLSX writers; the text around them stays', async () => {
    const pkg = loadSamplePackage();
    pkg.title = 'Kế hoạch\uFFFE năm\u0001 2024\uFFFF';
    pkg.appendix.groups[0].rows[0].cells.task = 'Rà soát\u000B văn bản\uD800 pháp luật\u0007';
    for (const format of ['docx', 'xlsx'] as const) {
      const parts = await xmlParts((await renderExport(pkg, format)).bytes);
      const all = parts.join('\n');
      expect(ILLEGAL.test(all), format).toBe(false);
      expect(all).toContain('Rà soát văn bản pháp luật');
    }
    // The exchange file keeps the text as it is (JSON can hold it).
    expect(JSON.parse((await renderExport(pkg, 'json')).bytes.toString('utf8')).title).toBe(pkg.title);
    expect(xmlSafeText('a\uD83D\uDE00b\uDC00')).toBe('a\uD83D\uDE00b'); // a real pair stays
  });
});

describe('imports say what they replaced', () => {
  it('invalid UTF-8 and lone surrogates in an exchange file: replaced with U+FFFD, counted in the CLI notes, stored so', async () => {
    const dir = tempDir();
    const pkg = loadSamplePackage();
    pkg.title = 'TITLE_HERE';
    pkg.appendix.groups[0].rows[0].cells.task = 'Nhiệm vụ SURROGATE';
    const text = serializeExchange(pkg).replace('SURROGATE', '\\ud800');
    const [before, after] = text.split('TITLE_HERE');
    const file = join(dir, 'bad.json');
    writeFileSync(file, Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from('Kế hoạch '), Buffer.from([0xff, 0xc3]), Buffer.from(after, 'utf8')]));
    const lines: string[] = [];
    const db = join(dir, 'store.sqlite');
    await runCli(['import', file, '--db', db, '--lang', 'en'], (l) => lines.push(l));
    expect(lines).toContain('note: bad.json: 2 place(s) that are not UTF-8 text were replaced with \uFFFD.');
    expect(lines).toContain('note: bad.json: 1 character(s) that are not Unicode text (lone surrogates) were replaced with \uFFFD.');
    const store = openStore(db, { readonly: true });
    try {
      const stored = loadPlan(store, Number(lines.at(-1))).pkg;
      expect(stored.title).toBe('Kế hoạch \uFFFD\uFFFD');
      expect(stored.appendix.groups[0].rows[0].cells.task).toBe('Nhiệm vụ \uFFFD');
    } finally {
      store.close();
    }
  });

  it('decodeUtf8 and wellFormedText count only what they replaced', () => {
    expect(decodeUtf8(Buffer.from('a\uFFFDb', 'utf8'))).toEqual({ text: 'a\uFFFDb', replaced: 0 });
    expect(decodeUtf8(Buffer.from([0x61, 0xe1, 0x62]))).toEqual({ text: 'a\uFFFDb', replaced: 1 });
    expect(wellFormedText('x\uDC00y\uD83D\uDE00')).toEqual({ text: 'x\uFFFDy\uD83D\uDE00', replaced: 1 });
  });
});
