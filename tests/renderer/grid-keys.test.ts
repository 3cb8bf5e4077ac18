import { describe, expect, it } from 'vitest';
import { exitMove, gridKey, isTypedCharacter, PAGE_ROWS, type KeyInput } from '../../renderer/src/screens/plan/appendix/grid-keys';
import { listPlacement } from '../../renderer/src/screens/plan/appendix/AgencyCellEditor';
import { sameAgency, splitAgencyText, suggestAgencies } from '../../renderer/src/screens/plan/appendix/agency-suggest';

const k = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('the grid keyboard model', () => {
  it('moves with arrows, Tab and pages', () => {
    expect(gridKey(k('ArrowDown'), 'text')).toEqual({ kind: 'move', rows: 1, cols: 0 });
    expect(gridKey(k('ArrowLeft'), 'agencies')).toEqual({ kind: 'move', rows: 0, cols: -1 });
    expect(gridKey(k('Tab'), 'text')).toEqual({ kind: 'move', rows: 0, cols: 1 });
    expect(gridKey(k('Tab', { shiftKey: true }), 'text')).toEqual({ kind: 'move', rows: 0, cols: -1 });
    expect(gridKey(k('PageDown'), 'number')).toEqual({ kind: 'move', rows: PAGE_ROWS, cols: 0 });
    expect(gridKey(k('Home', { ctrlKey: true }), 'text')).toEqual({ kind: 'edge', where: 'first' });
    expect(gridKey(k('End'), 'text')).toEqual({ kind: 'edge', where: 'rowEnd' });
  });

  it('a typed character (Vietnamese letters and Space included) starts an edit that replaces the content', () => {
    for (const ch of ['a', 'Ư', 'ạ', '5', ' ']) expect(gridKey(k(ch), 'text')).toEqual({ kind: 'edit', keep: false });
    expect(gridKey(k('s'), 'agencies')).toEqual({ kind: 'edit', keep: false });
    // A composing input method opens the editor too, so the composition goes into it.
    expect(gridKey(k('Process', { composing: true }), 'text')).toEqual({ kind: 'edit', keep: false });
    // The number column is the program's: typing there does nothing, and Space does not scroll.
    expect(gridKey(k(' '), 'number')).toEqual({ kind: 'swallow' });
    expect(gridKey(k('a', { ctrlKey: true }), 'text')).toEqual({ kind: 'none' });
  });

  it('Enter and F2 edit keeping the content; Shift+Enter moves up; Delete and Backspace clear', () => {
    expect(gridKey(k('Enter'), 'text')).toEqual({ kind: 'edit', keep: true });
    expect(gridKey(k('F2'), 'group')).toEqual({ kind: 'edit', keep: true });
    expect(gridKey(k('Enter', { shiftKey: true }), 'text')).toEqual({ kind: 'move', rows: -1, cols: 0 });
    expect(gridKey(k('Enter'), 'number')).toEqual({ kind: 'move', rows: 1, cols: 0 });
    expect(gridKey(k('Delete'), 'text')).toEqual({ kind: 'clear' });
    expect(gridKey(k('Backspace'), 'agencies')).toEqual({ kind: 'clear' });
    expect(gridKey(k('Delete'), 'group')).toEqual({ kind: 'swallow' });
  });

  it('row commands: Alt+arrows move, Ctrl+Enter inserts, Ctrl+Delete deletes', () => {
    expect(gridKey(k('ArrowUp', { altKey: true }), 'text')).toEqual({ kind: 'moveRow', dir: -1 });
    expect(gridKey(k('ArrowUp', { altKey: true }), 'group')).toEqual({ kind: 'none' });
    expect(gridKey(k('Enter', { ctrlKey: true }), 'text')).toEqual({ kind: 'insertRow' });
    expect(gridKey(k('Delete', { ctrlKey: true }), 'text')).toEqual({ kind: 'deleteRow' });
  });

  it('where the selection goes when an editor closes', () => {
    expect(exitMove('down')).toEqual({ rows: 1, cols: 0 });
    expect(exitMove('prev')).toEqual({ rows: 0, cols: -1 });
    expect(exitMove('stay')).toEqual({ rows: 0, cols: 0 });
    // Left by a click elsewhere: the selection is where the click put it.
    expect(exitMove('blur')).toBeNull();
  });

  it('tells typed characters from commands', () => {
    expect(isTypedCharacter(k('đ'))).toBe(true);
    expect(isTypedCharacter(k('F2'))).toBe(false);
    expect(isTypedCharacter(k('x', { altKey: true }))).toBe(false);
  });
});

