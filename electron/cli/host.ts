/**
 * Runs the app in a browser: the store, the SoanApi and the built renderer on a loopback address.
 * `npm run host -- [--db FILE] [--port N] [--fresh] [--static DIR]`. `npm start` uses it where Electron is not available.
 * Like the desktop app it holds the store's lock while it runs (one writer) and backs the store up on start and daily.
 * `--static DIR` serves another folder holding an index.html instead of the built renderer (tests).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAppStore } from '../core/app-store';
import { deliverAsDownload } from '../core/api/service';
import { startHost } from '../core/host/http-host';
import { settleStorePath } from '../core/data-folder';
import { isUserError, UserError } from '../core/errors';
import { cliErrorLine, cliLang } from './main';
import { translate } from '../core/model/messages';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw UserError.coded('cli.needsValue', { option: name }, `${name} needs a value.`);
  return value;
}

async function main(): Promise<void> {
  const { path: storePath, rest } = await settleStorePath(process.argv.slice(2));
  const port = Number(option(rest, '--port') ?? 0);
  const staticDir = resolve(option(rest, '--static') ?? join(repoRoot, 'out', 'renderer'));
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${staticDir} is missing): run \`npm run build\` first.`);
  }
  // One writer (refused with who holds it), the sample on first start, backups on start and daily.
  const store = openAppStore({
    storePath,
    info: { version: process.env.npm_package_version ?? '0.1.0', dataFile: storePath, shell: 'browser' },
    deliver: deliverAsDownload,
    // No folder dialog in a browser: "export everything" goes beside the data file.
    chooseExportFolder: async () => join(dirname(storePath), 'exports'),
    warn: (m) => console.error(translate('cli.warning', { text: m }, cliLang(process.argv.slice(2)))),
    // --fresh starts from an empty store (tests), once the lock is ours.
    fresh: rest.includes('--fresh'),
  });
  const host = await startHost({ api: store.api, staticDir, port });
  console.log(translate('cli.hostRunning', { url: host.url, file: storePath }, cliLang(process.argv.slice(2))));
  const stop = () => {
    void host.close().finally(() => {
      void store.close().finally(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  const lang = cliLang(process.argv.slice(2));
  console.error(isUserError(e) ? cliErrorLine(e, lang) : e);
  process.exit(1);
});
