/**
 * The Windows package (package.json "build", read by electron-builder 26, a devDependency):
 * - the configuration is valid for electron-builder's own JSON schema and says what will be built: an NSIS
 *   installer (per user, no elevation, Vietnamese with English, electron-builder's own language logic asked) and a
 *   portable .exe, x64 only (Electron 44+ publishes no ia32 build), unpacked per run; an icon, an author, an ASCII
 *   executable name; uninstall keeps the data;
 * - build/stage-app.mjs stages the app in staging/app with only the packages main imports, so renderer-only and
 *   dev packages stay out and the Electron rebuild of better-sqlite3 never touches the project's node_modules;
 * - electron-builder itself packs the staged app (linux `dir` target, a stand-in Electron folder whose binary carries
 *   a fuse wire: no download): the packed file list, the unpacked .node file, the trimmed locales, the fuses flipped
 *   by build/after-pack.mjs, and the development better-sqlite3 build left byte for byte as it was.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILE } from '../../electron/core/sample';
import { ensureBuilt } from './built-app';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
type Build = Record<string, unknown> & {
  executableName: string;
  directories: { app: string; output: string; buildResources: string };
  files: string[];
  asarUnpack: string[];
  afterPack: string;
  win: { target: Array<{ target: string; arch: string[] }>; icon: string; requestedExecutionLevel?: string };
  nsis: Record<string, unknown>;
  portable: Record<string, unknown>;
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  author?: { name?: string } | string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  build: Build;
};
const build = pkg.build;

type StageModule = {
  STAGE_DIR: string;
  mainImports(dir: string): string[];
  stagedPackageJson(rootPkg: unknown, imports: string[]): { dependencies: Record<string, string>; main: string; type: string; name: string };
  stageApp(o: { root?: string; dest?: string; install?: boolean }): { dependencies: Record<string, string> };
};
type FuseModule = { FUSES: Record<string, unknown> };
const importBuild = async <T,>(file: string) => (await import(pathToFileURL(join(ROOT, 'build', file)).href)) as T;

beforeAll(() => ensureBuilt([], 'installer.test.ts'), 300_000);

describe('electron-builder configuration (package.json "build")', () => {
  it("is valid for electron-builder's own schema, which refuses unknown keys", () => {
    const schema = require('app-builder-lib/scheme.json') as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(build), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...build, nsis: { ...build.nsis, installerLanguage: 'vi_VN' } }), 'a misspelt key is caught').toBe(false);
  });

  it('Windows: an NSIS installer and a portable .exe, x64 only, run as the user', () => {
    const targets = Object.fromEntries(build.win.target.map((t) => [t.target, t.arch]));
    expect(targets).toEqual({ nsis: ['x64'], portable: ['x64'] });
    expect(build.win.requestedExecutionLevel ?? 'asInvoker').toBe('asInvoker');
  });

  it('NSIS: per user, no elevation, folder can be changed, data kept on uninstall', () => {
    expect(build.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it("NSIS speaks Vietnamese first and English too, by electron-builder's own language logic", () => {
    const { LangConfigurator } = require('app-builder-lib/out/targets/nsis/nsisLang') as { LangConfigurator: new (o: unknown) => { isMultiLang: boolean; langs: string[] } };
    const langs = new LangConfigurator(build.nsis);
    expect(langs.isMultiLang).toBe(true);
    // MUI's first language is the fallback when Windows' own language is neither.
    expect(langs.langs).toEqual(['vi_VN', 'en_US']);
    expect(build.nsis.language).toBe('1066'); // the version resource's language: Vietnamese (LCID 0x042A)
    // The old configuration (multiLanguageInstaller false) made an English-only installer whatever the list said.
    expect(new LangConfigurator({ ...build.nsis, multiLanguageInstaller: false }).langs).toEqual(['en_US']);
  });

  it('portable: unpacked into a folder of its own for each run ($PLUGINSDIR), so two copies never share one', () => {
    expect(build.portable.unpackDirName).toBe(true);
    // electron-builder 26 defines UNPACK_DIR_NAME (one fixed %TEMP% folder per build) for a string *or any falsy
    // value*, `false` included despite its docs; only `true` leaves the template on $PLUGINSDIR\app.
    const target = readFileSync(require.resolve('app-builder-lib/out/targets/nsis/NsisTarget.js'), 'utf8');
    expect(target).toContain('if (typeof unpackDirName === "string" || !unpackDirName) {');
    const nsi = readFileSync(join(require.resolve('app-builder-lib/package.json'), '..', 'templates', 'nsis', 'portable.nsi'), 'utf8');
    expect(nsi).toMatch(/StrCpy \$INSTDIR "\$PLUGINSDIR\\app"\s+!ifdef UNPACK_DIR_NAME/);
  });

  it('artifact and executable names are ASCII, carry version and architecture, distinct for installer and portable', () => {
    expect(build.executableName).toMatch(/^[a-z0-9-]+$/);
    const names = [build.nsis.artifactName, build.portable.artifactName] as string[];
    for (const name of names) {
      expect(name).toContain('${version}');
      expect(name).toContain('${arch}');
      expect(name).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(new Set(names).size).toBe(2);
    expect(typeof pkg.author === 'string' ? pkg.author : pkg.author?.name).toBeTruthy();
  });

  it('an icon: build/icon.ico holds a 256 px image among smaller ones, and build/icon.png is 256×256', () => {
    const ico = readFileSync(join(ROOT, build.win.icon));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, k) => ico.readUInt8(6 + 16 * k) || 256);
    expect(sizes).toContain(256);
    expect(sizes).toContain(16);
    for (let k = 0; k < count; k++) {
      const [len, off] = [ico.readUInt32LE(6 + 16 * k + 8), ico.readUInt32LE(6 + 16 * k + 12)];
      expect(off + len).toBeLessThanOrEqual(ico.length);
      expect(ico.subarray(off, off + 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    }
    const png = readFileSync(join(ROOT, 'build', 'icon.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([256, 256]);
    expect(build.nsis.installerIcon).toBe(build.win.icon);
  });

  it('renderer-only packages are devDependencies: vite bundles them into out/renderer', () => {
    for (const name of ['react', 'react-dom', 'i18next', 'react-i18next']) {
      expect(pkg.dependencies, name).not.toHaveProperty(name);
      expect(pkg.devDependencies, name).toHaveProperty(name);
    }
    const assets = join(ROOT, 'out', 'renderer', 'assets');
    const js = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
    expect(js).toContain('react.transitional.element');
    expect(pkg.dependencies).not.toHaveProperty('electron');
  });
});

describe('build/stage-app.mjs', () => {
  it('stages only the packages the built main imports, at the root versions, and refuses one not declared', async () => {
    const stage = await importBuild<StageModule>('stage-app.mjs');
    expect(build.directories.app).toBe(stage.STAGE_DIR);
    const imports = stage.mainImports(join(ROOT, 'out', 'main'));
    expect(imports).toEqual(expect.arrayContaining(['better-sqlite3', 'docx', 'exceljs']));
    expect(imports).not.toContain('electron');
    expect(imports.filter((n) => /react|i18next/.test(n))).toEqual([]);
    const staged = stage.stagedPackageJson(pkg, imports);
    expect(Object.keys(staged.dependencies).sort()).toEqual([...imports].sort());
    for (const name of imports) expect(staged.dependencies[name]).toBe(pkg.dependencies[name]);
    expect([staged.main, staged.type, staged.name]).toEqual([pkg.main, 'module', 'soan-ke-hoach']);
    expect(() => stage.stagedPackageJson(pkg, [...imports, 'left-pad'])).toThrow(/left-pad/);
  });
});

// ---- electron-builder packs the staged app ----

describe('electron-builder packs the staged app (stand-in Electron, no download)', () => {
  const work = mkdtempSync(join(tmpdir(), 'soan-pack-'));
  const stageDir = join(work, 'app');
  const outDir = join(work, 'release');
  const devBinary = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  let devBefore = '';
  let unpacked = '';
  let asarFiles: string[] = [];

  beforeAll(async () => {
    devBefore = sha(devBinary);
    const stage = await importBuild<StageModule>('stage-app.mjs');
    stage.stageApp({ dest: stageDir, install: true });
    // Stand-ins: a compiled better-sqlite3 (electron-builder's rebuild for Electron needs its headers: the Windows
    // release job does that part) and an Electron folder whose binary holds a fuse wire in Electron's format
    // (sentinel, version 1, 8 fuses), every fuse at Electron 45's default.
    mkdirSync(join(stageDir, 'node_modules', 'better-sqlite3', 'build', 'Release'), { recursive: true });
    writeFileSync(join(stageDir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'stand-in');
    const dist = join(work, 'electron-dist');
    mkdirSync(join(dist, 'locales'), { recursive: true });
    mkdirSync(join(dist, 'resources'));
    for (const l of ['vi', 'en-US', 'de', 'zh-CN']) writeFileSync(join(dist, 'locales', `${l}.pak`), l);
    writeFileSync(join(dist, 'LICENSE'), 'MIT');
    writeFileSync(join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')]));
    chmodSync(join(dist, 'electron'), 0o755);
    execFileSync(
      process.execPath,
      [require.resolve('electron-builder/cli.js'), '--linux', 'dir', '--x64', `-c.directories.app=${stageDir}`, `-c.directories.output=${outDir}`,
        `-c.electronDist=${dist}`, '-c.electronVersion=45.4.1', '-c.npmRebuild=false'],
      { cwd: ROOT, stdio: 'pipe', timeout: 240_000, env: { ...process.env, CI: 'true' } },
    );
    unpacked = join(outDir, 'linux-unpacked');
    const asar = require('@electron/asar') as { listPackage(p: string): string[] };
    asarFiles = asar.listPackage(join(unpacked, 'resources', 'app.asar')).map((f) => f.replace(/\\/g, '/').replace(/^\//, ''));
  }, 400_000);
  // The staged app holds its own node_modules: removing it takes longer than the default 10 s on a busy machine.
  afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

  it('app.asar holds main, the preload, the renderer and main’s packages, and nothing renderer-only or native source', () => {
    for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']) expect(asarFiles, f).toContain(f);
    const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8');
    for (const [, asset] of html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)) expect(asarFiles, asset).toContain(`out/renderer/${asset}`);
    for (const name of ['better-sqlite3', 'docx', 'exceljs', 'ajv']) expect(asarFiles, name).toContain(`node_modules/${name}/package.json`);
    const top = new Set(asarFiles.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/')[1]));
    for (const name of ['react', 'react-dom', 'i18next', 'react-i18next', 'electron', 'vitest', 'typescript', 'electron-builder']) expect(top.has(name), name).toBe(false);
    expect(asarFiles.filter((f) => /^node_modules\/better-sqlite3\/(deps|src)\//.test(f))).toEqual([]);
    expect(asarFiles.filter((f) => /\.(ts|tsx|sqlite|md|map)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(asarFiles.filter((f) => f.startsWith('tests/') || f.startsWith('renderer/') || f.startsWith('electron/'))).toEqual([]);
  });

  it('the .node file sits outside the asar, the resources beside it, only the vi and en-US locales', () => {
    expect(existsSync(join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
    expect(existsSync(join(unpacked, 'resources', 'resources', 'sample', SAMPLE_FILE))).toBe(true);
    expect(existsSync(join(unpacked, 'resources', 'resources', 'schema', 'plan.v1.schema.json'))).toBe(true);
    expect(readdirSync(join(unpacked, 'locales')).sort()).toEqual(['en-US.pak', 'vi.pak']);
  });

  it('build/after-pack.mjs flipped the fuses in the packaged executable, named by executableName', async () => {
    const { FUSES } = await importBuild<FuseModule>('after-pack.mjs');
    const exe = readFileSync(join(unpacked, build.executableName));
    const at = exe.indexOf(SENTINEL) + SENTINEL.length;
    const wire = exe.subarray(at + 2, at + 2 + 8).toString('latin1');
    // RunAsNode, cookie encryption, NODE_OPTIONS, --inspect, ASAR integrity, only-ASAR, V8 snapshot (kept), file:// privileges.
    expect(wire).toBe('01001100');
    const expected = [0, 1, 2, 3, 4, 5, 7].map((i) => [i, FUSES[i]]);
    expect(expected).toEqual([[0, false], [1, true], [2, false], [3, false], [4, true], [5, true], [7, false]]);
  });

  it("the project's own better-sqlite3 (built for Node: tests, CLI) is byte for byte what it was", () => {
    expect(sha(devBinary)).toBe(devBefore);
  });
});

describe('.github/workflows/release.yml', () => {
  type Step = { run?: string; uses?: string; name?: string };
  const { load } = require('js-yaml') as { load(text: string): unknown };
  const workflow = load(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as { jobs: Record<string, { 'runs-on': string; steps: Step[] }> };
  const job = workflow.jobs.windows;
  const runs = job.steps.map((s) => s.run ?? '');
  const at = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r));

  it('on windows-latest: npm ci, build, stage, then electron-builder for exactly the configured targets', () => {
    expect(job['runs-on']).toBe('windows-latest');
    const order = [/^npm ci\b/, /^npm run build$/, /^node build\/stage-app\.mjs$/, /^npx electron-builder --win nsis portable --x64\b/].map(at);
    expect(order.every((i) => i >= 0), String(order)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const cmd = runs[order[3]];
    const targets = build.win.target.map((t) => t.target).sort();
    expect(cmd.match(/--win ((?:\w+ ?)+)/)![1].trim().split(' ').sort()).toEqual(targets);
    expect(cmd).not.toMatch(/--ia32|--arm64/);
  });

  it('then smoke-runs the unpacked app, the silently installed app, and the portable .exe twice at once', () => {
    const after = at(/^npx electron-builder/);
    const smoke = runs.map((r, i) => [r, i] as const).filter(([r]) => r.includes("'--smoke-test'"));
    expect(smoke.length).toBe(3);
    expect(smoke.every(([, i]) => i > after)).toBe(true);
    expect(smoke[0][0]).toContain('release\\win-unpacked\\soan-ke-hoach.exe');
    expect(smoke[1][0]).toMatch(/-ArgumentList '\/S' -Wait/);
    // Two processes started without -Wait, then both awaited: the two runs overlap.
    expect(smoke[2][0]).toMatch(/foreach \(\$n in 1, 2\)[\s\S]*Start-Process[^\n]*-PassThru/);
    expect(smoke[2][0]).not.toMatch(/Start-Process[^\n]*-Wait/);
    for (const [r] of smoke) expect(r).toMatch(/ExitCode -ne 0\) \{ throw/);
  });
});
