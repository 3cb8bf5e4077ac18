/** The appendix grid's fold state kept per plan in the window's session storage (view state, never in the plan). */
import { describe, expect, it } from 'vitest';
import { readFolded, writeFolded } from '../../renderer/src/screens/plan/appendix/fold-memory';

/** A Storage stand-in holding strings, as sessionStorage does. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('fold memory of the appendix grid', () => {
  it('keeps the folded rows per plan, reads them back, and forgets a plan with none folded', () => {
    const store = memoryStorage();
    writeFolded(7, new Set([12, 40]), store);
    writeFolded(8, new Set([3]), store);
    expect([...readFolded(7, store)].sort((a, b) => a - b)).toEqual([12, 40]);
    expect([...readFolded(8, store)]).toEqual([3]);
    writeFolded(7, new Set(), store);
    expect(readFolded(7, store).size).toBe(0);
    expect(store.items.size).toBe(1);
  });

  it('reads nothing folded from a missing, damaged or refused storage instead of failing', () => {
    const store = memoryStorage();
    expect(readFolded(1, store).size).toBe(0);
    store.items.set('soan.appendix.folded.1', '{not json');
    expect(readFolded(1, store).size).toBe(0);
    store.items.set('soan.appendix.folded.1', '[5, "x", 2.5, 9]');
    expect([...readFolded(1, store)]).toEqual([5, 9]);
    expect(readFolded(1, null).size).toBe(0);
    const full = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => writeFolded(1, new Set([1]), full)).not.toThrow();
  });
});
