import { loadSamplePackage } from '../../electron/core/sample';
import { exportXlsx, importAppendixXlsx } from '../../electron/core/export/xlsx';
import { bigPackage } from '../core/fixtures/xlsx-fixtures';

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: module loading, JIT, exceljs's lazy tables
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Targets (issue): sample export < 200 ms, 2,000-row export < 2 s, 2,000-row import < 2 s. */
export default async function (report: (name: string, value: number, unit: string) => void): Promise<void> {
  const sample = loadSamplePackage();
  report('xlsx.export.sample', await median(5, () => exportXlsx(sample)), 'ms');
  const big = bigPackage(2000);
  report('xlsx.export.2000rows', await median(3, () => exportXlsx(big)), 'ms');
  const file = await exportXlsx(big);
  report('xlsx.import.2000rows', await median(3, () => importAppendixXlsx(file, 'bench.xlsx')), 'ms');
}
