/**
 * A coded error from the core (here `plan.notFound`: the plan was erased from another window while the rename
 * dialog was open) is shown in the UI's language, not as the core's English message.
 */
import { expect, test, type Page } from '@playwright/test';
import type { PlanSummary } from '../../electron/core/api/contract';
import { callApi, sessionToken } from './helpers';

function row(page: Page, id: number) {
  return page.locator(`[data-testid="plan-row"][data-plan-id="${id}"]`);
}

test('a coded error is shown in Vietnamese, and in English after switching language', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const plan = await callApi<PlanSummary>(request, token, 'createPlan', 'blank', 2031);
  await page.reload();
  await expect(row(page, plan.id)).toBeVisible();
  // Erased elsewhere; this window still lists it.
  await callApi(request, token, 'trashPlan', plan.id);
  await callApi(request, token, 'purgePlan', plan.id);

  await row(page, plan.id).getByRole('button', { name: /^Đổi tên/ }).click();
  let dialog = page.getByTestId('rename-dialog');
  await dialog.getByLabel('Tên mới').fill('Kế hoạch đã bị xóa');
  await dialog.getByRole('button', { name: 'Lưu tên' }).click();
  const alert = page.getByTestId('status-error');
  await expect(alert).toContainText(`Không tìm thấy kế hoạch (mã ${plan.id}).`);
  await expect(alert).not.toContainText('No plan has the id');

  // The language is remembered: after a reload the same refusal comes in English.
  await page.getByRole('group', { name: 'Ngôn ngữ giao diện' }).getByRole('button', { name: 'EN' }).click();
  const other = await callApi<PlanSummary>(request, token, 'createPlan', 'blank', 2032);
  await page.reload();
  await expect(row(page, other.id)).toBeVisible();
  await callApi(request, token, 'trashPlan', other.id);
  await callApi(request, token, 'purgePlan', other.id);
  await row(page, other.id).getByRole('button', { name: /^Rename/ }).click();
  dialog = page.getByTestId('rename-dialog');
  await dialog.getByLabel('New name').fill('A plan that was erased');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByTestId('status-error')).toContainText(`No plan has the id ${other.id}.`);
});
