import { applyRollover, proposeRollover } from '../../electron/core/rollover';
import { largePlan } from '../fixtures/large-plan';
import type { Report } from './bench';
import { medianMs } from './timing';

/** Rollover of a 2,000-row plan: the review list, then the new package with every proposal accepted (budget: 500 ms). */
export default async function rolloverBench(report: Report): Promise<void> {
  const big = largePlan(2000);
  report(
    'rollover.propose+apply.2000rows',
    await medianMs(() => {
      const proposals = proposeRollover(big, big.year + 1);
      applyRollover(big, big.year + 1, new Set(proposals.map((p) => p.id)));
    }),
    'ms',
  );
}
