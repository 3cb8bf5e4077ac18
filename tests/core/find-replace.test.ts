import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open';
import { insertPackage, loadPlan } from '../../electron/core/store/plans';
import { enableHistory, undo } from '../../electron/core/store/history';
import { findInPlan, matchOffsets, replaceInPlan } from '../../electron/core/search/find-replace';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { loadSamplePackage } from '../../electron/core/sample';
import { plainText } from '../../electron/core/model';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

function setup() {
  const db = openStore(join(tempDir(), 'f.sqlite'));
  const planId = insertPackage(db, loadSamplePackage());
  enableHistory(db);
  return { db, planId };
}

describe('find and replace', () => {
  it('matches without marks and case, by whole word when asked', () => {
    expect(matchOffsets('Cải cách hành chính', { text: 'cai cach' })).toEqual([0]);
    expect(matchOffsets('Cải cách hành chính', { text: 'cai cach', loose: false })).toEqual([]);
    expect(matchOffsets('năm 2024, năm 20245', { text: '2024', wholeWord: true })).toEqual([4]);
    expect(matchOffsets('Đài và đài', { text: 'dai' })).toEqual([0, 7]);
  });

  it('finds every deadline "Trong năm 2024" of the sample with its row, and replaces them all as one undo step', () => {
    const { db, planId } = setup();
    const before = serializeExchange(loadPlan(db, planId).pkg);
    const hits = findInPlan(db, planId, { text: 'Trong năm 2024', loose: false }).filter((h) => h.path.endsWith('.deadline'));
    // 20 cells read exactly "Trong năm 2024", one more adds "(sau khi có văn bản hướng dẫn …)".
    expect(hits.length).toBe(21);
    expect(hits[0]).toMatchObject({ path: 'appendix.groups[0].rows[0].deadline', where: 'Phụ lục, dòng 1 (Thời gian hoàn thành)', match: 'Trong năm 2024' });
    const count = replaceInPlan(db, planId, { text: 'Trong năm 2024', loose: false }, 'Trong năm 2025', hits.map((h) => h.id));
    expect(count).toBe(21);
    const pkg = loadPlan(db, planId).pkg;
    expect(pkg.appendix.groups[0].rows[0].cells.deadline).toBe('Trong năm 2025');
    // Texts elsewhere that were not chosen are untouched.
    expect(plainText(pkg.decision!.articles[0])).toContain('năm 2024');
    expect(undo(db, planId)).toBe('replace');
    expect(serializeExchange(loadPlan(db, planId).pkg)).toBe(before);
    db.close();
  });

  it('replaces inside one run of rich text and keeps the emphasis of the others', () => {
    const { db, planId } = setup();
    const hits = findInPlan(db, planId, { text: 'Par Index' });
    expect(hits.length).toBeGreaterThan(5);
    const first = hits[0];
    replaceInPlan(db, planId, { text: 'Par Index' }, 'PAR INDEX', [first.id]);
    const again = findInPlan(db, planId, { text: 'PAR INDEX', loose: false });
    expect(again.map((h) => h.path)).toContain(first.path);
    db.close();
  });

  it('refuses stale hits and changes nothing', () => {
    const { db, planId } = setup();
    const before = serializeExchange(loadPlan(db, planId).pkg);
    expect(() => replaceInPlan(db, planId, { text: 'Trong năm 2024' }, 'x', ['appendix.groups[0].rows[0].deadline@999'])).toThrow(/search again/);
    expect(serializeExchange(loadPlan(db, planId).pkg)).toBe(before);
    db.close();
  });
});
