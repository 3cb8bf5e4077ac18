/**
 * DOCX import timings (issue target: a 2,000-row appendix under 3 s): the sample (48 rows) and
 * largePlan(2000), each exported once with exportDocx and then imported; the median of several runs
 * after warm-up. Only the import is timed.
 */
import { exportDocx } from '../../electron/core/export/docx';
import { importDocx } from '../../electron/core/import/docx';
import { loadSamplePackage } from '../../electron/core/sample';
import { largePlan } from '../fixtures/large-plan';
import type { Report } from './bench';
import { medianMs } from './timing';

export default async function (report: Report): Promise<void> {
  const sample = (await exportDocx(loadSamplePackage())).buffer;
  report('docx.import.sample', Math.round((await medianMs(() => importDocx(sample, 'sample.docx'), 9)) * 10) / 10, 'ms');
  const big = (await exportDocx(largePlan(2000))).buffer;
  report('docx.import.2000rows', Math.round(await medianMs(() => importDocx(big, 'large.docx'), 5)), 'ms');
}
