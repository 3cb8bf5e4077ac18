/**
 * Stages the app for electron-builder in its own folder (package.json build.directories.app = staging/app):
 * the built out/ folder, a package.json whose dependencies are exactly the packages the built main process
 * imports (versions from the root package.json), and — unless `--no-install` — those packages installed there
 * with `npm install --omit=dev --ignore-scripts`.
 *
 * Why a folder of its own: electron-builder rebuilds native modules for Electron's ABI (npmRebuild) inside the
 * app folder. Staged, that rebuild happens in staging/app/node_modules, and the project's node_modules keeps
 * the better-sqlite3 built for Node, which the tests and the CLI use. It also keeps renderer-only packages
 * (React, i18next: bundled into out/renderer by vite) and every devDependency out of the package.
 *
 * Usage: `npm run build && node build/stage-app.mjs [--no-install]`, then `npx electron-builder --win …`.
 */
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Relative to the project root; the same folder as package.json build.directories.app. */
export const STAGE_DIR = 'staging/app';

/** The package name of a bare import specifier (`@scope/name/sub` → `@scope/name`), or null for a built-in or relative one. */
export function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || builtinModules.includes(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Every package the built main process imports (static `from "x"`, `import("x")`, `require("x")`), `electron` aside.
 * A specifier is one word of name characters, so a string of the bundle that happens to contain `from "` is not taken for one.
 */
export function mainImports(mainDir) {
  const names = new Set();
  for (const file of readdirSync(mainDir, { recursive: true })) {
    if (!/\.(c|m)?js$/.test(String(file))) continue;
    const code = readFileSync(join(mainDir, String(file)), 'utf8');
    // `from` is a keyword only when no `.` precedes it ("period.from" in a string is not an import), and a
    // specifier never spans lines.
    for (const m of code.matchAll(/(?<![.\w$])from\s*"([^"\n]+)"|\bimport\(\s*"([^"\n]+)"\s*\)|\brequire\(\s*"([^"\n]+)"\s*\)/g)) {
      const name = packageOf(m[1] ?? m[2] ?? m[3]);
      if (name && name !== 'electron') names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * The staged package.json: the root's identity (name, version, description, author, main, type) and, as
 * dependencies, only `imports`, each at the root's declared version. Throws when main imports a package the root
 * does not list as a dependency (it would be missing from the installed app).
 */
export function stagedPackageJson(rootPkg, imports) {
  const dependencies = {};
  for (const name of imports) {
    const version = rootPkg.dependencies?.[name];
    if (!version) throw new Error(`stage-app: the main process imports "${name}", which is not in package.json "dependencies"`);
    dependencies[name] = version;
  }
  const { name, version, description, author, main, type, license } = rootPkg;
  return { name, version, private: true, description, author, license, main, type, dependencies };
}

/** npm's own CLI script, so npm runs through this Node with an argument list (no shell, no npm.cmd). */
function npmCli() {
  const candidates = [
    process.env.npm_execpath,
    join(dirname(process.execPath), 'node_modules', 'npm', 'bin', 'npm-cli.js'), // Windows
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'), // Linux, macOS
  ];
  const found = candidates.find((c) => c && /npm-cli\.js$/.test(c) && existsSync(c));
  if (!found) throw new Error('stage-app: cannot find npm-cli.js beside this Node');
  return found;
}

/**
 * Writes `dest` afresh (default `<root>/staging/app`): out/, package.json and, with `install`, node_modules.
 * Returns the staged package.json. Throws when out/ has not been built.
 */
export function stageApp({ root = ROOT, dest = join(root, STAGE_DIR), install = true } = {}) {
  const out = join(root, 'out');
  if (!existsSync(join(out, 'main', 'index.js'))) throw new Error('stage-app: out/ is not built; run `npm run build` first');
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const pkg = stagedPackageJson(rootPkg, mainImports(join(out, 'main')));
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  cpSync(out, join(dest, 'out'), { recursive: true });
  writeFileSync(join(dest, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  // The root lock file pins the same versions the tests ran with; npm prunes it to the staged dependencies.
  if (existsSync(join(root, 'package-lock.json'))) cpSync(join(root, 'package-lock.json'), join(dest, 'package-lock.json'));
  if (install) {
    // --ignore-scripts: nothing is compiled for Node here; electron-builder builds better-sqlite3 for Electron.
    const run = spawnSync(process.execPath, [npmCli(), 'install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dest, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`stage-app: npm install in ${dest} failed (exit ${run.status})`);
  }
  return pkg;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pkg = stageApp({ install: !process.argv.includes('--no-install') });
  console.log(`staged ${STAGE_DIR}: ${Object.keys(pkg.dependencies).join(', ')}`);
}
