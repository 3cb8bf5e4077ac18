/**
 * Compare with last year, across two plans: last year's plan is imported (an "as imported" version), rolled over
 * to 2025 in the app (an "as rolled over" version, with the changes of year), edited; the versions screen of the
 * 2025 draft holds it against last year's imported plan in one click, lists the rollover's changes apart, and
 * shows the drafter's edit. The store is asserted: the versions each step saved, and the same comparison
 * through the API.
 */
import { expect, test } from '@playwright/test';
import type { Comparison, PlanSummary, PlanVersion } from '../../electron/core/api/contract';
import { Scratch } from './scratch-plans';

let scratch: Scratch;
let before: number[] = [];

test.beforeEach(async ({ page, request }) => {
  scratch = new Scratch(request);
  await scratch.start(page);
  before = (await scratch.call<PlanSummary[]>('listPlans')).map((p) => p.id);
});

test.afterEach(async () => {
  await scratch.cleanUp(before);
});

const NOTE = 'Ưu tiên hoàn thành trong quý đầu năm 2025';

test("this year's draft against last year's imported plan, with the rollover's changes listed", async ({ page }) => {
  // Last year's plan, imported from its exchange file.
  const sample = await scratch.sample();
  const exported = await scratch.call<{ kind: string; base64: string }>('exportPlan', sample.id, 'json');
  const lastYear = scratch.keep(await scratch.call<PlanSummary>('importPlan', 'ke-hoach-2024.json', Buffer.from(exported.base64, 'base64').toString('utf8')));
  const [asImported] = await scratch.call<PlanVersion[]>('listVersions', lastYear.id);
  expect(asImported).toMatchObject({ kind: 'imported', file: 'ke-hoach-2024.json' });

  // Rolled over to 2025 in the app.
  await page.goto(`/#/plans/${lastYear.id}/rollover`);
  await page.getByTestId('rollover-panel').getByRole('button', { name: 'Tạo kế hoạch năm 2025' }).click();
  await expect(page).not.toHaveURL(new RegExp(`#/plans/${lastYear.id}/`));
  const draftId = Number(/#\/plans\/(\d+)\//.exec(page.url())?.[1]);
  scratch.keep((await scratch.open(draftId)).summary);
  const [asRolled] = await scratch.call<PlanVersion[]>('listVersions', draftId);
  expect(asRolled).toMatchObject({ kind: 'rolled-over', from: { planId: lastYear.id, year: 2024 }, toYear: 2025 });

  // The drafter edits one note of this year's draft.
  const draft = await scratch.open(draftId);
  await scratch.call('setCell', draftId, draft.pkg.appendix.groups[2].rows[0].id, 'note', NOTE);

  await page.goto(`/#/plans/${draftId}/versions`);
  const panel = page.getByTestId('versions-panel');
  const row = panel.getByTestId('version-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Như khi chuyển từ kế hoạch năm 2024 sang năm 2025');
  await expect(row).toContainText('Như khi chuyển năm');
  const compare = panel.getByTestId('compare-view');
  // By default: since the rollover, only the drafter's edit.
  await expect(compare.getByTestId('compare-counts')).toContainText('Sửa: 1 dòng');
  await expect(compare.getByTestId('row-change')).toHaveCount(1);
  await expect(compare.getByTestId('compare-rollover')).toHaveCount(0);

  // One click: against last year's plan; then its "as imported" version, picked with the keyboard.
  await compare.getByTestId('compare-last-year').click();
  await expect(compare.getByTestId('compare-from-plan')).toHaveValue(String(lastYear.id));
  const versionPick = compare.getByTestId('compare-from-version');
  await expect(versionPick.locator('option').nth(1)).toHaveText(/^Như khi nhập từ tệp ke-hoach-2024\.json — /);
  await versionPick.focus();
  await page.keyboard.press('ArrowDown');
  await expect(versionPick).toHaveValue(String(asImported.id));

  const viaApi = await scratch.call<Comparison>('compareSides', { planId: lastYear.id, versionId: asImported.id }, { planId: draftId, versionId: null });
  await expect(compare.getByTestId('compare-counts')).toContainText(`Sửa: ${viaApi.counts.changed} dòng`);
  expect(viaApi.counts).toMatchObject({ added: 0, removed: 0 });
  expect(viaApi.counts.changed).toBeGreaterThan(10);
  const rollover = compare.getByTestId('compare-rollover');
  await expect(rollover).toContainText(`Khi chuyển từ kế hoạch năm 2024 (“${lastYear.title}”) sang năm 2025: ${viaApi.rollover!.changes.length} chỗ đổi năm`);
  await rollover.locator('summary').click();
  await expect(rollover.getByTestId('compare-rollover-change')).toHaveCount(viaApi.rollover!.changes.length);
  await expect(rollover.getByTestId('compare-rollover-change').filter({ hasText: 'Phụ lục, nhóm IV, dòng 24 (Thời gian hoàn thành)' }).locator('ins.year-mark')).toHaveText('2025');
  // The drafter's edit is among the row changes, with the column's caption.
  const edited = compare.getByTestId('cell-diff').filter({ hasText: NOTE });
  await expect(edited).toHaveCount(1);
  await expect(edited.locator('dt')).toHaveText('Ghi chú');
  await page.screenshot({ path: 'test-results/compare-last-year-1366.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await compare.getByTestId('compare-counts').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/compare-last-year-1280.png' });
});
