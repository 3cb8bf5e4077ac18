/**
 * A department's spellings of an agency against the plan's directory (model/agency-match.ts): the spellings
 * departments really send (case, "&", abbreviations, no diacritics, a trailing "tỉnh"), which are taken at once
 * and which are only proposed, and names that look alike but are other agencies.
 */
import { describe, expect, it } from 'vitest';
import { AGENCY_ABBREVIATIONS, hasAbbreviation, isCertain, matchAgency, needsConfirm, spelledOut } from '../../electron/core/model/agency-match';
import type { Agency } from '../../electron/core/model/types';

const DIRECTORY: Agency[] = [
  { key: 'so-tu-phap', name: 'Sở Tư pháp' },
  { key: 'so-tai-chinh', name: 'Sở Tài chính' },
  { key: 'so-tnmt', name: 'Sở Tài nguyên và Môi trường' },
  // The sample's directory holds this one twice, differing only in a capital.
  { key: 'so-tttt-a', name: 'Sở Thông tin và Truyền Thông' },
  { key: 'so-tttt', name: 'Sở Thông tin và Truyền thông' },
  { key: 'so-khdt', name: 'Sở Kế hoạch và Đầu tư' },
  { key: 'so-noi-vu', name: 'Sở Nội vụ' },
  { key: 'vp', name: 'Văn phòng UBND tỉnh' },
  { key: 'ubnd-tinh', name: 'UBND tỉnh' },
  { key: 'ubnd-huyen', name: 'UBND cấp huyện' },
  { key: 'so-vh', name: 'Sở Văn hóa, Thể thao và Du lịch' },
  { key: 'so-vh-tt', name: 'Sở Văn hóa và Thể thao' },
  { key: 'dai', name: 'Đài Phát thanh - Truyền hình' },
  { key: 'group', name: 'Các Sở: Tài chính, Tư pháp, Thông tin và Truyền thông' },
];

const found = (spelling: string) => {
  const m = matchAgency(spelling, DIRECTORY);
  return { kind: m.kind, key: 'agency' in m ? m.agency.key : null };
};

