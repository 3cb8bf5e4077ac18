/**
 * Not a check: takes 1366×768 screenshots of each screen for people to look at.
 * Runs only with SOAN_SCREENSHOTS=DIR (e.g. `SOAN_SCREENSHOTS=/tmp/shots npx playwright test -c tests/playwright.config.ts screenshots`).
 */
import { join } from 'node:path';
import { test } from '@playwright/test';
import type { PlanSummary } from '../../electron/core/api/contract';
import { callApi, openPlan, sessionToken } from './helpers';

const dir = process.env.SOAN_SCREENSHOTS;

test.skip(!dir, 'set SOAN_SCREENSHOTS=DIR to take screenshots');

test('screenshots of the first screen', async ({ page, request }) => {
  const shot = (name: string) => page.screenshot({ path: join(dir as string, `${name}.png`) });
  await page.goto('/');
  const token = await sessionToken(page);

  // Empty state: trash everything for a moment.
  const plans = await callApi<PlanSummary[]>(request, token, 'listPlans');
  for (const p of plans) await callApi(request, token, 'trashPlan', p.id);
  await page.reload();
  await page.getByTestId('plans-empty').waitFor();
  await shot('01-plans-empty');
  for (const p of plans) await callApi(request, token, 'restorePlan', p.id);

  await page.reload();
  await page.getByTestId('plan-row').first().waitFor();
  await shot('02-plans-list');
  await page.getByLabel('Tìm kế hoạch').fill('binh phuoc');
  await shot('03-plans-search');
  await page.getByLabel('Tìm kế hoạch').fill('');

  await openPlan(page);
  await shot('04-decision-top');
  await page.getByRole('tabpanel').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await shot('05-decision-bottom');
  await page.getByRole('tab', { name: 'Nội dung Kế hoạch' }).click();
  await shot('06-body-top');
  await page.getByRole('tabpanel').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await shot('07-body-middle');
  await page.getByRole('tab', { name: /^Phụ lục/ }).click();
  await shot('08-appendix-top');
  await page.getByRole('tabpanel').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await shot('09-appendix-middle');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'DOCX', exact: true }).click();
  await download;
  await page.getByTestId('status-info').waitFor();
  await shot('10-export-done');

  await page.getByRole('tab', { name: 'Quyết định' }).focus();
  await page.keyboard.press('ArrowRight');
  await shot('11-keyboard-focus-tab');

  // A blank plan: empty fields and an empty appendix.
  const blank = await callApi<PlanSummary>(request, token, 'createPlan', 'blank', 2026);
  await page.goto(`/#/plans/${blank.id}/decision`);
  await page.getByTestId('plan-title').waitFor();
  await shot('12-blank-decision');
  await page.getByRole('tab', { name: 'Nội dung Kế hoạch' }).click();
  await shot('13-blank-body');
  await page.getByRole('tab', { name: /^Phụ lục/ }).click();
  await shot('14-blank-appendix');

  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByRole('button', { name: 'All plans' }).click();
  await page.getByTestId('plan-row').first().waitFor();
  await shot('15-plans-english');
});
