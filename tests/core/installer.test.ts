/**
 * The Windows installer configuration (package.json "build", read by electron-builder, which cannot run here):
 * a per-user NSIS installer that needs no administrator rights and a portable build, x64 and ia32; better-sqlite3
 * rebuilt for Electron with its .node file outside the asar; and the packed file list — electron-builder's
 * `files` globs applied to the built out/ folder, plus extraResources — holds main, the preload, the renderer and
 * the resources main reads at run time.
 */
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILE } from '../../electron/core/sample';
import { ensureBuilt } from './built-app';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  build: Record<string, unknown> & {
    files: string[];
    extraResources: Array<{ from: string; to: string; filter?: string[] }>;
    asarUnpack: string[];
    win: { target: Array<{ target: string; arch: string[] }>; requestedExecutionLevel?: string };
    nsis: Record<string, unknown>;
    portable: Record<string, unknown>;
    directories: { output: string };
  };
};
const build = pkg.build;

/** A glob as electron-builder's `files` reads it: `**` any depth, `*` within one folder, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const matchesAny = (file: string, globs: string[]) => globs.some((g) => globToRegExp(g).test(file));

/** Every file under `dir`, as /-separated paths relative to `base`; node_modules and .git are not walked. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === '.git') return [];
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full, base) : [relative(base, full).split(sep).join('/')];
  });
}

/** What electron-builder puts in the app (app.asar) and beside it (resources/), from the configuration. */
function packedFiles(): { app: string[]; resources: string[] } {
  const app = walk(ROOT).filter((f) => matchesAny(f, build.files));
  const resources = build.extraResources.flatMap(({ from, to, filter = ['**/*'] }) =>
    walk(join(ROOT, from))
      .filter((f) => matchesAny(f, filter))
      .map((f) => `${to}/${f}`),
  );
  return { app, resources };
}

// The packed list is computed from the built app: build it when `npm test` has not yet.
beforeAll(() => ensureBuilt([], 'installer.test.ts'), 300_000);

describe('electron-builder configuration (package.json "build")', () => {
  it('names the app and writes to release/', () => {
    expect(build.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
    expect(build.productName).toBe('Soạn Kế hoạch');
    expect(build.directories.output).toBe('release');
  });

  it('Windows: an NSIS installer and a portable build, each for x64 and ia32, run as the user', () => {
    const targets = Object.fromEntries(build.win.target.map((t) => [t.target, [...t.arch].sort()]));
    expect(targets).toEqual({ nsis: ['ia32', 'x64'], portable: ['ia32', 'x64'] });
    expect(build.win.requestedExecutionLevel ?? 'asInvoker').toBe('asInvoker');
  });

  it('NSIS: per user, no elevation, the folder can be changed, Vietnamese installer', () => {
    expect(build.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      language: '1066', // Vietnamese (LCID 0x042A)
      installerLanguages: ['vi_VN'],
      multiLanguageInstaller: false,
      deleteAppDataOnUninstall: false,
    });
  });

  it('artifact names carry the version and the architecture, distinct for installer and portable', () => {
    const names = [build.nsis.artifactName, build.portable.artifactName] as string[];
    for (const name of names) {
      expect(name).toContain('${version}');
      expect(name).toContain('${arch}');
      expect(name).toMatch(/\.\$\{ext\}$/);
      expect(name, 'ASCII only: the file travels by mail and USB stick').toMatch(/^[\x20-\x7e]+$/);
    }
    expect(new Set(names).size).toBe(2);
  });

  it('better-sqlite3 is rebuilt for Electron at packaging time and its .node file stays outside the asar', () => {
    expect(build.npmRebuild).toBe(true);
    expect(build.nodeGypRebuild).toBe(false);
    expect(build.asar).not.toBe(false);
    expect(build.asarUnpack).toContain('**/*.node');
    expect(pkg.dependencies).toHaveProperty('better-sqlite3');
    const binary = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(existsSync(join(ROOT, binary))).toBe(true);
    expect(matchesAny(binary, build.asarUnpack)).toBe(true);
    // Electron itself is a devDependency, so it is not packed twice.
    expect(pkg.dependencies).not.toHaveProperty('electron');
    expect(pkg.devDependencies).toHaveProperty('electron');
  });
});

describe('the packed file list', () => {
  it('the glob matcher reads ** and * as electron-builder does', () => {
    expect(globToRegExp('out/**/*').test('out/main/index.js')).toBe(true);
    expect(globToRegExp('out/**/*').test('out/index.js')).toBe(true);
    expect(globToRegExp('out/**/*').test('outside/x.js')).toBe(false);
    expect(globToRegExp('**/*.node').test('a.node')).toBe(true);
    expect(globToRegExp('**/*.node').test('node_modules/x/build/Release/x.node')).toBe(true);
    expect(globToRegExp('**/*.node').test('x.node.js')).toBe(false);
    expect(globToRegExp('package.json').test('tests/package.json')).toBe(false);
  });

  it('holds main, the preload and the renderer, and no sources, tests or data', () => {
    const { app } = packedFiles();
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']) expect(app, file).toContain(file);
    const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8');
    for (const [, asset] of html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)) expect(app, asset).toContain(`out/renderer/${asset}`);
    // main finds the preload and the page beside it (out/main → ../preload, ../renderer).
    const main = readFileSync(join(ROOT, 'out/main/index.js'), 'utf8');
    expect(main).toContain('"../preload/index.cjs"');
    expect(main).toContain('"../renderer/index.html"');
    const stray = app.filter((f) => !f.startsWith('out/') && f !== 'package.json');
    expect(stray).toEqual([]);
    expect(app.filter((f) => /\.(sqlite|ts|tsx)$/.test(f) || f.startsWith('tests/') || f.startsWith('renderer/'))).toEqual([]);
  });

  it('package.json "main" points at a packed file', () => {
    expect(packedFiles().app).toContain(pkg.main);
  });

  it('holds the resources main reads from process.resourcesPath/resources: the sample and the schema', () => {
    const { resources } = packedFiles();
    expect(build.extraResources).toEqual([{ from: 'resources', to: 'resources', filter: ['**/*'] }]);
    expect(resources).toContain(`resources/sample/${SAMPLE_FILE}`);
    expect(resources).toContain('resources/schema/plan.v1.schema.json');
    expect(readFileSync(join(ROOT, 'electron/main/index.ts'), 'utf8')).toContain("setResourcesDir(join(process.resourcesPath, 'resources'))");
  });

  it('every package main imports is a dependency, so electron-builder packs it', () => {
    const main = readFileSync(join(ROOT, 'out/main/index.js'), 'utf8');
    const imported = new Set([...main.matchAll(/(?:^|\n)import [^;]*?from "([^".][^"]*)"|import\("([^".][^"]*)"\)/g)].map((m) => m[1] ?? m[2]));
    const bare = [...imported].filter((m) => !m.startsWith('node:') && !builtinModules.includes(m) && m !== 'electron');
    expect(bare.length).toBeGreaterThan(0);
    for (const m of bare) {
      const name = m.startsWith('@') ? m.split('/').slice(0, 2).join('/') : m.split('/')[0];
      expect(pkg.dependencies, `${m} is imported by main`).toHaveProperty(name);
    }
  });
});
