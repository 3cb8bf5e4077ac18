/**
 * The import warnings (`importWarning.*` in the one catalogue) exist in Vietnamese and English with the same
 * placeholders, and a warning the readers give is worded in either language from its code: the place in the file
 * (`whereKey`) and a long list of rows (`rowsKey`) too.
 */
import { describe, expect, it } from 'vitest';
import { codedText, MESSAGE_FILES } from '../../electron/core/model/messages';
import { rowsList } from '../../electron/core/import/xlsx/row-rules';
import { importAppendixXlsx } from '../../electron/core/import/xlsx/import';
import { importDocx } from '../../electron/core/import/docx';
import { XLSX_CASES, docxOf, group, headRow, table, tc, xlsxOf } from './fixtures/real-world-cases';

type Tree = { [key: string]: string | Tree };

function texts(tree: Tree, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}.${k}`, v);
    else for (const [kk, vv] of texts(v, `${prefix}.${k}`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();

describe('import warnings', () => {
  const vi = texts(MESSAGE_FILES.vi['import-warning.json'].importWarning as Tree, 'importWarning');
  const en = texts(MESSAGE_FILES.en['import-warning.json'].importWarning as Tree, 'importWarning');

  it('have every key in both languages, with the same placeholders', () => {
    expect(vi.size).toBeGreaterThan(20);
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
    for (const [key, text] of vi) expect({ key, placeholders: placeholders(en.get(key) ?? '') }).toEqual({ key, placeholders: placeholders(text) });
  });

  it('name the file, sheet and rows in the reader language', async () => {
    const { warnings } = await importAppendixXlsx(await xlsxOf(XLSX_CASES.x7()), 'x7.xlsx');
    const hidden = warnings.find((w) => w.key === 'importWarning.hiddenRows');
    expect(hidden).toMatchObject({ values: { whereKey: 'importWarning.where.sheet', file: 'x7.xlsx', sheet: 'Phụ lục', shown: '7' } });
    // Every warning the reader gave has a text of its own in both languages, never its key.
    for (const w of warnings) {
      expect(vi.has(w.key)).toBe(true);
      expect(codedText(w, 'en')).not.toBe(codedText(w, 'vi'));
      expect(codedText(w, 'vi')).not.toMatch(/\{\{|importWarning/);
    }
    expect(codedText(hidden!, 'vi')).toBe('Tệp “x7.xlsx”, trang “Phụ lục”: dòng 7 đang bị ẩn: vẫn được đọc.');
  });

  it('from a Word file holding only an appendix table: the missing parts said in either language', async () => {
    const body = table([headRow(), group('I. CẢI CÁCH THỂ CHẾ'), `<w:tr>${['1', 'Rà soát văn bản', 'Sở Tư pháp', '', 'Quý IV/2025', ''].map((t) => tc(t)).join('')}</w:tr>`]);
    const { warnings } = await importDocx(await docxOf(body), 'chi-bang.docx');
    expect(warnings.map((w) => w.key)).toEqual(expect.arrayContaining(['importWarning.noDecision', 'importWarning.noPlan', 'importWarning.noAppendixTitle']));
    expect(warnings.map((w) => codedText(w))).toContain('Không thấy Quyết định ban hành: đã dùng Quyết định mẫu trống, hãy điền số, ngày, căn cứ và người ký.');
    for (const w of warnings) expect(codedText(w, 'en')).not.toMatch(/Không|hãy|dòng|Bảng/);
  });

  it('shorten a long list of rows to eight and the count, in both languages', () => {
    const message = { key: 'importWarning.hiddenRows', values: { whereKey: 'importWarning.where.table', ...rowsList([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) } };
    expect(codedText(message)).toBe('Bảng phụ lục: dòng 1, 2, 3, 4, 5, 6, 7, 8 … (10 dòng) đang bị ẩn: vẫn được đọc.');
    expect(codedText(message, 'en')).toBe('Appendix table: hidden row(s) 1, 2, 3, 4, 5, 6, 7, 8 … (10 rows) were read all the same.');
  });
});
