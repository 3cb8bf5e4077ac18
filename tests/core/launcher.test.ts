/**
 * The prebuilt command line: launch.mjs rebuilds a stale build before running it (never uses it), and
 * `npm start`'s launcher (out/cli/start.js) starts every process from an argument array, so a Node
 * installed under a folder with spaces and a project folder with spaces both work.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const launcher = pathToFileURL(join(ROOT, 'electron/cli/launch.mjs')).href;
const builder = pathToFileURL(join(ROOT, 'electron/cli/build.mjs')).href;

type Launch = {
  staleReason(root: string, outDir: string, entry?: string): Promise<string | null>;
  ensureBuilt(entry: string, o: { root: string; outDir: string; build: object; log: (m: string) => void }): Promise<string>;
};
type Build = { buildCli(o: { root: string; entries: string[]; outDir: string; extraInputs: string[] }): Promise<{ inputs: Record<string, unknown>; outputs: string[] }> };

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skh launcher '));
  // The checkout's own build, as `npm run cli` would use it (rebuilt here if a source changed since).
  await ((await import(launcher)) as Launch).ensureBuilt('start', { root: ROOT, outDir: join(ROOT, 'out', 'cli'), build: {}, log: () => undefined });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('launch.mjs: a stale build is rebuilt, never used', () => {
  it('builds a missing build, uses a fresh one, rebuilds after a source changes, and ignores a touch without change', async () => {
    const { staleReason, ensureBuilt } = (await import(launcher)) as Launch;
    const { buildCli } = (await import(builder)) as Build;
    const root = join(dir, 'project');
    const outDir = join(root, 'out', 'cli');
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'src', 'greeting.ts'), "export const greeting: string = 'xin chào';\n");
    writeFileSync(join(root, 'src', 'main.ts'), "import { greeting } from './greeting';\nconsole.log(greeting);\n");
    const options = { entries: ['src/main.ts'], extraInputs: [] };
    const build = () => buildCli({ root, outDir, ...options });

    expect(await staleReason(root, outDir, 'main')).toBe('not built yet');
    const stamp = await build();
    expect(Object.keys(stamp.inputs).sort()).toEqual(['src/greeting.ts', 'src/main.ts']);
    expect(await staleReason(root, outDir, 'main')).toBeNull();

    // Touched, same bytes: fresh (the content hash decides when the time differs).
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, 'src', 'greeting.ts'), later, later);
    expect(await staleReason(root, outDir, 'main')).toBeNull();

    // Same size, other bytes: seen.
    writeFileSync(join(root, 'src', 'greeting.ts'), "export const greeting: string = 'xin chàu';\n");
    expect(await staleReason(root, outDir, 'main')).toBe('src/greeting.ts changed');
    const logs: string[] = [];
    const built = await ensureBuilt('main', { root, outDir, build: options, log: (m) => logs.push(m) });
    expect(logs[0]).toContain('src/greeting.ts changed');
    const run = spawnSync(process.execPath, [built], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('xin chàu');
    expect(await staleReason(root, outDir, 'main')).toBeNull();

    // An output removed, or a source removed: stale.
    rmSync(built);
    expect(await staleReason(root, outDir, 'main')).toBe('main.js is missing');
    await build();
    rmSync(join(root, 'src', 'greeting.ts'));
    expect(await staleReason(root, outDir, 'main')).toBe('src/greeting.ts is gone');
  });

  it('the repository build names every source of the CLI bundle, so editing any of them rebuilds', async () => {
    const { staleReason } = (await import(launcher)) as Launch;
    const stamp = JSON.parse(readFileSync(join(ROOT, 'out', 'cli', 'stamp.json'), 'utf8')) as { inputs: Record<string, unknown>; outputs: string[] };
    expect(Object.keys(stamp.inputs)).toEqual(expect.arrayContaining(['electron/cli/main.ts', 'electron/core/store/open.ts', 'electron/core/export/docx/index.ts', 'package.json']));
    expect(stamp.outputs).toEqual(expect.arrayContaining(['main.js', 'host.js', 'start.js', 'render.js']));
    // beforeAll brought the checkout's build up to date: nothing is stale now.
    expect(await staleReason(ROOT, join(ROOT, 'out', 'cli'), 'main')).toBeNull();
  });
});

describe('the built command line loads what a command needs, nothing more', () => {
  /** The packages a built command loads (CommonJS ones are seen by Module._load, ES ones by a resolve hook). */
  function packagesLoaded(args: string[]): string[] {
    const seen = join(dir, `seen-${args[0]}.txt`);
    const hook = join(dir, 'seen-hook.cjs');
    writeFileSync(
      hook,
      `const Module = require('node:module'); const { appendFileSync } = require('node:fs');
const load = Module._load;
Module._load = function (request, ...rest) { if (!Module.isBuiltin(request) && !request.startsWith('.') && !request.startsWith('/')) appendFileSync(${JSON.stringify(seen)}, request + '\\n'); return load.call(this, request, ...rest); };
Module.register?.('data:text/javascript,' + encodeURIComponent(\`export async function resolve(s, c, next) { if (!s.startsWith('node:') && !s.startsWith('.') && !s.startsWith('file:') && !s.startsWith('data:') && !s.startsWith('/')) (await import('node:fs')).appendFileSync(${JSON.stringify(seen)}, s + '\\\\n'); return next(s, c); }\`));`,
    );
    rmSync(seen, { force: true });
    const run = spawnSync(process.execPath, ['--require', hook, join(ROOT, 'out', 'cli', 'main.js'), ...args], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    return existsSync(seen) ? [...new Set(readFileSync(seen, 'utf8').trim().split('\n'))].map((p) => p.split('/')[0]).sort() : [];
  }

  it('help loads no package (not even SQLite); export --docx loads docx and the store, never exceljs or the exchange validator (ajv)', async () => {
    expect(packagesLoaded(['help'])).toEqual([]);
    const { openStore } = await import('../../electron/core/store/open');
    const { insertPackage } = await import('../../electron/core/store/plans');
    const { samplePackage } = await import('./fixtures/packages');
    const db = join(dir, 'loads.sqlite');
    const store = openStore(db);
    const id = insertPackage(store, samplePackage());
    store.close();
    const loaded = packagesLoaded(['--db', db, 'export', String(id), '--docx', join(dir, 'loads.docx'), '--force']);
    expect(loaded).toEqual(expect.arrayContaining(['better-sqlite3', 'docx']));
    expect(loaded).not.toContain('exceljs');
    expect(loaded).not.toContain('ajv');
    expect(loaded).not.toContain('jszip');
  });
});

