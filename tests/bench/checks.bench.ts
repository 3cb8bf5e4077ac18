import { loadSamplePackage } from '../../electron/core/sample';
import { checkPlan } from '../../electron/core/checks';
import { largePlan } from '../fixtures/large-plan';
import type { Report } from './bench';
import { medianMs } from './timing';

/** The checker on the sample (target < 50 ms) and on a 2,000-row plan (target < 500 ms). */
export default async function checksBench(report: Report): Promise<void> {
  const sample = loadSamplePackage();
  report('checks.sample', await medianMs(() => checkPlan(sample)), 'ms');
  const big = largePlan(2000);
  report('checks.2000rows', await medianMs(() => checkPlan(big), 5, 1), 'ms');
}
