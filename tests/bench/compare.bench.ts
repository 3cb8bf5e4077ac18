import { comparePackages } from '../../electron/core/compare';
import { largePlan } from '../fixtures/large-plan';
import type { Report } from './bench';
import { medianMs } from './timing';

/** Two 2,000-row versions that differ as a week of drafting does: cells changed, rows moved, added and removed. */
export default async function compareBench(report: Report): Promise<void> {
  const before = largePlan(2000);
  const after = structuredClone(before);
  const groups = after.appendix.groups;
  for (let i = 0; i < 100; i++) groups[i % groups.length].rows[i * 2].cells.deadline = `Quý ${(i % 4) + 1}/2025`;
  for (let i = 0; i < 30; i++) groups[(i + 1) % groups.length].rows.push(groups[i % groups.length].rows.splice(5 + i, 1)[0]);
  for (let i = 0; i < 20; i++) groups[i % groups.length].rows.splice(40 + i, 1);
  for (let i = 0; i < 20; i++) groups[i % groups.length].rows.push({ cells: { task: `Nhiệm vụ mới hoàn toàn khác số ${i} về chuyển đổi số cấp xã`, lead: [], cooperate: [], deadline: '', note: '' } });
  report('compare.2000rows', await medianMs(() => comparePackages(before, after), 5, 1), 'ms');
}
