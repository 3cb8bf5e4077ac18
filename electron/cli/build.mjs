/**
 * Builds the command-line entries (cli, host, start, render) into plain JavaScript under out/cli/, so
 * `npm run cli`, `npm run host` and `npm start` never transpile at run time.
 *
 * One esbuild pass: ES modules with code splitting, so a command's `await import()` of a heavy module
 * (exceljs, docx, ajv) becomes its own chunk and is loaded only by the commands that need it; packages
 * stay in node_modules (better-sqlite3 is native). esbuild's metafile lists every source file the bundle
 * was made from; their sizes, times and content hashes go into out/cli/stamp.json, which the launcher
 * (launch.mjs) checks before every run, so a stale build is rebuilt, never used.
 *
 * Plain JavaScript on purpose: it runs from `npm install` (the `prepare` script) before anything is built.
 * `node electron/cli/build.mjs` builds the repository it lives in.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The built entries: out/cli/<name>.js from electron/cli/<name>.ts. */
export const ENTRIES = ['main', 'host', 'start', 'render'];

/**
 * Files besides the bundle's own inputs whose change must rebuild it: this script (how we build),
 * package.json (which packages stay external) and tsconfig.json (how TypeScript is read).
 */
const EXTRA_INPUTS = ['electron/cli/build.mjs', 'package.json', 'tsconfig.json'];

export function sha1(file) {
  return createHash('sha1').update(readFileSync(file)).digest('hex');
}

/**
 * Builds `entries` (paths relative to `root`) into `outDir` and writes `outDir/stamp.json`:
 * `{ inputs: { [relativePath]: [size, mtimeMs, sha1] }, outputs: [relativePath …] }`.
 * Files are written under a temporary name and renamed, so a command starting meanwhile reads either
 * the old file or the new one, never half of one; the stamp is written last.
 */
export async function buildCli({
  root = resolve(here, '../..'),
  entries = ENTRIES.map((name) => `electron/cli/${name}.ts`),
  outDir = join(root, 'out', 'cli'),
  extraInputs = EXTRA_INPUTS,
} = {}) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: entries.map((e) => join(root, e)),
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    write: false,
    logLevel: 'error',
    // Bundled ES modules have no require(); a package that is CommonJS still loads through Node's import.
    banner: { js: "import { createRequire as __skhCreateRequire } from 'node:module'; const require = __skhCreateRequire(import.meta.url);" },
  });
  mkdirSync(join(outDir, 'chunks'), { recursive: true });
  const written = new Set();
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
    written.add(resolve(file.path));
  }
  // Chunks of earlier builds have other hashes: only a command started before this build may still import one,
  // so they are removed once they are an hour old.
  const hourAgo = Date.now() - 3600_000;
  for (const name of readdirSync(join(outDir, 'chunks'))) {
    const path = resolve(outDir, 'chunks', name);
    if (written.has(path)) continue;
    try {
      if (statSync(path).mtimeMs < hourAgo) rmSync(path, { force: true });
    } catch {
      // removed meanwhile by another build
    }
  }
  const inputs = {};
  const sources = [...Object.keys(result.metafile.inputs).map((p) => relative(root, resolve(root, p))), ...extraInputs];
  for (const rel of sources.sort()) {
    const abs = join(root, rel);
    let st;
    try {
      st = statSync(abs);
    } catch {
      continue; // an extra input the project does not have (tsconfig.json in a test project)
    }
    inputs[rel.split('\\').join('/')] = [st.size, st.mtimeMs, sha1(abs)];
  }
  const stamp = { inputs, outputs: [...written].map((p) => relative(outDir, p).split('\\').join('/')).sort() };
  const stampFile = join(outDir, 'stamp.json');
  writeFileSync(`${stampFile}.${process.pid}.tmp`, JSON.stringify(stamp));
  renameSync(`${stampFile}.${process.pid}.tmp`, stampFile);
  return stamp;
}

// `node electron/cli/build.mjs` (the `prepare` script): build this repository.
if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const started = Date.now();
  buildCli().then(
    (stamp) => console.log(`Built the command line: ${stamp.outputs.length} files in out/cli (${Date.now() - started} ms).`),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
