/**
 * The store as the app runs it, shared by the desktop shell (electron/main) and the browser host
 * (electron/cli/host.ts): the one-writer lock, the sample on first start, backups on start and daily,
 * disk errors turned into clear messages, and the API object the transports serve. Restoring a backup
 * closes and reopens the store, so the API handed out is a stable front that forwards to whichever
 * service serves the open store.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './store/open';
import { openStore, withStoreErrors } from './store/open';
import { acquireStoreLock } from './store/lock';
import { backupStore, backupsDirFor, exportAllPlans, exportFolderName, listBackups, restoreBackup, scheduleBackups, type BackupSchedule } from './store/backup';
import { installSampleOnFirstRun } from './store/first-run';
import { loadSamplePackage } from './sample';
import { createService, type ServiceOptions } from './api/service';
import type { BackupEntry, ExportAllResult, SoanApi } from './api/contract';
import { API_METHODS } from './api/methods';
import { UserError, isUserError } from './errors';
import { refusalFor, writeError } from './files/safe-write';

export interface AppStoreOptions extends Omit<ServiceOptions, 'backups'> {
  storePath: string;
  /** Where "export everything" goes: a folder the user picks (desktop), or null when cancelled. */
  chooseExportFolder(): Promise<string | null>;
  /** Where problems of the background backups are told (they never stop the app). */
  warn?(message: string): void;
  /** Start from an empty store (tests): the file is removed once the lock is ours. */
  fresh?: boolean;
}

export interface AppStore {
  api: SoanApi;
  close(): Promise<void>;
}

const entry = (b: { name: string; createdAt: string; size: number }): BackupEntry => ({ name: b.name, createdAt: b.createdAt, size: b.size });

export function openAppStore(options: AppStoreOptions): AppStore {
  const { storePath } = options;
  const backupsDir = backupsDirFor(storePath);
  const warn = options.warn ?? ((m: string) => console.error(m));
  const release = acquireStoreLock(storePath, 'app');
  if (options.fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(storePath + suffix, { force: true });
  let db: Db;
  let schedule: BackupSchedule;
  let current: SoanApi;
  // A restore closes the store: calls that arrive meanwhile wait for it (never "the connection is not open"),
  // and the restore itself waits for the calls already running to finish.
  let restoring: Promise<unknown> | null = null;
  const running = new Set<Promise<unknown>>();
  const thisCall = new AsyncLocalStorage<{ done: Promise<unknown> | null }>();

  const open = () => {
    db = openStore(storePath);
    installSampleOnFirstRun(db, loadSamplePackage);
    schedule = scheduleBackups(db, backupsDir, { onError: (e) => warn(`The backup was not made: ${isUserError(e) ? e.message : String(e)}`) });
    current = withStoreErrors(createService(db, { ...options, backups }), storePath);
  };

  const backups: ServiceOptions['backups'] = {
    list: async () => listBackups(backupsDir).map(entry),
    now: async () => entry(await backupStore(db, backupsDir)),
    restore: async (name) => {
      const chosen = listBackups(backupsDir).find((b) => b.name === name);
      if (!chosen) throw UserError.coded('backup.unknown', { name }, `"${name}" is not one of the backups.`);
      const me = thisCall.getStore();
      const restore = async () => {
        // Calls already under way finish on the store they started on (the restore call itself is not waited for;
        // its promise is known once this turn ends).
        await Promise.resolve();
        await Promise.allSettled([...running].filter((p) => p !== me?.done));
        // The store must be closed to be replaced; it is reopened whatever happens.
        await schedule.stop();
        db.close();
        try {
          const result = await restoreBackup(storePath, chosen.file);
          return { replacedBy: result.replaced?.name ?? result.setAside };
        } finally {
          open();
        }
      };
      const done = restore();
      restoring = done;
      try {
        return await done;
      } finally {
        restoring = null;
      }
    },
    exportAll: async (): Promise<ExportAllResult> => {
      const parent = await options.chooseExportFolder();
      if (!parent) return { kind: 'cancelled' };
      const folder = join(parent, exportFolderName());
      // Never into the backups folder (nor over the store): the same rule as every other file written.
      const refusal = refusalFor(folder, { protect: [storePath] });
      if (refusal) throw refusal;
      try {
        mkdirSync(parent, { recursive: true });
      } catch (e) {
        throw writeError(e, folder);
      }
      const result = exportAllPlans(db, folder);
      return { kind: 'saved', folder: result.folder, count: result.plans.length };
    },
  };

  try {
    open();
  } catch (e) {
    release();
    throw e;
  }
  const call = async (m: (typeof API_METHODS)[number], args: unknown[]): Promise<unknown> => {
    while (restoring) await restoring.catch(() => undefined);
    // Each call knows itself (a restore must not wait for its own call to end).
    const self = { done: null as Promise<unknown> | null };
    const result = thisCall.run(self, () => (current[m] as (...a: unknown[]) => Promise<unknown>)(...args));
    self.done = result;
    running.add(result);
    try {
      return await result;
    } finally {
      running.delete(result);
    }
  };
  const api = Object.fromEntries(API_METHODS.map((m) => [m, (...args: unknown[]) => call(m, args)])) as unknown as SoanApi;
  return {
    api,
    close: async () => {
      await schedule.stop();
      db.close();
      release();
    },
  };
}
