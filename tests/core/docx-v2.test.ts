/** The DOCX of model v2 shapes, read back from the XML: numbering styles, footnotes, sub-recipients, blanks, widths. */
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export/docx';
import { headerLayout, HEADER_BOUNDS } from '../../electron/core/export/docx/header';
import { contentWidths } from '../../electron/core/export/docx/appendix';
import { all, paragraphTexts, readDocx, textOf } from './fixtures/ooxml';
import { frameworkPackage, frameworkColumns } from './fixtures/framework';
import { samplePackage } from './fixtures/packages';
import { mm } from '../../electron/core/export/docx/units';

describe('DOCX of model v2', () => {
  it('prints the decimal body labels, the footnote as a Word footnote, and sub-recipients with their marks and punctuation', async () => {
    const pkg = frameworkPackage(1, 1);
    const doc = await readDocx((await exportDocx(pkg, { parts: ['decision', 'plan'] })).buffer);
    const texts = paragraphTexts(doc.body);
    expect(texts).toContain('1. MỤC ĐÍCH, YÊU CẦU');
    expect(texts.some((t) => /^1\.1\. /.test(t))).toBe(true);
    expect(texts.some((t) => /^1\.2\.1\. /.test(t))).toBe(true);
    expect(texts.some((t) => /^[IVX]+\. /.test(t) || /^a\) /.test(t))).toBe(false);
    expect(doc.documentXml).toContain('w:footnoteReference');
    const footnotes = await doc.zip.file('word/footnotes.xml')!.async('string');
    expect(footnotes).toContain('Theo Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.');
    expect(texts).toEqual(expect.arrayContaining(['- Như Điều 3;', '- VP UBND tỉnh:', '+ LĐVP, các phòng, đơn vị;', '+ Cổng TTĐT tỉnh;', '+ Lưu: VT, NC.']));
  });

  it('an unknown number prints "…", an unsigned one the blank', async () => {
    const pkg = samplePackage();
    pkg.decision!.number = '';
    pkg.decision!.date = null;
    let texts = paragraphTexts((await readDocx((await exportDocx(pkg, { parts: ['decision'] })).buffer)).body);
    expect(texts).toContain('Số:        /QĐ-UBND');
    expect(texts).toContain('Bình Phước, ngày      tháng      năm 2024');
    pkg.decision!.numberUnknown = true;
    pkg.decision!.dateUnknown = true;
    texts = paragraphTexts((await readDocx((await exportDocx(pkg, { parts: ['decision'] })).buffer)).body);
    expect(texts).toContain('Số: …/QĐ-UBND');
    expect(texts).toContain('Bình Phước, ngày … tháng … năm …');
  });

  it('header columns: inside the survey for the sample, wider and 13 pt for Hồ Chí Minh City, never past 17.5 cm', () => {
    const sample = samplePackage();
    const base = { issuer: sample.issuer, numberLine: 'Số: 2142/QĐ-UBND', placeDate: 'Bình Phước, ngày 09 tháng 12 năm 2023' };
    const a = headerLayout(base);
    expect(a).toMatchObject({ left: HEADER_BOUNDS.left.min, placeDateSize: 14, fits: true });
    // The national title at 13 pt bold (≈ 96 mm) and its slack set the right column, inside the survey's 97.5–103 mm.
    expect(a.right).toBeGreaterThanOrEqual(HEADER_BOUNDS.right.min);
    expect(a.right).toBeLessThan(mm(99));
    const hcm = headerLayout({ ...base, placeDate: 'Thành phố Hồ Chí Minh, ngày 28 tháng 02 năm 2024' });
    expect(hcm.fits).toBe(true);
    expect(hcm.placeDateSize).toBe(13);
    expect(hcm.left + hcm.right).toBeLessThanOrEqual(HEADER_BOUNDS.total);
    expect(hcm.right).toBeLessThanOrEqual(HEADER_BOUNDS.right.max);
    const huge = headerLayout({ ...base, placeDate: `${'Thành phố rất dài '.repeat(4)}, ngày 28 tháng 02 năm 2024` });
    expect(huge.fits).toBe(false);
    expect(huge.left + huge.right).toBeLessThanOrEqual(HEADER_BOUNDS.total);
  });

  it('wide tables: every column holds its longest word or date; the text columns get the most room', () => {
    const columns = frameworkColumns();
    const texts = [['1.1.1.', 'Mục tiêu', 'Nhiệm vụ dài', 'Hoạt động có nội dung rất dài '.repeat(5), 'Kết quả', 'Sở Nội vụ', 'Các sở', '25/12/2023', '100']];
    const widths = contentWidths(columns, texts, 12);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(mm(297 - 30 - 15));
    expect(widths[7]).toBeGreaterThan(mm(18)); // "25/12/2023" at 12 pt is ≈ 17 mm with padding
    expect(Math.max(...widths)).toBe(widths[3]);
    expect(widths[0]).toBeLessThan(widths[3] / 3);
  });

  it('a framework table uses the 12 pt cell style and vertical merges', async () => {
    const doc = await readDocx((await exportDocx(frameworkPackage(1, 2), { parts: ['appendix'] })).buffer);
    expect(doc.documentXml).toContain('w:pStyle w:val="SkhTableCell12"');
    expect(doc.stylesXml).toContain('SkhTableCell12');
    const table = all(doc.body, 'w:tbl')[0];
    expect(all(table, 'w:vMerge').length).toBeGreaterThan(0);
    expect(textOf(table)).toContain('1.1.1.');
  });
});
