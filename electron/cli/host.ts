/**
 * Runs the app in a browser: the store, the SoanApi and the built renderer on a loopback address.
 * `npm run host -- [--db FILE] [--port N] [--fresh]`. `npm start` uses it where Electron is not available.
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../core/store/open';
import { installSampleOnFirstRun } from '../core/store/first-run';
import { loadSamplePackage } from '../core/sample';
import { createService, deliverAsDownload } from '../core/api/service';
import { startHost } from '../core/host/http-host';
import { resolveStorePath } from '../core/paths';
import { isUserError } from '../core/errors';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

async function main(): Promise<void> {
  const { path: storePath, rest } = resolveStorePath(process.argv.slice(2));
  const portArg = rest.indexOf('--port');
  const port = portArg >= 0 ? Number(rest[portArg + 1]) : 0;
  if (rest.includes('--fresh')) for (const suffix of ['', '-wal', '-shm']) rmSync(storePath + suffix, { force: true });
  const staticDir = join(repoRoot, 'out', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${staticDir} is missing): run \`npm run build\` first.`);
  }
  const db = openStore(storePath);
  installSampleOnFirstRun(db, loadSamplePackage);
  const api = createService(db, { info: { version: process.env.npm_package_version ?? '0.1.0', dataFile: storePath, shell: 'browser' }, deliver: deliverAsDownload });
  const host = await startHost({ api, staticDir, port });
  console.log(`Soạn Kế hoạch is running at ${host.url} — open it in a browser (data: ${storePath}; Ctrl+C to stop)`);
  const stop = () => {
    void host.close().finally(() => {
      db.close();
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
