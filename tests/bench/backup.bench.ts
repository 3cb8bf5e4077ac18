import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open';
import { insertPackage } from '../../electron/core/store/plans';
import { backupStore, exportAllPlans } from '../../electron/core/store/backup';
import { largePlan } from '../fixtures/large-plan';
import type { Report } from './bench';
import { medianMs } from './timing';

/** A backup (online copy + integrity check + sync) and an export of everything, of a store with a 2,000-row plan. */
export default async function backupBench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'soan-bench-'));
  try {
    const db = openStore(join(dir, 'bench.sqlite'));
    insertPackage(db, largePlan(2000));
    let n = 0;
    report('backup.2000rows', await medianMs(() => backupStore(db, join(dir, 'backups'), { now: new Date(2025, 0, 1, 0, 0, n++) }), 5, 1), 'ms');
    report('export-all.2000rows', await medianMs(() => exportAllPlans(db, join(dir, `export-${n++}`)), 5, 1), 'ms');
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
