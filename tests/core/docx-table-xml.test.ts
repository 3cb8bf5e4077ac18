/**
 * The appendix table is written as XML directly (electron/core/export/docx/appendix.ts) instead of through the docx
 * library's objects: the markup must be what the library wrote for the same table, byte for byte, and the
 * exported package must hold it where the table belongs.
 */
import { Document, Packer } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export/docx';
import { appendixTableXml, TABLE_MARKER } from '../../electron/core/export/docx/appendix';
import { zipFiles } from '../../electron/core/export/docx/zip';
import type { PlanPackage } from '../../electron/core/model';
import { libraryAppendixTable } from './fixtures/docx-table-oracle';
import { frameworkPackage } from './fixtures/framework';
import { roughPackage, samplePackage } from './fixtures/packages';

/** The `<w:tbl>` the docx library writes for the old object-built table. */
function libraryXml(pkg: PlanPackage): string {
  const table = libraryAppendixTable(pkg);
  if (!table) return '';
  const doc = new Document({ sections: [{ children: [table] }] });
  const compiler = (Packer as unknown as { compiler: { compile(d: Document): Map<string, string> } }).compiler;
  const xml = compiler.compile(doc).get('word/document.xml')!;
  return xml.slice(xml.indexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>') + '</w:tbl>'.length);
}

/** Text XML must escape, lines, characters Word refuses, an empty group, a hidden column, a justified wide column. */
function trickyPackage(): PlanPackage {
  const pkg = samplePackage();
  const [g0, g1] = pkg.appendix.groups;
  g0.title = 'Nhóm "A" & <B> \'C\'';
  g0.rows[0].cells.task = 'Dòng 1\n\nDòng 3 & <không> "ngoặc" \'đơn\'\u0001\u0008\u000B\u001F\u007F\uFFFE cuối\tx';
  g0.rows[1].cells.task = 'Cải cách'.normalize('NFD');
  g0.rows[2].cells.note = '\n';
  g1.rows = [];
  pkg.appendix.columns[pkg.appendix.columns.length - 1].hidden = true;
  return pkg;
}

const cases: Array<[string, () => PlanPackage]> = [
  ['the sample', samplePackage],
  ['a framework table (vMerge, 9 columns, 12 pt, content widths)', () => frameworkPackage(3, 3)],
  ['a rough draft (control characters, very long words, several lines)', roughPackage],
  ['escapes, empty lines, an empty group, a hidden column', trickyPackage],
  [
    'no number column first (the group label joins its title)',
    () => {
      const pkg = samplePackage();
      pkg.appendix.columns = [...pkg.appendix.columns.slice(1), pkg.appendix.columns[0]];
      return pkg;
    },
  ],
];

describe('appendix table XML', () => {
  for (const [name, make] of cases) {
    it(`is what the docx library wrote for ${name}`, () => {
      const pkg = make();
      const ours = appendixTableXml(pkg)!.join('');
      const theirs = libraryXml(pkg);
      expect(theirs.length).toBeGreaterThan(1000);
      expect(ours).toBe(theirs);
    });
  }

  it('is null without a visible column, as the library table was', () => {
    const pkg = samplePackage();
    for (const c of pkg.appendix.columns) c.hidden = true;
    expect(appendixTableXml(pkg)).toBeNull();
    expect(libraryAppendixTable(pkg)).toBeNull();
  });

  it('sits in word/document.xml in place of its marker, after the appendix title and before the closing paragraph', async () => {
    const pkg = trickyPackage();
    const zip = await JSZip.loadAsync((await exportDocx(pkg)).buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).not.toContain(TABLE_MARKER);
    const table = appendixTableXml(pkg)!.join('');
    const at = xml.indexOf(table);
    expect(at).toBeGreaterThan(xml.indexOf('DANH MỤC'));
    expect(xml.slice(at + table.length)).toMatch(/^<w:p><w:pPr>.*<\/w:p><w:sectPr>/);
    // The other parts are the docx library's, unchanged: styles, headers, numbering, content types.
    const names = Object.keys(zip.files);
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/styles.xml', 'word/header1.xml', 'word/_rels/document.xml.rels']) expect(names).toContain(part);
  });
});

describe('zipFiles', () => {
  it('writes a zip that another reader opens, with UTF-8 names, bytes and pieces intact', async () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const buffer = zipFiles([
      ['a.xml', '<a>Tiếng Việt</a>'],
      ['thư mục/b.bin', bytes],
      ['c.xml', ['<c>', 'x'.repeat(100_000), '</c>']],
    ]);
    const zip = await JSZip.loadAsync(buffer);
    expect(Object.keys(zip.files)).toEqual(['a.xml', 'thư mục/b.bin', 'c.xml']);
    expect(await zip.file('a.xml')!.async('string')).toBe('<a>Tiếng Việt</a>');
    expect([...(await zip.file('thư mục/b.bin')!.async('uint8array'))]).toEqual([0, 1, 2, 255]);
    expect(await zip.file('c.xml')!.async('string')).toBe(`<c>${'x'.repeat(100_000)}</c>`);
    // Compressed: 100 kB of one letter takes a few hundred bytes.
    expect(buffer.length).toBeLessThan(2000);
  });
});
