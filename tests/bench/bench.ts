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

const show = (value: number, unit: string) => `${unit === 'x' || value < 10 ? value.toFixed(2) : value.toFixed(0)} ${unit}`;
/** Every figure of this run, for the goals at the end. */
const figures = new Map<string, { value: number; unit: string }>();
const report: Report = (name, value, unit) => {
  figures.set(name, { value, unit });
  console.log(`${name}: ${show(value, unit)}`);
};

/**
 * The goals of the speed issue (#15), each a figure of this run with its p95 where it has one (a median; the
 * 10,000-row exports are one run each, the bytes and CPU per edit a mean over 200 edits). Printed last, so one
 * `npm run bench` shows them together; a goal whose bench did not run (`npm run bench NAME`) says so.
 */
const GOALS: Array<{ label: string; figure: string; p95?: string; max: number }> = [
  { label: '`npm run cli -- export` sample DOCX vs pandoc (CPU)', figure: 'process.export.docx.sample.vs-pandoc.cpu.median', p95: 'process.export.docx.sample.vs-pandoc.cpu.p95', max: 1.0 },
  { label: 'same, the built command without npm (CPU)', figure: 'process.export.docx.sample.direct.vs-pandoc.cpu.median', p95: 'process.export.docx.sample.direct.vs-pandoc.cpu.p95', max: 1.0 },
  { label: '`npm run cli -- export` 2,000 rows DOCX vs pandoc (CPU)', figure: 'process.export.docx.2000rows.vs-pandoc.cpu.median', p95: 'process.export.docx.2000rows.vs-pandoc.cpu.p95', max: 0.5 },
  { label: 'same, the built command without npm (CPU)', figure: 'process.export.docx.2000rows.direct.vs-pandoc.cpu.median', p95: 'process.export.docx.2000rows.direct.vs-pandoc.cpu.p95', max: 0.5 },
  { label: '`npm run cli -- help`, CPU', figure: 'process.cli.help.cpu.median', p95: 'process.cli.help.cpu.p95', max: 300 },
  { label: 'bytes downloaded per cell edit, 2,000 rows', figure: 'edit.cell.2000rows.bytes-down', max: 2048 },
  { label: 'server CPU per cell edit, 2,000 rows', figure: 'edit.cell.2000rows.server-cpu.median', p95: 'edit.cell.2000rows.server-cpu.p95', max: 5 },
  { label: 'DOCX export, 10,000 rows, max resident', figure: 'process.export.docx.10000rows.rss.max', max: 300 },
  { label: 'XLSX export, 10,000 rows, max resident', figure: 'process.export.xlsx.10000rows.rss.max', max: 400 },
  { label: 'grid scroll frame p95, 2,000 rows', figure: 'editor.scroll.2000rows.painted.p95', max: 33 },
  { label: 'grid keystroke painted frame p95, 2,000 rows', figure: 'editor.keystroke.grid.2000rows.painted.p95', max: 16 },
  // #23, the year after the signature.
  { label: '`npm run cli -- read-returns`, 40 returns of the sample, whole process (wall)', figure: 'process.read-returns.40.npm.wall.median', p95: 'process.read-returns.40.npm.wall.p95', max: 3000 },
  { label: 'same, the built command without npm (wall)', figure: 'process.read-returns.40.direct.wall.median', p95: 'process.read-returns.40.direct.wall.p95', max: 3000 },
  { label: 'tracking view of a 2,000-row plan (the core call)', figure: 'tracking.view.2000rows.median', max: 500 },
];

for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only && !file.includes(only)) continue;
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: (r: Report) => Promise<void> };
  await mod.default(report);
}

console.log('\ngoals (issues #15 and #23):');
for (const goal of GOALS) {
  const f = figures.get(goal.figure);
  if (!f) {
    console.log(`  ${goal.label}: not measured in this run (goal ≤ ${goal.max})`);
    continue;
  }
  const p = goal.p95 ? figures.get(goal.p95) : undefined;
  const verdict = f.value <= goal.max ? 'met' : 'NOT met';
  console.log(`  ${goal.label}: ${show(f.value, f.unit)}${p ? ` (p95 ${show(p.value, p.unit)})` : ''}, goal ≤ ${show(goal.max, f.unit)}: ${verdict}`);
}
