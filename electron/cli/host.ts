/**
 * Runs the app in a browser: the store, the SoanApi and the built renderer on a loopback address.
 * `npm run host -- [--db FILE] [--port N] [--fresh] [--static DIR]`. `npm start` uses it where Electron is not available.
 * Like the desktop app it holds the store's lock while it runs (one writer) and backs the store up on start and daily.
 * `--static DIR` serves another folder holding an index.html instead of the built renderer (tests).
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, withStoreErrors } from '../core/store/open';
import { acquireStoreLock } from '../core/store/lock';
import { backupsDirFor, scheduleBackups } from '../core/store/backup';
import { installSampleOnFirstRun } from '../core/store/first-run';
import { loadSamplePackage } from '../core/sample';
import { createService, deliverAsDownload } from '../core/api/service';
import { startHost } from '../core/host/http-host';
import { resolveStorePath } from '../core/paths';
import { isUserError, UserError } from '../core/errors';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UserError(`${name} needs a value.`);
  return value;
}

async function main(): Promise<void> {
  const { path: storePath, rest } = resolveStorePath(process.argv.slice(2));
  const port = Number(option(rest, '--port') ?? 0);
  const staticDir = resolve(option(rest, '--static') ?? join(repoRoot, 'out', 'renderer'));
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${staticDir} is missing): run \`npm run build\` first.`);
  }
  // One writer: refused (with who holds it) while the desktop app or another host has this store open.
  const release = acquireStoreLock(storePath, 'app');
  if (rest.includes('--fresh')) for (const suffix of ['', '-wal', '-shm']) rmSync(storePath + suffix, { force: true });
  const db = openStore(storePath);
  installSampleOnFirstRun(db, loadSamplePackage);
  const backups = scheduleBackups(db, backupsDirFor(storePath), {
    onError: (e) => console.error(`Warning: the backup was not made: ${isUserError(e) ? e.message : String(e)}`),
  });
  const service = createService(db, { info: { version: process.env.npm_package_version ?? '0.1.0', dataFile: storePath, shell: 'browser' }, deliver: deliverAsDownload });
  const host = await startHost({ api: withStoreErrors(service, storePath), staticDir, port });
  console.log(`Soạn Kế hoạch is running at ${host.url} — open it in a browser (data: ${storePath}; Ctrl+C to stop)`);
  const stop = () => {
    void Promise.all([host.close(), backups.stop()]).finally(() => {
      db.close();
      release();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(isUserError(e) ? `Error: ${e.message}` : e);
  process.exit(1);
});
