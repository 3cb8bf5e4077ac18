/**
 * `npm run bench`: every tests/bench/*.bench.ts module, one line per figure: `name: value unit`.
 * Figures are measured here, never asserted in timed tests.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Report = (name: string, value: number, unit: string) => void;

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];

const report: Report = (name, value, unit) => {
  const shown = unit === 'x' || value < 10 ? value.toFixed(2) : value.toFixed(0);
  console.log(`${name}: ${shown} ${unit}`);
};

for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only && !file.includes(only)) continue;
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: (r: Report) => Promise<void> };
  await mod.default(report);
}
