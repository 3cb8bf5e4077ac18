/**
 * The tiny launcher behind `npm run cli`, `npm run host`, `npm start` and `npm run render`:
 * `node electron/cli/launch.mjs <main|host|start|render> [args…]`.
 *
 * It checks out/cli/stamp.json (written by build.mjs) against the sources the build was made from:
 * same size and modification time → fresh (a stat per file, about a millisecond in all); otherwise the
 * file's content hash decides, so a touched but unchanged file does not rebuild. A changed, missing or
 * unreadable source, or a missing output, rebuilds first (and says so on stderr): a stale build is never used.
 * Then it runs the built entry in this same process (no second Node start).
 *
 * Plain JavaScript: it must run before anything is built.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Why the build in `outDir` cannot be used for `root`'s sources, or null when it is fresh.
 * `hash(file)` gives a file's content hash (build.mjs's sha1), loaded only when a size or time differs.
 */
export async function staleReason(root, outDir, entry) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(outDir, 'stamp.json'), 'utf8'));
  } catch {
    return 'not built yet';
  }
  if (entry && !stamp.outputs.includes(`${entry}.js`)) return `${entry}.js is not built`;
  for (const out of stamp.outputs) if (!existsSync(join(outDir, out))) return `${out} is missing`;
  let sha1 = null;
  for (const [rel, [size, mtimeMs, hash]] of Object.entries(stamp.inputs)) {
    const abs = join(root, rel);
    let st;
    try {
      st = statSync(abs);
    } catch {
      return `${rel} is gone`;
    }
    if (st.size === size && st.mtimeMs === mtimeMs) continue;
    sha1 ??= (await import('./build.mjs')).sha1;
    if (st.size !== size || sha1(abs) !== hash) return `${rel} changed`;
  }
  return null;
}

/**
 * A line of the launcher in the command's language (`--lang en`, SOAN_LANG=en, else Vietnamese), read straight from
 * the one catalogue's JSON (electron/core/model/messages): the launcher runs before anything is built, so it cannot
 * import the catalogue's module.
 */
function launchLine(key, values) {
  const argv = process.argv;
  const at = argv.indexOf('--lang');
  const lang = at >= 0 ? (argv[at + 1] === 'en' ? 'en' : 'vi') : process.env.SOAN_LANG === 'en' ? 'en' : 'vi';
  const file = join(here, '..', 'core', 'model', 'messages', lang, 'cli.json');
  const text = JSON.parse(readFileSync(file, 'utf8')).cli.launch[key];
  return text.replace(/\{\{(\w+)\}\}/g, (_, name) => String(values[name] ?? ''));
}

/** Rebuilds when stale (`build`: more options for build.mjs's buildCli); returns the path of the built entry. */
export async function ensureBuilt(entry, { root = resolve(here, '../..'), outDir = join(root, 'out', 'cli'), build = {}, log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  const reason = await staleReason(root, outDir, entry);
  if (reason) {
    log(launchLine('building', { reason }));
    const { buildCli } = await import('./build.mjs');
    await buildCli({ ...build, root, outDir });
  }
  return join(outDir, `${entry}.js`);
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const [, , entry, ...args] = process.argv;
  if (!['main', 'host', 'start', 'render'].includes(entry)) {
    process.stderr.write('usage: node electron/cli/launch.mjs main|host|start|render [args…]\n');
    process.exit(2);
  }
  const file = await ensureBuilt(entry);
  // The built entry reads its arguments from process.argv as if it had been started itself.
  process.argv = [process.argv[0], file, ...args];
  const mod = await import(pathToFileURL(file).href);
  if (typeof mod.runAsScript === 'function') await mod.runAsScript(args);
}
