import { describe, expect, it } from 'vitest';
import * as punctuation from '../../electron/core/export/docx/punctuation';
import { endWith } from '../../electron/core/export/docx/punctuation';
import { translate } from '../../electron/core/model/messages';

// The fixes are coded export notes; they are read here in English, as the catalogue words them.
const english = <T extends { fixes: Array<{ key: string; values: Record<string, string | number> }> }>(r: T) => ({
  ...r,
  fixes: r.fixes.map((f) => translate(f.key, f.values, 'en')),
});
const fixLegalBases = (...a: Parameters<typeof punctuation.fixLegalBases>) => english(punctuation.fixLegalBases(...a));
const fixRecipients = (...a: Parameters<typeof punctuation.fixRecipients>) => english(punctuation.fixRecipients(...a));

describe('endWith', () => {
  it('adds the mark when missing', () => {
    expect(endWith('Căn cứ Luật A', ';')).toEqual({ text: 'Căn cứ Luật A;', change: { key: 'exportNote.addedEnd', values: { mark: ';' } } });
  });
  it('replaces a wrong mark, or several', () => {
    expect(endWith('Căn cứ Luật A.', ';')).toEqual({ text: 'Căn cứ Luật A;', change: { key: 'exportNote.replacedEnd', values: { old: '.', mark: ';' } } });
    expect(endWith('Căn cứ Luật A ;.  ', '.')).toEqual({ text: 'Căn cứ Luật A.', change: { key: 'exportNote.replacedEnd', values: { old: ';.', mark: '.' } } });
    expect(endWith('Lưu: VT,', '.').text).toBe('Lưu: VT.');
  });
  it('leaves a right line alone, trimming spaces silently', () => {
    expect(endWith('Căn cứ Luật A;  ', ';')).toEqual({ text: 'Căn cứ Luật A;', change: null });
    expect(endWith('Lưu: VT, (T337QĐ).', '.')).toEqual({ text: 'Lưu: VT, (T337QĐ).', change: null });
  });
  it('keeps closing brackets and ellipses, adding after them', () => {
    expect(endWith('Vụ CCHC - Bộ Nội vụ (b/c)', ';').text).toBe('Vụ CCHC - Bộ Nội vụ (b/c);');
    expect(endWith('Căn cứ …', ';').text).toBe('Căn cứ …;');
  });
  it('returns empty text unchanged', () => {
    expect(endWith('   ', ';')).toEqual({ text: '', change: null });
  });
});

describe('fixLegalBases', () => {
  it('ends each basis with ";" and the proposal with "."', () => {
    const r = fixLegalBases(['Căn cứ A', 'Căn cứ B.', 'Căn cứ C;'], 'Theo đề nghị của D;');
    expect(r.bases).toEqual(['Căn cứ A;', 'Căn cứ B;', 'Căn cứ C;']);
    expect(r.proposal).toBe('Theo đề nghị của D.');
    expect(r.fixes).toEqual([
      'Căn cứ 1: added ";" at the end',
      'Căn cứ 2: replaced "." with ";" at the end',
      'Theo đề nghị: replaced ";" with "." at the end',
    ]);
  });
  it('ends the last basis with "." when there is no proposal', () => {
    const r = fixLegalBases(['Căn cứ A;', 'Căn cứ B;'], '');
    expect(r.bases).toEqual(['Căn cứ A;', 'Căn cứ B.']);
    expect(r.fixes).toEqual(['Căn cứ 2: replaced ";" with "." at the end']);
  });
  it('drops empty lines and joins a basis broken over lines, numbering as the drafter sees them', () => {
    const r = fixLegalBases(['Căn cứ A;', '  ', 'Căn cứ\nB'], 'Theo đề nghị của C.');
    expect(r.bases).toEqual(['Căn cứ A;', 'Căn cứ B;']);
    expect(r.fixes).toEqual(['Căn cứ 2: removed an empty line', 'Căn cứ 3: added ";" at the end']);
  });
  it('reports nothing for a correct list', () => {
    expect(fixLegalBases(['Căn cứ A;'], 'Theo đề nghị của B.').fixes).toEqual([]);
  });
});

describe('fixRecipients', () => {
  it('ends each with ";" and the last, Lưu, with "."', () => {
    const r = fixRecipients(['Như Điều 2', 'CT, các PCT UBND tỉnh.', 'Lưu: VT, NC']);
    expect(r.items).toEqual(['Như Điều 2;', 'CT, các PCT UBND tỉnh;', 'Lưu: VT, NC.']);
    expect(r.fixes).toHaveLength(3);
  });
  it('removes a typed leading dash (the export adds "- ")', () => {
    const r = fixRecipients(['- Như Điều 2;', 'Lưu: VT.']);
    expect(r.items).toEqual(['Như Điều 2;', 'Lưu: VT.']);
    expect(r.fixes).toEqual(['Nơi nhận 1: removed the leading "-" (the export adds "- ")']);
  });
  it('moves Lưu to the end, or adds it', () => {
    expect(fixRecipients(['Lưu: VT;', 'Như Điều 2;']).items).toEqual(['Như Điều 2;', 'Lưu: VT.']);
    const added = fixRecipients(['Như Điều 2;']);
    expect(added.items).toEqual(['Như Điều 2;', 'Lưu: VT.']);
    expect(added.fixes).toContain('Nơi nhận: added "- Lưu: VT." as the last recipient');
  });
  it('keeps the sample list as it is', () => {
    const list = ['Vụ CCHC - Bộ Nội vụ (b/c);', 'Như Điều 2;', 'LĐVP, Phòng: NC, HC-TC;', 'Lưu: VT, (T337QĐ).'];
    expect(fixRecipients(list)).toEqual({ items: list, levels: [0, 0, 0, 0], fixes: [] });
  });

  it('sub-items: "+ " lines hang from the line above, which ends with ":"; the last line with "."', () => {
    const r = fixRecipients(['Như Điều 3;', 'VP UBND tỉnh;', '+ LĐVP, các phòng, đơn vị', '+ Cổng TTĐT tỉnh;', '+ Lưu: VT, NC']);
    expect(r.items).toEqual(['Như Điều 3;', 'VP UBND tỉnh:', 'LĐVP, các phòng, đơn vị;', 'Cổng TTĐT tỉnh;', 'Lưu: VT, NC.']);
    expect(r.levels).toEqual([0, 0, 1, 1, 1]);
    expect(r.fixes).toEqual([
      'Nơi nhận 2: replaced ";" with ":" at the end',
      'Nơi nhận 3: added ";" at the end',
      'Nơi nhận 5: added "." at the end',
    ]);
    // A "+" with nothing above it is a top-level line.
    expect(fixRecipients(['+ Sở Nội vụ', 'Lưu: VT.']).levels).toEqual([0, 0]);
  });
});