const dir = [
  { key: 'cac-so', name: 'Các Sở: Tài chính, Tư pháp, Thông tin và Truyền thông' },
  { key: 'so-tu-phap', name: 'Sở Tư pháp' },
  { key: 'tu-phap-huyen', name: 'Tư pháp huyện' },
  { key: 'so-vh', name: 'Sở Văn hóa, Thể thao và Du lịch' },
  { key: 'so-noi-vu', name: 'Sở Nội vụ' },
  { key: 'so-tai-chinh', name: 'Sở Tài chính' },
  { key: 'phap-che', name: 'Phòng Pháp chế' },
];

describe('agency suggestions', () => {
  it('rank the exact name, then names starting with the typing, then word starts, then the rest', () => {
    expect(suggestAgencies(dir, 'tư pháp', new Set()).map((a) => a.key)).toEqual(['tu-phap-huyen', 'so-tu-phap', 'cac-so']);
    expect(suggestAgencies(dir, 'so tu phap', new Set()).map((a) => a.key)).toEqual(['so-tu-phap']);
    expect(suggestAgencies(dir, 'Sở Nội vụ', new Set())[0].key).toBe('so-noi-vu');
    // "hap" only inside words: contains, shorter names first.
    expect(suggestAgencies(dir, 'hap', new Set()).map((a) => a.key)).toEqual(['so-tu-phap', 'tu-phap-huyen', 'phap-che', 'cac-so']);
    // A word start beats a match inside a word, whatever the length.
    expect(suggestAgencies([{ key: 'x', name: 'Chap' }, { key: 'y', name: 'Ban Hấp dẫn rất dài' }], 'hap', new Set()).map((a) => a.key)).toEqual(['y', 'x']);
    expect(suggestAgencies(dir, 'tư pháp', new Set(['so-tu-phap'])).map((a) => a.key)).not.toContain('so-tu-phap');
  });

  it('split text with several agencies against the directory', () => {
    expect(splitAgencyText(dir, 'Sở Nội vụ; Sở Tài chính')).toEqual([{ agency: dir[4] }, { agency: dir[5] }]);
    expect(splitAgencyText(dir, 'Sở Nội vụ, Sở Tài chính và Sở Tư pháp.')).toEqual([{ agency: dir[4] }, { agency: dir[5] }, { agency: dir[1] }]);
    // A name with a comma and "và" inside stays whole.
    expect(splitAgencyText(dir, 'Sở Văn hóa, Thể thao và Du lịch')).toEqual([{ agency: dir[3] }]);
    expect(splitAgencyText(dir, 'Sở Nội vụ\nSở Ngoại vụ')).toEqual([{ agency: dir[4] }, { name: 'Sở Ngoại vụ' }]);
    expect(sameAgency(dir, 'sở  nội vụ')?.key).toBe('so-noi-vu');
  });

  it('the list opens upward near the window bottom and stays inside the window', () => {
    const view = { width: 1280, height: 720 };
    const low = listPlacement({ top: 650, bottom: 680, left: 1200, width: 200 }, view, 200);
    expect(low.bottom).toBe(720 - 650 + 2);
    expect(low.top).toBeUndefined();
    expect((low.left as number) + (low.width as number)).toBeLessThanOrEqual(1280);
    const high = listPlacement({ top: 100, bottom: 130, left: 10, width: 300 }, view, 200);
    expect(high.top).toBe(132);
  });
});

describe('dd/mm/yyyy dates', async () => {
  const { dmyToIso, isoToDmy } = await import('../../renderer/src/lib/dmy');
  it('reads what drafters type and shows ISO dates their way', () => {
    expect(dmyToIso('9/12/2023')).toBe('2023-12-09');
    expect(dmyToIso('09-12-2023')).toBe('2023-12-09');
    expect(dmyToIso(' 28.02.2024 ')).toBe('2024-02-28');
    expect(dmyToIso('')).toBe('');
    expect(dmyToIso('31/02/2024')).toBeNull();
    expect(dmyToIso('12/15/2024')).toBeNull(); // the US order a browser's date input showed
    expect(dmyToIso('2024-02-28')).toBeNull();
    expect(isoToDmy('2024-02-28')).toBe('28/02/2024');
    expect(isoToDmy(null)).toBe('');
  });
});

describe('a new plan\'s issuer', async () => {
  const { issuerName } = await import('../../renderer/src/screens/plans/NewBlankDialog');
  it('writes the People\'s Committee of a province or a city in capitals', () => {
    expect(issuerName('Bình Phước')).toBe('ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC');
    expect(issuerName('tỉnh Bình Phước')).toBe('ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC');
    expect(issuerName('TP. Hồ Chí Minh')).toBe('ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH');
  });
});