describe('matchAgency', () => {
  it.each([
    ['Sở Tư pháp', 'exact', 'so-tu-phap'],
    ['  Sở\u00a0Tư  pháp ', 'exact', 'so-tu-phap'],
    ['Sở Tư Pháp', 'spelling', 'so-tu-phap'],
    ['SỞ TƯ PHÁP', 'spelling', 'so-tu-phap'],
    ['Sở Tư pháp.', 'spelling', 'so-tu-phap'],
    // "&" for "và": the entry spelled like it wins over the directory's other capitalisation.
    ['Sở Thông tin & Truyền thông', 'spelling', 'so-tttt'],
    ['Sở Kế hoạch & Đầu tư', 'spelling', 'so-khdt'],
    // Where the tone mark sits (old and new spelling): "hoá" / "hóa".
    ['Sở Văn hoá, Thể thao và Du lịch', 'spelling', 'so-vh'],
    ['Sở Văn hóa - Thể thao & Du lịch', 'spelling', 'so-vh'],
    ['Đài Phát thanh và Truyền hình', 'spelling', 'dai'],
  ])('%j is %s of %s, taken without asking', (spelling, kind, key) => {
    expect(found(spelling)).toEqual({ kind, key });
    expect(isCertain(matchAgency(spelling, DIRECTORY))).toBe(true);
  });

  it.each([
    ['STP', 'so-tu-phap'],
    ['stp', 'so-tu-phap'],
    ['Sở TT&TT', 'so-tttt'],
    ['Sở TT & TT', 'so-tttt'],
    ['Sở TT và TT', 'so-tttt'],
    ['STTTT', 'so-tttt'],
    ['Sở KH&ĐT', 'so-khdt'],
    ['SKHĐT', 'so-khdt'],
    ['Sở TN&MT', 'so-tnmt'],
    ['VP UBND tỉnh', 'vp'],
    ['Văn phòng Ủy ban nhân dân tỉnh', 'vp'],
    ['Ủy ban nhân dân cấp huyện', 'ubnd-huyen'],
    ['Uỷ ban nhân dân tỉnh', 'ubnd-tinh'],
  ])('%j is an abbreviation of %s: proposed, confirmed by the drafter', (spelling, key) => {
    expect(found(spelling)).toEqual({ kind: 'abbreviation', key });
    expect(needsConfirm(matchAgency(spelling, DIRECTORY))).toBe(true);
    expect(isCertain(matchAgency(spelling, DIRECTORY))).toBe(false);
  });

  it('reads text without diacritics and a trailing "tỉnh" as likely, to confirm', () => {
    expect(found('So Tu phap')).toEqual({ kind: 'unmarked', key: 'so-tu-phap' });
    expect(found('so noi vu')).toEqual({ kind: 'unmarked', key: 'so-noi-vu' });
    expect(found('Sở Nội vụ tỉnh')).toEqual({ kind: 'locality', key: 'so-noi-vu' });
    expect(needsConfirm(matchAgency('Sở Nội vụ tỉnh', DIRECTORY))).toBe(true);
  });

  it.each([
    ['Sở Tài chính', 'so-tai-chinh'],
    ['Sở Tài nguyên và Môi trường', 'so-tnmt'],
    ['Sở Văn hóa và Thể thao', 'so-vh-tt'],
    ['UBND tỉnh', 'ubnd-tinh'],
  ])('%j is never taken for another agency that looks alike', (spelling, key) => {
    expect(found(spelling).key).toBe(key);
  });

  it.each([
    // Look alike, but are not in the directory.
    'Sở Tài nguyên',
    'Sở Tài',
    'Sở Y tế',
    'Sở Tư pháp và Sở Nội vụ',
    'Sở TC',
    'STC tỉnh Bình Dương',
    'TT&TT',
    'Sở Thông tin',
    'Văn phòng',
    'Sở Tu phap xa',
    '',
  ])('%j matches nothing', (spelling) => {
    expect(matchAgency(spelling, DIRECTORY)).toEqual({ kind: 'none' });
  });

  it('"tư pháp" alone is no agency: the picker suggests, the matcher does not guess', () => {
    expect(found('tư pháp')).toEqual({ kind: 'none', key: null });
  });

  it('takes entries the directory holds twice (a capital, an abbreviation) as one agency, the spelled-out one first', () => {
    const dir: Agency[] = [{ key: 'b', name: 'Sở TTTT' }, { key: 'c', name: 'Sở Thông tin & Truyền Thông' }, { key: 'a', name: 'Sở Thông tin và Truyền thông' }];
    expect(matchAgency('Sở TT&TT', dir)).toMatchObject({ kind: 'abbreviation', agency: { key: 'a' } });
    expect(matchAgency('Sở TT&TT tỉnh', dir)).toMatchObject({ kind: 'locality', agency: { key: 'a' } });
    expect(matchAgency('VP', [{ key: 'x', name: 'Văn Phòng' }, { key: 'y', name: 'Văn phòng' }])).toMatchObject({ kind: 'abbreviation', agency: { key: 'y' } });
  });

  it('returns ambiguous with every candidate when two agencies fit', () => {
    const m = matchAgency('so noi vu', [{ key: 'a', name: 'Sở Nội vụ' }, { key: 'b', name: 'Sở Nối vũ' }]);
    expect(m).toMatchObject({ kind: 'ambiguous', level: 'unmarked' });
    expect(m.kind === 'ambiguous' && m.candidates.map((a) => a.key)).toEqual(['a', 'b']);
  });
});

describe('spelledOut', () => {
  it.each([
    ['STP', 'Sở Tư pháp'],
    ['Sở TT&TT', 'Sở Thông tin và Truyền thông'],
    ['VP UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'],
    ['UBND TP. Đồng Xoài', 'Ủy ban nhân dân thành phố Đồng Xoài'],
    ['Sở LĐ-TB&XH', 'Sở Lao động - Thương binh và Xã hội'],
    ['Sở Tư pháp', 'Sở Tư pháp'],
    // A short form inside a word is no abbreviation.
    ['Trường VPTEST', 'Trường VPTEST'],
  ])('%j → %j', (name, out) => {
    expect(spelledOut(name)).toBe(out);
    expect(hasAbbreviation(name)).toBe(name !== out);
  });

  it('every short form of the list is written out to its full name, and no full name holds a short form', () => {
    for (const entry of AGENCY_ABBREVIATIONS) {
      for (const s of entry.short) expect(spelledOut(s), s).toBe(entry.full);
      expect(hasAbbreviation(entry.full), entry.full).toBe(false);
    }
  });
});
