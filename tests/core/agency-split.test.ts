/**
 * The one agency splitter (model/agency-split.ts): where it cuts an agency cell, what it keeps whole, and
 * that the printed text survives every cut (names joined with their `after` give the cell back).
 */
import { describe, expect, it } from 'vitest';
import { agencyNameKey, cleanAgencyName, splitAgencies, splitContext } from '../../electron/core/model/agency-split';
import { mentionsText } from '../../electron/core/model/text';

const cut = (text: string, known: string[] = []) => splitAgencies(text, splitContext(known)).parts.map((p) => [p.name, p.after]);
/** The cell printed again the way the exporters print it. */
const printed = (text: string) => {
  const { parts } = splitAgencies(text);
  const names = new Map(parts.map((p, i) => [String(i), p.name]));
  return mentionsText(parts.map((p, i) => ({ agency: String(i), after: p.after })), names);
};

describe('splitAgencies', () => {
  it('cuts at "; ", ", " and " và " before another agency, keeping each separator as printed', () => {
    expect(cut('Sở Nội vụ, Sở Tư pháp')).toEqual([['Sở Nội vụ', ', '], ['Sở Tư pháp', '']]);
    expect(cut('Sở Nội vụ; UBND cấp huyện')).toEqual([['Sở Nội vụ', '; '], ['UBND cấp huyện', '']]);
    expect(cut('Văn phòng UBND tỉnh và các cơ quan, đơn vị có liên quan')).toEqual([
      ['Văn phòng UBND tỉnh', ' và '],
      ['Các cơ quan, đơn vị có liên quan', ''],
    ]);
    expect(cut('Sở Tài chính, Công an tỉnh, Đài Phát thanh và Truyền hình tỉnh và Báo Bình Phước')).toEqual([
      ['Sở Tài chính', ', '], ['Công an tỉnh', ', '], ['Đài Phát thanh và Truyền hình tỉnh', ' và '], ['Báo Bình Phước', ''],
    ]);
    expect(printed('Văn phòng UBND tỉnh và các cơ quan, đơn vị có liên quan')).toBe('Văn phòng UBND tỉnh và các cơ quan, đơn vị có liên quan');
  });

  it('never cuts inside a known name: built-in collective names, "và" inside a department name, the directory', () => {
    expect(cut('Các sở, ban, ngành tỉnh')).toEqual([['Các sở, ban, ngành tỉnh', '']]);
    expect(cut('Sở Kế hoạch và Đầu tư')).toEqual([['Sở Kế hoạch và Đầu tư', '']]);
    expect(cut('Sở Văn hóa, Thể thao và Du lịch, Sở Nội vụ')).toEqual([['Sở Văn hóa, Thể thao và Du lịch', ', '], ['Sở Nội vụ', '']]);
    expect(cut('Sở Nội vụ, các sở, ban, ngành tỉnh')).toEqual([['Sở Nội vụ', ', '], ['Các sở, ban, ngành tỉnh', '']]);
    // A name only this plan's directory holds, with "và" before a pattern word inside it.
    expect(cut('Ban Dân tộc và Tôn giáo tỉnh, Sở Y tế')).toEqual([['Ban Dân tộc và Tôn giáo tỉnh', ', '], ['Sở Y tế', '']]);
    expect(cut('Hội Nông dân và Hội Phụ nữ tỉnh', ['Hội Nông dân và Hội Phụ nữ tỉnh'])).toEqual([['Hội Nông dân và Hội Phụ nữ tỉnh', '']]);
    expect(cut('Hội Nông dân và Hội Phụ nữ tỉnh')).toEqual([['Hội Nông dân', ' và '], ['Hội Phụ nữ tỉnh', '']]);
  });

  it('cuts at new lines (Alt+Enter, _x000D_, Shift+Enter), joining a wrapped line that starts in lower case', () => {
    expect(cut('Sở Tư pháp\nSở Nội vụ')).toEqual([['Sở Tư pháp', '; '], ['Sở Nội vụ', '']]);
    expect(cut('Sở Nội vụ_x000D_\nSở Tư pháp')).toEqual([['Sở Nội vụ', '; '], ['Sở Tư pháp', '']]);
    expect(cut('- Sở Nội vụ\r\n- Sở Tài chính')).toEqual([['Sở Nội vụ', '; '], ['Sở Tài chính', '']]);
    expect(cut('Các sở, ban, ngành\ntỉnh')).toEqual([['Các sở, ban, ngành tỉnh', '']]);
    expect(cut('Sở Nội vụ,\nSở Tư pháp')).toEqual([['Sở Nội vụ', ', '], ['Sở Tư pháp', '']]);
  });

  it('reads the shared-prefix form as one agency per item, and says it guessed', () => {
    const s = splitAgencies('Các Sở: Tài chính, Tư pháp');
    expect(s.parts.map((p) => [p.name, p.after])).toEqual([['Sở Tài chính', ', '], ['Sở Tư pháp', '']]);
    expect(s.guessed).toBe(true);
    expect(s.printed).toBe('Các Sở: Tài chính, Tư pháp');
  });

  it('marks cuts at ", " and " và " as guesses, cuts at ";" and new lines as said', () => {
    expect(splitAgencies('Sở Nội vụ; Sở Tư pháp').guessed).toBe(false);
    expect(splitAgencies('Sở Nội vụ\nSở Tư pháp').guessed).toBe(false);
    expect(splitAgencies('Sở Nội vụ, Sở Tư pháp').parts.map((p) => p.guessed)).toEqual([false, true]);
    expect(splitAgencies('Các sở, ban, ngành tỉnh').guessed).toBe(false);
  });

  it('compares names after NFC, every kind of space and case', () => {
    const nfd = 'Sở Nội vụ'.normalize('NFD');
    expect(cleanAgencyName('Sở\u00a0Nội\u2009vụ ')).toBe('Sở Nội vụ');
    expect(agencyNameKey(nfd)).toBe(agencyNameKey('SỞ NỘI VỤ'));
    expect(cut('Sở\u00a0Kế\u00a0hoạch và\u00a0Đầu tư')).toEqual([['Sở Kế hoạch và Đầu tư', '']]);
    expect(splitAgencies('').parts).toEqual([]);
  });
});
