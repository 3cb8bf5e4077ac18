/**
 * DOCX export timings: the sample (48 rows; target under 150 ms) and a 2,000-row appendix (target
 * under 2 s), each the median of several runs after a warm-up, plus how the two scale; and a 2,000-line
 * 9-column framework, as a row tree and flat.
 */
import { exportDocx } from '../../electron/core/export/docx';
import { samplePackage, withRows } from '../core/fixtures/packages';
import { bigFrameworkPackage, flatFramework } from '../core/fixtures/framework';

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: JIT, module initialisation
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export default async function (report: (name: string, value: number, unit: string) => void): Promise<void> {
  const sample = samplePackage();
  const big = withRows(2000);
  const small = await median(9, () => exportDocx(sample));
  report('docx.export.sample', Math.round(small * 10) / 10, 'ms');
  const large = await median(5, () => exportDocx(big));
  report('docx.export.2000rows', Math.round(large * 10) / 10, 'ms');
  report('docx.export.ratio', Math.round((large / small) * 10) / 10, 'x');
  // A Hà Tĩnh-style framework of 2,000 activity lines (9 columns): as a row tree (objectives and tasks
  // spanning their activities, printed with vertical merges) and, for comparison, the same lines flat.
  const tree = bigFrameworkPackage(2000);
  report('docx.export.framework2000', Math.round((await median(5, () => exportDocx(tree))) * 10) / 10, 'ms');
  const flat = flatFramework(tree);
  report('docx.export.framework2000flat', Math.round((await median(5, () => exportDocx(flat))) * 10) / 10, 'ms');
}