describe('npm start builds the app only when a source changed (app-build.ts)', () => {
  it('builds a missing build, starts a fresh one without building, rebuilds after a change, an added file or a failed build', async () => {
    const { appStaleReason, ensureAppBuilt, APP_OUTPUTS } = await import('../../electron/cli/app-build');
    const root = join(dir, 'app project');
    mkdirSync(join(root, 'renderer', 'src'), { recursive: true });
    mkdirSync(join(root, 'electron', 'main'), { recursive: true });
    writeFileSync(join(root, 'renderer', 'src', 'App.tsx'), 'export const App = 1;\n');
    writeFileSync(join(root, 'electron', 'main', 'index.ts'), 'export {};\n');
    writeFileSync(join(root, 'package.json'), '{}\n');
    let builds = 0;
    let fail = false;
    // The stand-in build writes the outputs, as electron-vite does, and says how it went.
    const build = () => {
      builds++;
      for (const out of APP_OUTPUTS) {
        mkdirSync(dirname(join(root, out)), { recursive: true });
        writeFileSync(join(root, out), `build ${builds}`);
      }
      return fail ? 1 : 0;
    };
    const start = () => ensureAppBuilt(root, build, () => undefined);

    expect(appStaleReason(root)).toBe('not built yet');
    expect(start()).toBe(0);
    expect(builds).toBe(1);
    expect(appStaleReason(root)).toBeNull();
    expect(start()).toBe(0);
    expect(builds).toBe(1); // fresh: no build

    // Touched, same bytes: still fresh.
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, 'renderer', 'src', 'App.tsx'), later, later);
    expect(appStaleReason(root)).toBeNull();

    writeFileSync(join(root, 'renderer', 'src', 'App.tsx'), 'export const App = 2;\n');
    expect(appStaleReason(root)).toBe('renderer/src/App.tsx changed');
    start();
    expect(builds).toBe(2);
    expect(appStaleReason(root)).toBeNull();

    writeFileSync(join(root, 'renderer', 'src', 'New.tsx'), 'export {};\n');
    expect(appStaleReason(root)).toBe('renderer/src/New.tsx is new');
    // A failed build leaves no stamp: the next start builds again, even with the sources as they were.
    fail = true;
    expect(start()).toBe(1);
    rmSync(join(root, 'renderer', 'src', 'New.tsx'));
    expect(appStaleReason(root)).toBe('not built yet');
    fail = false;
    start();
    expect(builds).toBe(4);
    expect(appStaleReason(root)).toBeNull();

    rmSync(join(root, APP_OUTPUTS[2]));
    expect(appStaleReason(root)).toBe(`${APP_OUTPUTS[2]} is missing`);
    start();
    rmSync(join(root, 'electron', 'main', 'index.ts'));
    expect(appStaleReason(root)).toBe('electron/main/index.ts is gone');
  });
});

