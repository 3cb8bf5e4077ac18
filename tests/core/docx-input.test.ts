/**
 * The DOCX export on awkward input: blank fields of an unsigned draft, control characters, tabs,
 * decomposed letters, huge words, 2,000 rows; a standalone Kế hoạch; parts exported alone.
 */
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export/docx';
import { all, child, children, path, readDocx, textOf, type XmlNode } from './fixtures/ooxml';
import { roughPackage, samplePackage, standalonePackage, withRows } from './fixtures/packages';
import { translate } from '../../electron/core/model/messages';

const paragraphsText = (els: XmlNode[]) => els.flatMap((e) => (e.name === 'w:p' ? [e] : all(e, 'w:p'))).map(textOf);

describe('an unsigned, badly typed draft', () => {
  it('exports with the ND30 blanks and valid XML', async () => {
    const { buffer, fixes: notes } = await exportDocx(roughPackage());
    // The notes are coded; read in English, as the catalogue words them.
    const fixes = notes.map((n) => translate(n.key, n.values, 'en'));
    const doc = await readDocx(buffer); // throws on malformed XML
    const texts = paragraphsText(doc.sections[0].elements);
    const number = texts.find((t) => t.startsWith('Số:'))!;
    expect(number).toMatch(/^Số:\s+\/QĐ-UBND$/);
    expect(texts).toContain('Bình Phước, ngày      tháng      năm 2024');
    // The signer's name is blank but its line is there, under the room for the signature.
    expect(texts.filter((t) => t === '').length).toBeGreaterThan(3);
    expect(fixes).toEqual(
      expect.arrayContaining([
        'Căn cứ 1: added ";" at the end',
        'Căn cứ 2: replaced "." with ";" at the end',
        'Căn cứ 3: removed an empty line',
        'Căn cứ 4: replaced "," with ";" at the end',
        'Theo đề nghị: replaced ";" with "." at the end',
        'Nơi nhận 1: removed the leading "-" (the export adds "- ")',
      ]),
    );
    expect(texts).toContain('- Lưu: VT.');
    expect(texts.indexOf('- Lưu: VT.')).toBe(texts.findIndex((t) => t.startsWith('- ')) + 2);
  });

  it('strips XML-illegal characters and tabs, and writes NFC', async () => {
    const { buffer } = await exportDocx(roughPackage());
    const doc = await readDocx(buffer);
    expect(doc.documentXml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\t]/);
    expect(doc.documentXml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(doc.documentXml).toBe(doc.documentXml.normalize('NFC'));
    const texts = paragraphsText(doc.body.children);
    expect(texts).toContain('Ban hành Kế hoạch cải cách hành chính năm 2024');
    expect(texts).toContain('Điều 1. Ban hành kèm theo Quyết định này Kế hoạch năm 2024.');
    expect(texts.some((t) => t.includes(' & <b>tag</b> "quotes"'))).toBe(true);
    expect(texts.some((t) => t.includes('X'.repeat(5000)))).toBe(true);
    expect(texts.some((t) => t.endsWith('khoảngtrắng cuối'))).toBe(true);
    // A cell with line breaks prints one paragraph per line.
    expect(texts).toEqual(expect.arrayContaining(['dòng 1', 'dòng 2', 'dòng 3']));
  });

  it('exports 2,000 rows numbered continuously', async () => {
    const { buffer } = await exportDocx(withRows(2000), { parts: ['appendix'] });
    const doc = await readDocx(buffer);
    const tbl = doc.sections[0].elements.find((e) => e.name === 'w:tbl')!;
    const rows = children(tbl, 'w:tr').slice(1).filter((r) => children(r, 'w:tc').length === 6);
    expect(rows).toHaveLength(2000);
    expect(textOf(children(rows[1999], 'w:tc')[0])).toBe('2000.');
  });

  it('skips hidden columns and scales the rest to the page', async () => {
    const pkg = samplePackage();
    pkg.appendix.columns.find((c) => c.key === 'note')!.hidden = true;
    const doc = await readDocx((await exportDocx(pkg, { parts: ['appendix'] })).buffer);
    const tbl = doc.sections[0].elements.find((e) => e.name === 'w:tbl')!;
    const grid = children(path(tbl, 'w:tblGrid'), 'w:gridCol').map((g) => Number(g.attrs['w:w']));
    expect(grid).toHaveLength(5);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(16838 - 1701 - 850);
    expect(children(children(tbl, 'w:tr')[0], 'w:tc').map(textOf)).not.toContain('Ghi chú');
  });
});

describe('a standalone Kế hoạch', () => {
  it('exports the Plan with its own number, date and TM. signature, then the appendix', async () => {
    const { buffer, fixes: notes } = await exportDocx(standalonePackage());
    const fixes = notes.map((n) => translate(n.key, n.values, 'en'));
    const doc = await readDocx(buffer);
    expect(doc.sections).toHaveLength(2);
    expect(child(doc.sections[1].sectPr, 'w:pgSz')!.attrs['w:orient']).toBe('landscape');
    const texts = paragraphsText(doc.sections[0].elements);
    expect(texts).toContain('Số: 05/KH-UBND');
    expect(texts).toContain('Bình Phước, ngày 08 tháng 01 năm 2024');
    expect(texts).toEqual(expect.arrayContaining(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Văn Mi']));
    expect(texts).toEqual(expect.arrayContaining(['- Sở Nội vụ;', '- Các sở, ban, ngành tỉnh;', '- Lưu: VT, NC.']));
    expect(texts.some((t) => t.startsWith('(Ban hành kèm theo Quyết định'))).toBe(false);
    expect(fixes).toEqual(['Kế hoạch, Nơi nhận 1: added ";" at the end']);
    const appendix = paragraphsText(doc.sections[1].elements);
    expect(appendix).toContain('(Ban hành kèm theo Kế hoạch số 05/KH-UBND ngày 08/01/2024 của Ủy ban nhân dân tỉnh)');
  });

  it('has no Decision to export alone', async () => {
    await expect(exportDocx(standalonePackage(), { parts: ['decision'] })).rejects.toThrow(/no Decision/);
  });
});

describe('parts exported alone', () => {
  it.each([
    [['decision'], ['portrait'], 'QUYẾT ĐỊNH'],
    [['plan'], ['portrait'], 'KẾ HOẠCH'],
    [['appendix'], ['landscape'], 'PHỤ LỤC'],
    [['appendix', 'decision'], ['portrait', 'landscape'], 'QUYẾT ĐỊNH'],
  ] as const)('%j', async (parts, orientations, first) => {
    const doc = await readDocx((await exportDocx(samplePackage(), { parts: [...parts] })).buffer);
    expect(doc.sections.map((s) => child(s.sectPr, 'w:pgSz')!.attrs['w:orient'] ?? 'portrait')).toEqual(orientations);
    expect(paragraphsText(doc.sections[0].elements)).toContain(first);
  });
});
