/**
 * Not a check: 1366×768 screenshots of the checker, versions, rollover and merge panels for people to look at.
 * Runs only with SOAN_SCREENSHOTS=DIR (`SOAN_SCREENSHOTS=/tmp/shots npx playwright test -c tests/playwright.config.ts screenshots-panels`).
 */
import { join } from 'node:path';
import { test } from '@playwright/test';
import type { ExportResult, PlanSummary } from '../../electron/core/api/contract';
import { Scratch } from './scratch-plans';

const dir = process.env.SOAN_SCREENSHOTS;

test.skip(!dir, 'set SOAN_SCREENSHOTS=DIR to take screenshots');

test('screenshots of the review panels', async ({ page, request }) => {
  const shot = (name: string) => page.screenshot({ path: join(dir as string, `${name}.png`) });
  const scratch = new Scratch(request);
  await scratch.start(page);
  const before = (await scratch.call<PlanSummary[]>('listPlans')).map((p) => p.id);
  const plan = await scratch.sample();
  const scroll = (to: number) => page.getByRole('tabpanel').evaluate((el, y) => el.scrollTo(0, y), to);

  await page.goto(`/#/plans/${plan.id}/check`);
  await page.getByTestId('finding').first().waitFor();
  await shot('p01-check-top');
  await scroll(900);
  await shot('p02-check-middle');

  await scratch.call('saveVersion', plan.id, 'Dự thảo xin ý kiến');
  const pkg = (await scratch.open(plan.id)).pkg;
  await scratch.call('setCell', plan.id, pkg.appendix.groups[0].rows[0].id, 'deadline', 'Quý II/2024');
  await scratch.call('setField', plan.id, 'decision.summary', 'Ban hành Kế hoạch cải cách hành chính Nhà nước năm 2024 trên địa bàn tỉnh Bình Phước (dự thảo)');
  await page.goto(`/#/plans/${plan.id}/versions`);
  await page.getByTestId('row-change').first().waitFor();
  await shot('p03-versions');
  await scroll(400);
  await shot('p04-versions-compare');

  await page.goto(`/#/plans/${plan.id}/rollover`);
  await page.getByTestId('rollover-proposal').first().waitFor();
  await shot('p05-rollover-top');
  await scroll(2400);
  await shot('p06-rollover-deadlines');

  const copy = scratch.keep(await scratch.call<PlanSummary>('duplicatePlan', plan.id));
  const cp = (await scratch.open(copy.id)).pkg;
  await scratch.call('setCell', copy.id, cp.appendix.groups[0].rows[0].id, 'deadline', 'Quý III/2024');
  await scratch.call('insertRows', copy.id, cp.appendix.groups[1].id, cp.appendix.groups[1].rows.length, [{ task: 'Rà soát, đơn giản hóa thủ tục hành chính nội bộ', lead: 'Sở Tư pháp', deadline: 'Quý II/2024' }]);
  const exported = await scratch.call<ExportResult>('exportPlan', copy.id, 'xlsx');
  if (exported.kind !== 'download') throw new Error('download expected');
  await page.goto(`/#/plans/${plan.id}/merge`);
  await page.getByTestId('merge-input').setInputFiles({ name: 'so-tu-phap.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(exported.base64, 'base64') });
  await page.getByTestId('merge-proposal').first().waitFor();
  await shot('p07-merge');
  await page.getByTestId('merge-proposal').last().getByRole('button', { name: 'Sửa trước khi lấy' }).click();
  await shot('p08-merge-edit');
  await page.getByTestId('merge-take').first().click();
  await page.getByTestId('merge-source').first().waitFor();
  await scroll(2000);
  await shot('p09-merge-sources');

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.goto(`/#/plans/${plan.id}/check`);
  await page.getByTestId('finding').first().waitFor();
  await shot('p10-check-english');
  await page.getByRole('button', { name: 'VI', exact: true }).click();

  await scratch.cleanUp(before);
});
