import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open';
import { insertPackage, loadPlan } from '../../electron/core/store/plans';
import { setCell } from '../../electron/core/store/edits';
import { parseExchange, serializeExchange } from '../../electron/core/exchange/exchange';
import { largePlan } from '../fixtures/large-plan';
import type { Report } from './bench';
import { medianMs } from './timing';

export default async function storeBench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'soan-bench-'));
  try {
    const file = join(dir, 'bench.sqlite');
    const big = largePlan(2000);
    const seed = openStore(file);
    const planId = insertPackage(seed, big);
    seed.close();

    report('store.open', await medianMs(() => openStore(file).close()), 'ms');
    report(
      'store.open+load.2000rows',
      await medianMs(() => {
        const db = openStore(file);
        loadPlan(db, planId);
        db.close();
      }),
      'ms',
    );
    const text = serializeExchange(big);
    report('exchange.parse.2000rows', await medianMs(() => parseExchange(text, 'bench.json')), 'ms');
    const db = openStore(file);
    report('exchange.import.2000rows', await medianMs(() => insertPackage(db, parseExchange(text, 'bench.json')), 5, 1), 'ms');
    const rowId = loadPlan(db, planId).pkg.appendix.groups[3].rows[100].id!;
    let n = 0;
    report('store.edit.cell', await medianMs(() => setCell(db, planId, rowId, 'note', `ghi chú ${n++}`), 50, 5), 'ms');
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
