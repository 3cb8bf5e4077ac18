/**
 * Damage found after the store opened (SQLITE_CORRUPT): one coded message pointing to the backups, and nothing more
 * written into the file, through the API (desktop, host) and the CLI. The file is byte for byte the same afterwards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { openStore, withStoreErrors } from '../../electron/core/store/open';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { insertPackage } from '../../electron/core/store/plans';
import { loadSamplePackage } from '../../electron/core/sample';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { runCli } from '../../electron/cli/main';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A store with the sample whose tables of plans, rows and cells have their root pages overwritten: it opens, then fails on reads. */
function damagedStore(): string {
  const path = join(tempDir(), 'store.sqlite');
  const db = openStore(path);
  insertPackage(db, loadSamplePackage());
  db.pragma('wal_checkpoint(TRUNCATE)'); // everything into the main file (it stays a WAL store, as the app keeps it)
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const roots = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name IN ('plans', 'appendix_rows', 'row_cells', 'plan_fields')").all() as Array<{ rootpage: number }>).map((r) => r.rootpage);
  db.close();
  expect(roots).toHaveLength(4);
  const fd = openSync(path, 'r+');
  try {
    const garbage = Buffer.alloc(pageSize, 0xa5);
    for (const page of roots) writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return path;
}

describe('a store damaged after it opened', () => {
  it('the API names the damage and the way back, then refuses every write; the file is unchanged', async () => {
    const path = damagedStore();
    const db = openStore(path);
    const before = hash(path);
    const api = withStoreErrors(createService(db, { info: { version: 't', dataFile: path, shell: 'browser' }, deliver: deliverAsDownload }), path);
    await expect(api.listPlans()).rejects.toMatchObject({ code: 'store.damagedInUse', params: { file: 'store.sqlite' } });
    await expect(api.listPlans()).rejects.toThrow(/restore a backup/);
    // Later writes are refused before touching the file.
    await expect(api.importPlan('x.json', serializeExchange(loadSamplePackage()))).rejects.toMatchObject({ code: 'store.damagedInUse' });
    await expect(api.createPlan('blank', 2026)).rejects.toMatchObject({ code: 'store.damagedInUse' });
    db.close();
    expect(hash(path)).toBe(before);
  });

  it('the CLI prints one coded line instead of a SqliteError stack, and writes nothing', async () => {
    const path = damagedStore();
    const before = hash(path);
    const sample = join(tempDir(), 's.json');
    await runCli(['sample', sample, '--db', join(tempDir(), 'other.sqlite')], () => undefined);
    await expect(runCli(['list', '--db', path], () => undefined)).rejects.toMatchObject({ code: 'store.damagedInUse' });
    await expect(runCli(['import', sample, '--db', path], () => undefined)).rejects.toMatchObject({ code: 'store.damagedInUse' });
    expect(hash(path)).toBe(before);
  });
});
