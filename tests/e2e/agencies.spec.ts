/** The agency directory against the store: usage counts, renaming everywhere, merging two entries. */
import { expect, test } from '@playwright/test';
import type { AgencyUsage } from '../../electron/core/api/contract';
import { cellText } from '../../electron/core/model/text';
import type { PlanPackage } from '../../electron/core/model/types';
import { freshPlan } from './editor-helpers';

function mentionCount(pkg: PlanPackage, key: string): number {
  return pkg.appendix.groups.flatMap((g) => g.rows).reduce(
    (n, r) => n + Object.values(r.cells).filter((v) => Array.isArray(v) && v.some((m) => m.agency === key)).length, 0);
}

test('the directory lists every agency with its usage counts', async ({ page, request }) => {
  const fx = await freshPlan(page, request, 'agencies');
  const usage = await fx.call<AgencyUsage[]>('listAgencies', fx.planId);
  await expect(page.getByTestId('agency-row')).toHaveCount(usage.length);
  const tuPhap = usage.find((a) => a.name === 'Sở Tư pháp')!;
  const row = page.locator(`[data-testid="agency-row"][data-key="${tuPhap.key}"]`);
  await expect(row.locator('td.num')).toHaveText([String(tuPhap.lead), String(tuPhap.cooperate), String(tuPhap.total)]);
  expect(tuPhap.total).toBe(mentionCount(await fx.store(), tuPhap.key));
});

test('renaming an agency renames it in every cell that names it', async ({ page, request }) => {
  const fx = await freshPlan(page, request, 'agencies');
  const before = await fx.store();
  const key = before.agencies.find((a) => a.name === 'Sở Tư pháp')!.key;
  const uses = mentionCount(before, key);
  expect(uses).toBeGreaterThan(1);
  const field = page.getByRole('textbox', { name: 'Tên cơ quan: Sở Tư pháp' });
  await field.fill('Sở Tư pháp tỉnh Bình Phước');
  await field.press('Enter');
  await expect.poll(async () => (await fx.store()).agencies.find((a) => a.key === key)?.name).toBe('Sở Tư pháp tỉnh Bình Phước');
  const pkg = await fx.store();
  const cells = pkg.appendix.groups.flatMap((g) => g.rows).flatMap((r) =>
    Object.values(r.cells).filter((v) => Array.isArray(v) && v.some((m) => m.agency === key)));
  expect(cells).toHaveLength(uses);
  for (const c of cells) expect(cellText(c, pkg.agencies)).toContain('Sở Tư pháp tỉnh Bình Phước');
  // The grid prints the new name too.
  await page.getByRole('tab', { name: /^Phụ lục/ }).click();
  await expect(page.getByRole('gridcell', { name: 'Dòng 1 — Cơ quan chủ trì', exact: true })).toHaveText('Sở Tư pháp tỉnh Bình Phước');
});

test('two spellings of one body are hinted and merged after a confirmation', async ({ page, request }) => {
  const fx = await freshPlan(page, request, 'agencies');
  const usage = await fx.call<AgencyUsage[]>('listAgencies', fx.planId);
  const upper = usage.find((a) => a.name === 'Sở Thông tin và Truyền Thông')!;
  const lower = usage.find((a) => a.name === 'Sở Thông tin và Truyền thông')!;
  const [into, from] = lower.total >= upper.total ? [lower, upper] : [upper, lower];
  const hints = page.getByTestId('agency-duplicates');
  await expect(hints).toContainText('Sở Thông tin và Truyền Thông');
  await hints.getByRole('button', { name: `Gộp “${from.name}” vào “${into.name}”` }).click();
  const confirm = page.getByTestId('merge-confirm');
  await expect(confirm).toContainText(`${from.name} — chủ trì ${from.lead}, phối hợp ${from.cooperate}, tổng ${from.total}`);
  await expect(confirm).toContainText(`${into.name} — chủ trì ${into.lead}, phối hợp ${into.cooperate}, tổng ${into.total}`);
  await confirm.getByRole('button', { name: 'Gộp', exact: true }).click();
  await expect.poll(async () => (await fx.store()).agencies.filter((a) => a.name.startsWith('Sở Thông tin và Truyền')).map((a) => a.key)).toEqual([into.key]);
  const pkg = await fx.store();
  expect(mentionCount(pkg, from.key)).toBe(0);
  expect(mentionCount(pkg, into.key)).toBe(from.total + into.total);
  await expect(page.locator(`[data-testid="agency-row"][data-key="${into.key}"] td.num`).last()).toHaveText(String(from.total + into.total));
});

test('merging from the row menu asks first; cancelling changes nothing', async ({ page, request }) => {
  const fx = await freshPlan(page, request, 'agencies');
  const before = await fx.store();
  const a = before.agencies.find((x) => x.name === 'Các cơ quan, đơn vị liên quan')!;
  const b = before.agencies.find((x) => x.name === 'Các cơ quan, đơn vị có liên quan')!;
  await page.getByRole('combobox', { name: `Gộp “${a.name}” vào` }).selectOption({ label: b.name });
  await page.getByTestId('merge-confirm').getByRole('button', { name: 'Huỷ' }).click();
  expect((await fx.store()).agencies).toHaveLength(before.agencies.length);
  await page.getByRole('combobox', { name: `Gộp “${a.name}” vào` }).selectOption({ label: b.name });
  await page.getByTestId('merge-confirm').getByRole('button', { name: 'Gộp', exact: true }).click();
  await expect.poll(async () => (await fx.store()).agencies.some((x) => x.key === a.key)).toBe(false);
  expect(mentionCount(await fx.store(), b.key)).toBe(mentionCount(before, a.key) + mentionCount(before, b.key));
});
