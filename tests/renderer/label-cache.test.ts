import { describe, expect, it } from 'vitest';
import { labelCache, type Translate } from '../../renderer/src/screens/plan/appendix/label-cache';

/** A stand-in for i18next's `t` with the catalogue's shapes: interpolation and a plural by `count`. */
function fakeT(): { t: Translate; calls: string[] } {
  const calls: string[] = [];
  const catalogue: Record<string, string> = {
    'appendix.grid.cellLabel': 'Dòng {{number}} — {{caption}}',
    'appendix.grid.dragRowHint': 'Kéo để chuyển',
  };
  const t: Translate = (key, values) => {
    calls.push(key);
    if (key === 'appendix.tree.hidden') return values?.count === 1 ? '1 dòng con ẩn' : `${values?.count} dòng con ẩn`;
    return (catalogue[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values?.[name] ?? ''));
  };
  return { t, calls };
}

describe('the grid rows’ label cache', () => {
  it('gives what t gives, and looks a row-number label up once per column, whatever the row', () => {
    const { t, calls } = fakeT();
    const text = labelCache(t);
    for (const number of [1, 2, '1.2', 'a)', 2000]) {
      expect(text('appendix.grid.cellLabel', { number, caption: 'Ghi chú' })).toBe(`Dòng ${number} — Ghi chú`);
      expect(text('appendix.grid.cellLabel', { number, caption: 'Nội dung' })).toBe(`Dòng ${number} — Nội dung`);
    }
    expect(calls.filter((k) => k === 'appendix.grid.cellLabel')).toHaveLength(2);
    expect(text('appendix.grid.dragRowHint')).toBe('Kéo để chuyển');
    expect(text('appendix.grid.dragRowHint')).toBe('Kéo để chuyển');
    expect(calls.filter((k) => k === 'appendix.grid.dragRowHint')).toHaveLength(1);
  });

  it('looks a plural up per count (its form depends on it), and a new language is a new cache', () => {
    const { t, calls } = fakeT();
    const text = labelCache(t);
    expect(text('appendix.tree.hidden', { count: 1 })).toBe('1 dòng con ẩn');
    expect(text('appendix.tree.hidden', { count: 3 })).toBe('3 dòng con ẩn');
    expect(text('appendix.tree.hidden', { count: 3 })).toBe('3 dòng con ẩn');
    expect(calls).toHaveLength(2);
    const english = labelCache((key, values) => `Row ${values?.number} — ${values?.caption}`);
    expect(english('appendix.grid.cellLabel', { number: 7, caption: 'Note' })).toBe('Row 7 — Note');
  });
});
