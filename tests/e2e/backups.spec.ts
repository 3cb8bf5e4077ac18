/**
 * Backups on the plans list: back up now, restore a backup (the store returns to that moment; the data it
 * replaces is backed up first), and export every plan as exchange files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { AppInfo, BackupEntry, OpenedPlan, PlanSummary } from '../../electron/core/api/contract';
import { callApi, sessionToken } from './helpers';

test('back up now, change a plan, restore the backup: the store holds the old value again', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const plan = await callApi<PlanSummary>(request, token, 'createPlan', 'sample');
  await page.reload();
  await page.getByTestId('view-backups').click();
  const before = await callApi<BackupEntry[]>(request, token, 'listBackups');
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backups').getByTestId('status-info')).toContainText('soan-ke-hoach-');
  const after = await callApi<BackupEntry[]>(request, token, 'listBackups');
  expect(after.length).toBeGreaterThan(before.length === 10 ? 9 : before.length);
  const newest = after[0];

  await callApi(request, token, 'setField', plan.id, 'decision.number', '999');
  expect((await callApi<OpenedPlan>(request, token, 'openPlan', plan.id)).pkg.decision!.number).toBe('999');

  await page.getByRole('button', { name: `Khôi phục bản sao lưu ${newest.name}` }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Khôi phục' }).click();
  await expect(page.getByTestId('backups').getByTestId('status-info')).toContainText('Đã khôi phục');
  expect((await callApi<OpenedPlan>(request, token, 'openPlan', plan.id)).pkg.decision!.number).toBe('2142');
  // The data that was replaced is itself a backup now.
  const names = (await callApi<BackupEntry[]>(request, token, 'listBackups')).map((b) => b.name);
  expect(names).toContain(newest.name);

  await callApi(request, token, 'trashPlan', plan.id);
  await callApi(request, token, 'purgePlan', plan.id);
});

test('export every plan writes one exchange file per plan', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const count = (await callApi<PlanSummary[]>(request, token, 'listPlans')).length + (await callApi<PlanSummary[]>(request, token, 'listTrash')).length;
  await page.getByTestId('view-backups').click();
  await page.getByTestId('export-all').click();
  const message = page.getByTestId('backups').getByTestId('status-info');
  await expect(message).toContainText(`Đã xuất ${count} kế hoạch`);
  // The browser host exports beside the data file (a desktop app asks for the folder).
  const { dataFile } = await callApi<AppInfo>(request, token, 'appInfo');
  const exportsDir = join(dirname(dataFile), 'exports');
  const folder = join(exportsDir, readdirSync(exportsDir).sort().at(-1)!);
  await expect(message).toContainText(folder);
  expect(existsSync(join(folder, 'index.json'))).toBe(true);
  const files = readdirSync(folder).filter((f) => f.endsWith('.json') && f !== 'index.json');
  expect(files).toHaveLength(count);
  for (const f of files) expect(JSON.parse(readFileSync(join(folder, f), 'utf8')).format).toBe('soan-ke-hoach/plan');
});
