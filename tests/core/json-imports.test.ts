/**
 * Every JSON import in code that the Playwright specs (plain Node ESM, package "type": "module") may load
 * carries `with { type: 'json' }`: without it Node refuses the module, and one spec importing core breaks the
 * whole e2e run ("needs an import attribute of type json"), while Vite, vitest and esbuild accept it silently.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|tsx|mts)$/.test(name) ? [path] : [];
  });
}

describe('JSON imports', () => {
  it('every static import of a .json file names its type', () => {
    const bare: string[] = [];
    for (const dir of ['electron', 'renderer/src', 'tests/core/fixtures', 'tests/e2e']) {
      for (const file of sources(join(ROOT, dir))) {
        for (const line of readFileSync(file, 'utf8').split('\n')) {
          // `import type` is erased before Node runs the module: no attribute needed.
          if (/^\s*import\s(?!type\s)[^;]*from\s+['"][^'"]+\.json['"]/.test(line) && !/with\s*\{\s*type:\s*['"]json['"]\s*\}/.test(line)) {
            bare.push(`${relative(ROOT, file)}: ${line.trim()}`);
          }
        }
      }
    }
    expect(bare).toEqual([]);
  });

  it('the catalogue itself is among the files checked (the scan sees its imports)', () => {
    const index = readFileSync(join(ROOT, 'electron/core/model/messages/index.ts'), 'utf8');
    expect(index.match(/from '\.\/vi\/errors\.json' with \{ type: 'json' \}/)).not.toBeNull();
  });
});
