/**
 * `npm start`: builds the app when a source changed (app-build.ts), then opens the desktop window where Electron can run, and otherwise
 * serves the same app on a loopback address and says so in one line holding the URL.
 *
 * Electron 45 fetches its binary on first use, not at install, so `npm install` works offline; here we
 * try that fetch once (it fails at once without a network) and fall back to the browser host.
 *
 * Every process is started from an argument array, never through a shell: `C:\Program Files\nodejs\node.exe`
 * or a project folder with a space in its name stays one argument. Node scripts (electron-vite, node-gyp, the
 * host) run through `process.execPath` rather than their `.cmd` shims, which Windows can only run through a shell.
 * Runs as the built out/cli/start.js (launch.mjs keeps it fresh); the browser host is its sibling out/cli/host.js.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAppBuilt } from './app-build';
import { argvLang, translate } from '../core/model/messages';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The launcher's lines, in the language of the command line (`--lang en`, SOAN_LANG=en, else Vietnamese). */
const say = (key: string, values: Record<string, string> = {}) => translate(`cli.start.${key}`, values, argvLang(process.argv.slice(2), process.env.SOAN_LANG));
const electronDir = join(root, 'node_modules', 'electron');

/** Runs a program with its arguments as they are (no shell); returns its exit code. */
function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: options.cwd ?? root, env: options.env ?? process.env, shell: false });
  if (result.error) console.error(say('cannotRun', { command, reason: (result.error as NodeJS.ErrnoException).code ?? result.error.message }));
  return result.status ?? 1;
}

/** The Electron executable if it is (or can now be made) present, else null. */
function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  const binaryAt = () => (existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null);
  let binary = binaryAt();
  if (binary && existsSync(binary)) return binary;
  if (process.env.SOAN_KE_HOACH_NO_ELECTRON) return null;
  console.log(say('fetching'));
  const fetched = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  binary = binaryAt();
  return fetched.status === 0 && binary && existsSync(binary) ? binary : null;
}

/**
 * better-sqlite3 is compiled for Node (tests, CLI). Electron has another ABI, so the desktop app gets its
 * own copy compiled for Electron in .cache/, handed to the store through SOAN_KE_HOACH_SQLITE_BINDING.
 */
function sqliteBindingForElectron(): string | null {
  const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version as string;
  const copy = join(root, '.cache', `better-sqlite3-electron-${electronVersion}`);
  const binding = join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  cpSync(join(root, 'node_modules', 'better-sqlite3'), copy, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) });
  const npmCli = process.env.npm_execpath;
  const nodeGyp = npmCli ? join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : null;
  if (!nodeGyp || !existsSync(nodeGyp)) return null;
  const status = run(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: copy });
  return status === 0 && existsSync(binding) ? binding : null;
}

function main(): void {
  // electron-vite builds only when a source changed since the last build (app-build.ts), so a second start is immediate.
  if (ensureAppBuilt(root, () => run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])) !== 0) {
    console.error(say('buildFailed'));
    process.exit(1);
  }
  const electron = electronBinary();
  const binding = electron ? sqliteBindingForElectron() : null;
  if (electron && binding) {
    const child = spawn(electron, [root, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, SOAN_KE_HOACH_SQLITE_BINDING: binding },
      shell: false,
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  console.log(say(electron ? 'noSqlite' : 'noElectron'));
  const host = spawn(process.execPath, [join(root, 'out', 'cli', 'host.js'), ...process.argv.slice(2)], { stdio: 'inherit', shell: false });
  host.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => host.kill(signal));
}

main();
