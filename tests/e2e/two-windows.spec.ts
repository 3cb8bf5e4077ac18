/**
 * Two windows on the same plan: each edit is written cell by cell, so neither overwrites the other's
 * fields, and a window learns of the other's edit (it reloads and says so) instead of keeping stale text.
 */
import { expect, test } from '@playwright/test';
import { expectStored, field, newSamplePlan, openDecision } from './decision-helpers';

test('edits from two windows both land, and each window shows the other one\'s change', async ({ page, request, context }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  const other = await context.newPage();
  await openDecision(other, id);

  await field(page, 'issuer.place').fill('Đồng Xoài');
  await field(page, 'issuer.place').press('Enter');
  await field(other, 'decision.signer.name').fill('Nguyễn Văn A');
  await field(other, 'decision.signer.name').press('Enter');

  await expectStored(request, token, id, (pkg) => [pkg.issuer.place, pkg.decision!.signer.name], ['Đồng Xoài', 'Nguyễn Văn A']);
  // Neither window keeps stale text: each shows the other's edit.
  await expect(field(other, 'issuer.place')).toHaveValue('Đồng Xoài', { timeout: 10_000 });
  await expect(field(page, 'decision.signer.name')).toHaveValue('Nguyễn Văn A', { timeout: 10_000 });

  // An edit made while the other window is idle: that window reloads and says so.
  await field(page, 'decision.authority').fill('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC');
  await field(page, 'decision.authority').press('Enter');
  await expect(other.getByText('Kế hoạch vừa được sửa ở một cửa sổ khác')).toBeVisible({ timeout: 10_000 });
  await expect(field(other, 'decision.authority')).toHaveValue('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC');
  await other.close();
});
