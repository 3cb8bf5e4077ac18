/**
 * Reading one cell or run as the person saw it: old Vietnamese encodings by font (TCVN3, VNI) and Excel's
 * display formats (months, days, years, percentages, thousands).
 */
import { describe, expect, it } from 'vitest';
import { convertLegacyText, legacyEncodingOfFont, tcvn3ToUnicode, vniToUnicode } from '../../electron/core/model/legacy-encoding';
import { readCellValue } from '../../electron/core/import/xlsx/cells';

describe('legacy encodings', () => {
  it('knows the encoding from the font', () => {
    expect(['.VnTime', '.VnTimeH', '.VnArial', 'VNI-Times', 'VNI-Helve', 'Times New Roman', undefined].map(legacyEncodingOfFont)).toEqual([
      'tcvn3', 'tcvn3', 'tcvn3', 'vni', 'vni', null, null,
    ]);
  });

  it('converts TCVN3, capitals fonts to capitals', () => {
    expect(tcvn3ToUnicode('Së T\u00ad ph¸p')).toBe('Sở Tư pháp');
    expect(tcvn3ToUnicode('C¸c së, ban, ngµnh tØnh')).toBe('Các sở, ban, ngành tỉnh');
    expect(tcvn3ToUnicode('§Èy m¹nh c¶i c¸ch hµnh chÝnh')).toBe('Đẩy mạnh cải cách hành chính');
    expect(convertLegacyText('ñy ban nh©n d©n tØnh', '.VnTimeH')).toBe('ỦY BAN NHÂN DÂN TỈNH');
  });

  it('converts VNI, small and capital letters, and leaves a mark after a consonant alone', () => {
    expect(vniToUnicode('Sôû Noäi vuï')).toBe('Sở Nội vụ');
    expect(vniToUnicode('Ñaåy maïnh caûi caùch haønh chính')).toBe('Đẩy mạnh cải cách hành chính');
    expect(vniToUnicode('UÛY BAN NHAÂN DAÂN TÆNH')).toBe('ỦY BAN NHÂN DÂN TỈNH');
    expect(vniToUnicode('Tröôøng')).toBe('Trường');
    expect(convertLegacyText('Sôû Noäi vuï', 'Times New Roman')).toBe('Sôû Noäi vuï');
  });
});

describe('Excel display formats', () => {
  const june = new Date(Date.UTC(2025, 5, 1));
  it('reads a date as its format shows it: month, day or year', () => {
    expect(readCellValue(june, 'mm/yyyy')).toMatchObject({ text: 'Tháng 6/2025', shown: 'month' });
    expect(readCellValue(june, 'mmm-yy')).toMatchObject({ text: 'Tháng 6/2025', shown: 'month' });
    expect(readCellValue(june, '[$-42A]mmmm yyyy')).toMatchObject({ text: 'Tháng 6/2025', shown: 'month' });
    expect(readCellValue(new Date(Date.UTC(2025, 5, 30)), 'dd/mm/yyyy')).toMatchObject({ text: '30/06/2025', shown: 'day' });
    expect(readCellValue(june, 'yyyy')).toMatchObject({ text: 'Năm 2025', shown: 'year' });
    expect(readCellValue(june).text).toBe('01/06/2025');
  });

  it('reads numbers as shown: percentages, fixed decimals and thousands the Vietnamese way; General as stored', () => {
    expect(readCellValue(0.85, '0%').text).toBe('85%');
    expect(readCellValue(0.125, '0.0%').text).toBe('12,5%');
    expect(readCellValue(1500000, '#,##0').text).toBe('1.500.000');
    expect(readCellValue(2.5, '0.00').text).toBe('2,50');
    expect(readCellValue(1.1, 'General').text).toBe('1.1');
    expect(readCellValue(12).text).toBe('12');
  });

  it('converts a cell in a legacy font, and each rich-text run by its own font', () => {
    expect(readCellValue('Së T\u00ad ph¸p', undefined, '.VnTime')).toMatchObject({ text: 'Sở Tư pháp', legacy: { encoding: 'tcvn3', font: '.VnTime' } });
    const rich = { richText: [{ text: 'Sôû ', font: { name: 'VNI-Times' } }, { text: 'Tư pháp', font: { name: 'Times New Roman' } }] };
    expect(readCellValue(rich as never).text).toBe('Sở Tư pháp');
  });
});
