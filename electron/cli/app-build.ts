/**
 * `npm start`'s build of the desktop app (electron-vite: out/main, out/preload, out/renderer), done only when
 * something it is made from changed. After a successful build, out/app-stamp.json records every input file
 * (size, modification time, content hash) as it was when the build started; before the next start, the
 * same files are listed and compared: a file added, removed or changed (same size and time → unchanged;
 * otherwise the content hash decides) rebuilds; a fresh build starts at once. A build that fails writes no
 * stamp, so the next start builds again: a stale build is never used.
 *
 * The inputs are whole folders rather than Rollup's module list: a file the build does not read only costs a
 * rebuild, a file it does read is never missed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folders the app build reads (the main process imports electron/core; the renderer its own folder). */
const APP_INPUT_DIRS = ['renderer', 'electron/main', 'electron/preload', 'electron/core'];
/** Single files that shape the build: its configuration, dependency versions and TypeScript settings. */
const APP_INPUT_FILES = ['electron.vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.base.json'];
/** Files the build must have produced for the app to start. */
export const APP_OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
/** Where the stamp is kept, relative to the project root. */
const APP_STAMP = 'out/app-stamp.json';

type Inputs = Record<string, [size: number, mtimeMs: number, sha1: string]>;

function sha1(file: string): string {
  return createHash('sha1').update(readFileSync(file)).digest('hex');
}

/** Every input file, relative to `root` with forward slashes, sorted. */
function listAppInputs(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return; // a folder the project does not have
    }
    for (const name of names) {
      const abs = join(dir, name);
      const st = statSync(abs);
      if (st.isDirectory()) walk(abs);
      else out.push(relative(root, abs).split('\\').join('/'));
    }
  };
  for (const d of APP_INPUT_DIRS) walk(join(root, d));
  for (const f of APP_INPUT_FILES) if (existsSync(join(root, f))) out.push(f);
  return out.sort();
}

/** The stamp's record of `files` as they are now. */
function describeInputs(root: string, files: readonly string[]): Inputs {
  const inputs: Inputs = {};
  for (const rel of files) {
    const abs = join(root, rel);
    const st = statSync(abs);
    inputs[rel] = [st.size, st.mtimeMs, sha1(abs)];
  }
  return inputs;
}

/** Why the app build under `root` cannot be used, or null when it is fresh. */
export function appStaleReason(root: string): string | null {
  let stamp: { inputs: Inputs };
  try {
    stamp = JSON.parse(readFileSync(join(root, APP_STAMP), 'utf8')) as { inputs: Inputs };
  } catch {
    return 'not built yet';
  }
  for (const out of APP_OUTPUTS) if (!existsSync(join(root, out))) return `${out} is missing`;
  const now = listAppInputs(root);
  const before = Object.keys(stamp.inputs);
  const added = now.find((f) => !(f in stamp.inputs));
  if (added) return `${added} is new`;
  if (before.length !== now.length) return `${before.find((f) => !now.includes(f))} is gone`;
  for (const [rel, [size, mtimeMs, hash]] of Object.entries(stamp.inputs)) {
    const abs = join(root, rel);
    let st;
    try {
      st = statSync(abs);
    } catch {
      return `${rel} is gone`;
    }
    if (st.size === size && st.mtimeMs === mtimeMs) continue;
    if (st.size !== size || sha1(abs) !== hash) return `${rel} changed`;
  }
  return null;
}

/**
 * Builds the app when stale: `build()` runs the build and returns its exit code; the inputs are recorded before
 * it starts (an edit made while it runs shows as a change next time). Returns the build's exit code, 0 when the
 * build was fresh and nothing ran.
 */
export function ensureAppBuilt(root: string, build: () => number, log: (message: string) => void = (m) => console.log(m)): number {
  const reason = appStaleReason(root);
  if (!reason) return 0;
  log(`Soạn Kế hoạch: building the app (${reason})…`);
  const inputs = describeInputs(root, listAppInputs(root));
  // No stamp while building: a build that fails half-way leaves outputs no stamp vouches for.
  const file = join(root, APP_STAMP);
  rmSync(file, { force: true });
  const status = build();
  if (status !== 0) return status;
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify({ inputs }));
  renameSync(`${file}.${process.pid}.tmp`, file);
  return 0;
}
