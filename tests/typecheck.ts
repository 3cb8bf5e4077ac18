/**
 * Type-checks each runtime with its own tsconfig and its own libraries, as VS Code does: the core without
 * DOM types, the model with neither DOM nor Node types, the renderer without Node types, main, preload and
 * the CLI with Node. A core file that uses `window`, or a model file that imports `node:fs`, fails here.
 * `npm run typecheck` runs them all; `npm test` counts each as one check.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TYPECHECK_PROJECTS = [
  'electron/core/model',
  'electron/core',
  'renderer',
  'electron/main',
  'electron/preload',
  'electron/cli',
  'tsconfig.json',
] as const;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(import.meta.dirname, '..');
  let failed = 0;
  for (const project of TYPECHECK_PROJECTS) {
    const r = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', project], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
      failed++;
      console.log(`typecheck ${project}: failed`);
    }
  }
  process.exit(failed ? 1 : 0);
}
