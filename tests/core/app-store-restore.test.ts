/** The app's store during a restore: calls that come meanwhile wait and then see the restored store. */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openAppStore } from '../../electron/core/app-store';
import { deliverAsDownload } from '../../electron/core/api/service';
import { openStore } from '../../electron/core/store/open';
import { listPlans } from '../../electron/core/store/plans';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

describe('restore', () => {
  it('calls made during a restore wait for it, never "the connection is not open"; the store is the backup afterwards', async () => {
    const storePath = join(tempDir(), 'store.sqlite');
    const app = openAppStore({ storePath, info: { version: 't', dataFile: storePath, shell: 'browser' }, deliver: deliverAsDownload, chooseExportFolder: async () => null, warn: () => undefined });
    try {
      const start = await app.api.backupNow(); // the sample only
      await app.api.createPlan('blank', 2026);
      const restoring = app.api.restoreBackup(start.name);
      // Fired while the restore runs: reads, an edit, an export.
      const during = Promise.all([app.api.listPlans(), app.api.createPlan('blank', 2027), app.api.exportPlan(1, 'json'), app.api.listBackups()]);
      const restored = await restoring;
      const [plans, created, exported] = await during;
      expect(restored.replacedBy).toMatch(/^soan-ke-hoach-\d{8}-\d{6}(-\d+)?\.sqlite$/);
      // They ran after the restore: the 2026 plan is gone, the 2027 one was made in the restored store.
      expect(plans.map((p) => p.year)).toEqual([2024]);
      expect(created.year).toBe(2027);
      expect(exported.kind).toBe('download');
    } finally {
      await app.close();
    }
    const db = openStore(storePath, { readonly: true });
    try {
      expect(listPlans(db).map((p) => p.year).sort()).toEqual([2024, 2027]);
    } finally {
      db.close();
    }
  });
});
