import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { placeLabel } from '../../renderer/src/lib/place-label';
import { frameworkPackage } from '../core/fixtures/framework';
import { samplePackage } from '../core/fixtures/packages';

// The catalogue's wording is not under test here: a stub that shows the key and its values.
const t = ((key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`) as unknown as TFunction;

describe('placeLabel names rows by their printed STT', () => {
  it('a top-level row: its continuous number and the column caption', () => {
    const pkg = samplePackage();
    const second = pkg.appendix.groups[0].rows.length + 2;
    expect(placeLabel('appendix.groups[1].rows[1].deadline', pkg, t)).toBe(`place.row{"group":"II","number":"${second}"} (Thời gian hoàn thành)`);
  });

  it('a sub-row reached through _rows (never the raw path): its hierarchical STT', () => {
    const pkg = frameworkPackage(2, 2);
    expect(placeLabel('appendix.groups[0].rows[1]._rows[0]._rows[1].deadline', pkg, t)).toBe('place.row{"group":"I","number":"2.1.2"} (Thời gian)');
    expect(placeLabel('appendix.groups[0].rows[0]._rows[1]', pkg, t)).toBe('place.row{"group":"I","number":"1.2"}');
  });

  it('a column key with a hyphen and a row the package does not have still get words', () => {
    const pkg = samplePackage();
    pkg.appendix.columns.push({ key: 'thoi-gian-bat-dau', caption: 'Bắt đầu', kind: 'text', role: null, width: 20, hidden: false });
    expect(placeLabel('appendix.groups[0].rows[0].thoi-gian-bat-dau', pkg, t)).toBe('place.row{"group":"I","number":"1"} (Bắt đầu)');
    expect(placeLabel('appendix.groups[0].rows[99]._rows[2].task', pkg, t)).toBe('place.row{"group":"I","number":"100.3"} (Nội dung nhiệm vụ)');
  });
});