describe('npm start: argument arrays, no shell', () => {
  /** A hard link (or a copy) of this Node under a folder with spaces: its process.execPath has spaces. */
  function nodeWithSpaces(): string {
    const nodeDir = join(dir, 'Program Files', 'node js');
    mkdirSync(nodeDir, { recursive: true });
    const node = join(nodeDir, process.platform === 'win32' ? 'node.exe' : 'node');
    if (existsSync(node)) return node;
    try {
      linkSync(process.execPath, node);
    } catch {
      copyFileSync(process.execPath, node);
    }
    return node;
  }

  /** A stand-in project in a folder with spaces: the real built start.js, stand-ins that record how they were started. */
  function standInProject(withElectron: boolean): { project: string; log: string } {
    const project = join(dir, `my project ${withElectron ? 'desktop' : 'browser'}`);
    const log = join(project, 'calls.jsonl');
    const recorder = (name: string, then = '') =>
      `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, JSON.stringify({ name: ${JSON.stringify(name)}, argv: process.argv, execPath: process.execPath, cwd: process.cwd() }) + '\\n');\n${then}`;
    cpSync(join(ROOT, 'out', 'cli'), join(project, 'out', 'cli'), { recursive: true });
    writeFileSync(join(project, 'out', 'cli', 'host.js'), recorder('host', "console.log('Soạn Kế hoạch is running at http://127.0.0.1:1/');\n"));
    mkdirSync(join(project, 'node_modules', 'electron-vite', 'bin'), { recursive: true });
    writeFileSync(join(project, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), recorder('electron-vite'));
    mkdirSync(join(project, 'node_modules', 'electron', 'dist'), { recursive: true });
    writeFileSync(join(project, 'node_modules', 'electron', 'package.json'), JSON.stringify({ version: '45.0.0' }));
    if (withElectron) {
      // The Electron "binary" is a Node script here (a shebang runs it without any shell in between).
      writeFileSync(join(project, 'node_modules', 'electron', 'path.txt'), 'electron app');
      const electron = join(project, 'node_modules', 'electron', 'dist', 'electron app');
      writeFileSync(electron, `#!${process.execPath}\n${recorder('electron')}`, { mode: 0o755 });
      const binding = join(project, '.cache', 'better-sqlite3-electron-45.0.0', 'build', 'Release');
      mkdirSync(binding, { recursive: true });
      writeFileSync(join(binding, 'better_sqlite3.node'), '');
    }
    return { project, log };
  }

  const calls = (log: string) =>
    readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { name: string; argv: string[]; execPath: string; cwd: string });

  it('builds and falls back to the browser host with a Node path and a project path that contain spaces', () => {
    const node = nodeWithSpaces();
    const { project, log } = standInProject(false);
    const data = join(project, 'my data', 'kế hoạch.sqlite');
    const r = spawnSync(node, [join(project, 'out', 'cli', 'start.js'), '--db', data], {
      encoding: 'utf8',
      env: { ...process.env, SOAN_KE_HOACH_NO_ELECTRON: '1' },
      timeout: 20_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('running at http://127.0.0.1:1/');
    const [build, host] = calls(log);
    expect(build).toMatchObject({ name: 'electron-vite', execPath: node, cwd: project });
    expect(build.argv.slice(1)).toEqual([join(project, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
    expect(host).toMatchObject({ name: 'host', execPath: node });
    expect(host.argv.slice(1)).toEqual([join(project, 'out', 'cli', 'host.js'), '--db', data]);
  });

  it.skipIf(process.platform === 'win32')('opens Electron with the project folder and the arguments as they were given', () => {
    const node = nodeWithSpaces();
    const { project, log } = standInProject(true);
    const data = join(project, 'my data', 'kế hoạch.sqlite');
    const r = spawnSync(node, [join(project, 'out', 'cli', 'start.js'), '--db', data], { encoding: 'utf8', env: { ...process.env, SOAN_KE_HOACH_NO_ELECTRON: '' }, timeout: 20_000 });
    expect(r.status, r.stderr).toBe(0);
    const electron = calls(log).find((c) => c.name === 'electron');
    expect(electron?.argv.slice(2)).toEqual([project, '--db', data]);
    expect(existsSync(join(project, 'out', 'cli', 'start.js'))).toBe(true);
  });
});
