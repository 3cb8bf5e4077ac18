/**
 * The agency picker's list (appendix/agency-suggest.ts): an agency the cell already names is listed as "đã có"
 * first, so typing its name adds nothing — never the group entry that merely contains the words; the directory's
 * other spelling of it is the same agency; an abbreviation finds its entry.
 */
import { describe, expect, it } from 'vitest';
import { alreadyInCell, pickerOptions } from '../../renderer/src/screens/plan/appendix/agency-suggest';

const dir = [
  { key: 'cac-so', name: 'Các Sở: Tài chính, Tư pháp, Thông tin và Truyền thông, Khoa học và Công nghệ, Kế hoạch và Đầu tư' },
  { key: 'so-tu-phap', name: 'Sở Tư pháp' },
  { key: 'tu-phap-huyen', name: 'Tư pháp huyện' },
  { key: 'so-noi-vu', name: 'Sở Nội vụ' },
  { key: 'tttt-a', name: 'Sở Thông tin và Truyền Thông' },
  { key: 'tttt', name: 'Sở Thông tin và Truyền thông' },
];
const list = (typed: string, inCell: string[]) => pickerOptions(dir, typed, new Set(inCell)).map((o) => `${o.agency.key}${o.have ? ' (đã có)' : ''}`);

describe('the agency picker', () => {
  it('lists Sở Tư pháp as "đã có" first when the cell holds it and "tư pháp" is typed', () => {
    expect(list('tư pháp', ['so-tu-phap'])[0]).toBe('so-tu-phap (đã có)');
    expect(list('tư pháp', ['so-tu-phap'])).toEqual(['so-tu-phap (đã có)', 'tu-phap-huyen', 'cac-so']);
    // Without it in the cell, the ranking is the suggestions' own.
    expect(list('tư pháp', [])).toEqual(['tu-phap-huyen', 'so-tu-phap', 'cac-so']);
    expect(alreadyInCell(dir, 'Sở Tư Pháp', new Set(['so-tu-phap']))?.key).toBe('so-tu-phap');
    expect(alreadyInCell(dir, 'Sở Tư pháp', new Set(['so-noi-vu']))).toBeUndefined();
  });

  it('finds an abbreviation\'s entry, and says "đã có" for it too', () => {
    expect(list('STP', [])[0]).toBe('so-tu-phap');
    expect(list('STP', ['so-tu-phap'])[0]).toBe('so-tu-phap (đã có)');
    expect(alreadyInCell(dir, 'STP', new Set(['so-tu-phap']))?.key).toBe('so-tu-phap');
  });

  it('takes the directory\'s two spellings of one agency as one: the twin of an agency in the cell is "đã có", not offered again', () => {
    expect(list('thông tin', ['tttt'])).toEqual(['tttt (đã có)', 'cac-so']);
    expect(alreadyInCell(dir, 'Sở Thông tin và Truyền Thông', new Set(['tttt']))?.key).toBe('tttt');
    expect(alreadyInCell(dir, 'Sở Thông tin & Truyền thông', new Set(['tttt-a']))?.key).toBe('tttt-a');
  });
});
