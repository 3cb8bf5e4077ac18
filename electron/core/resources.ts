import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let override: string | null = null;

/** The packaged app's main process says where `resources/` went; everyone else finds it from the repo. */
export function setResourcesDir(dir: string): void {
  override = dir;
}

/** The `resources/` folder: sample plan, exchange schema, templates. */
export function resourcesDir(): string {
  if (override) return override;
  if (process.env.SOAN_KE_HOACH_RESOURCES) return process.env.SOAN_KE_HOACH_RESOURCES;
  // Walk up from this module until a folder holding resources/sample is found: works from
  // electron/core (tsx, vitest) and from a bundled out/ folder alike.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'sample'))) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error('resources/ folder not found');
}

export function resourcePath(...parts: string[]): string {
  return join(resourcesDir(), ...parts);
}
