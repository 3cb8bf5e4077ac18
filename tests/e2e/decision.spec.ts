/**
 * The Decision form: every field kind edited through the UI and checked in the store (text, number, date with
 * its ND30 wording and "clear", the KT. prefix with the deputy title, plan name and year, lists added to,
 * moved by buttons, keys and drag, and removed), undo/redo with Ctrl+Z/Ctrl+Y, labels and data-path on every
 * control, and the form at 125 % and 150 %.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, expectStored, field, newSamplePlan, openDecision, storedPkg, waitSaved } from './decision-helpers';
import { callApi } from './helpers';

const shots = join(process.cwd(), 'test-results', 'shots');

test('text fields: issuer, summary, authority, proposal, signer name', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  await field(page, 'issuer.place').fill('Đồng Xoài');
  await field(page, 'issuer.place').blur();
  await expectStored(request, token, id, (p) => p.issuer.place, 'Đồng Xoài');
  await expect(page.getByTestId('doc-date')).toHaveText('Đồng Xoài, ngày 09 tháng 12 năm 2023');

  // The issuing body keeps its line break.
  await field(page, 'issuer.name').fill('ỦY BAN NHÂN DÂN\nHUYỆN BÙ ĐĂNG');
  await field(page, 'decision.summary').fill('Ban hành Kế hoạch cải cách hành chính năm 2025\ntrên địa bàn huyện');
  await field(page, 'decision.authority').fill('CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN');
  await field(page, 'decision.proposal').fill('Theo đề nghị của Trưởng phòng Nội vụ.');
  await field(page, 'decision.signer.name').fill('Nguyễn Văn A');
  await field(page, 'decision.signer.name').press('Enter');
  await expectStored(request, token, id, (p) => [p.issuer.name, p.decision!.summary, p.decision!.authority, p.decision!.proposal, p.decision!.signer.name], [
    'ỦY BAN NHÂN DÂN\nHUYỆN BÙ ĐĂNG',
    'Ban hành Kế hoạch cải cách hành chính năm 2025\ntrên địa bàn huyện',
    'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN',
    'Theo đề nghị của Trưởng phòng Nội vụ.',
    'Nguyễn Văn A',
  ]);
  await expect(page.getByTestId('signer-name')).toHaveText('Nguyễn Văn A');
});

test('plan name and year go to the plan itself', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  await field(page, 'title').fill('Kế hoạch CCHC năm 2025 - tỉnh Bình Phước');
  await field(page, 'title').press('Enter');
  await field(page, 'year').fill('2025');
  await field(page, 'year').press('Enter');
  await expectStored(request, token, id, (p) => [p.title, p.year], ['Kế hoạch CCHC năm 2025 - tỉnh Bình Phước', 2025]);
  await expect(page.getByTestId('plan-title')).toHaveText('Kế hoạch CCHC năm 2025 - tỉnh Bình Phước');
  // A year out of range is refused in words and not stored.
  await field(page, 'year').fill('99');
  await field(page, 'year').blur();
  await expect(page.getByRole('alert').filter({ hasText: '1945' })).toBeVisible();
  expect((await storedPkg(request, token, id)).year).toBe(2025);
});

test('number (digits only) and symbol, with the printed line', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  const number = field(page, 'decision.number');
  await number.fill('15/QĐ');
  await number.blur();
  await expect(page.getByRole('alert').filter({ hasText: 'chữ số' })).toBeVisible();
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  expect((await storedPkg(request, token, id)).decision!.number).toBe('2142');

  await number.fill('7');
  await number.blur();
  await expectStored(request, token, id, (p) => p.decision!.number, '7');
  await expect(number).not.toHaveAttribute('aria-invalid', 'true');
  // Numbers under 10 get a leading zero when printed.
  await expect(page.getByTestId('doc-number')).toHaveText('Số: 07/QĐ-UBND');

  await field(page, 'decision.symbol').fill('QĐ-CT');
  await field(page, 'decision.symbol').blur();
  await expectStored(request, token, id, (p) => p.decision!.symbol, 'QĐ-CT');
  await expect(page.getByTestId('doc-number')).toHaveText('Số: 07/QĐ-CT');

  // An unsigned draft: no number.
  await number.fill('');
  await number.blur();
  await expectStored(request, token, id, (p) => p.decision!.number, '');
});

test('date: typed dd/mm/yyyy whatever the locale, ND30 wording next to it, and clear for an unsigned draft', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  const date = field(page, 'decision.date');
  await expect(date).toHaveAttribute('type', 'text');
  await expect(date).toHaveValue('09/12/2023');
  await date.fill('5/1/2024');
  // The wording follows the typing at once; the store on leaving the field.
  await expect(page.getByTestId('doc-date')).toHaveText('Bình Phước, ngày 05 tháng 01 năm 2024');
  await date.blur();
  await expectStored(request, token, id, (p) => p.decision!.date, '2024-01-05');
  await expect(date).toHaveValue('05/01/2024');

  // Not a date: nothing stored, the field says so.
  await date.fill('31/02/2024');
  await date.press('Enter');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await date.fill('20/06/2024');
  await date.press('Enter');
  await expectStored(request, token, id, (p) => p.decision!.date, '2024-06-20');
  await expect(page.getByTestId('doc-date')).toHaveText('Bình Phước, ngày 20 tháng 6 năm 2024');

  await page.getByTestId('clear-date').click();
  await expectStored(request, token, id, (p) => p.decision!.date, null);
  await expect(date).toHaveValue('');
  await expect(page.getByTestId('doc-date')).toHaveText(/^Bình Phước, ngày\s+tháng\s+năm 2024$/);
});

test('signer prefix KT. asks for the deputy title', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  // The sample's head signs: no prefix, no deputy title field.
  await expect(page.getByTestId('deputy-title')).toHaveCount(0);
  await field(page, 'decision.signer.prefix').selectOption('KT.');
  await expectStored(request, token, id, (p) => p.decision!.signer.prefix, 'KT.');
  const deputy = field(page, 'decision.signer.deputyTitle');
  await expect(deputy).toBeFocused();
  await expect(page.getByTestId('deputy-title')).toContainText('Ký thay (KT.) cần ghi chức vụ người ký');
  await deputy.fill('PHÓ CHỦ TỊCH');
  await deputy.blur();
  await expectStored(request, token, id, (p) => p.decision!.signer, { prefix: 'KT.', title: 'CHỦ TỊCH', deputyTitle: 'PHÓ CHỦ TỊCH', name: 'Trần Tuệ Hiền' });
  await expect(page.getByTestId('signer')).toContainText('KT. CHỦ TỊCH');
  await expect(page.getByTestId('signer')).toContainText('PHÓ CHỦ TỊCH');
  await expect(page.getByTestId('deputy-title')).not.toContainText('cần ghi');

  await field(page, 'decision.signer.prefix').selectOption('TM.');
  await field(page, 'decision.signer.title').fill('ỦY BAN NHÂN DÂN');
  await field(page, 'decision.signer.title').blur();
  await expectStored(request, token, id, (p) => [p.decision!.signer.prefix, p.decision!.signer.title], ['TM.', 'ỦY BAN NHÂN DÂN']);
});

test('legal bases: add, type, move up, remove', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  const original = (await storedPkg(request, token, id)).decision!.legalBases;
  await openDecision(page, id);
  const bases = page.getByTestId('legal-bases');
  await expect(bases.getByRole('listitem')).toHaveCount(7);
  await bases.getByRole('button', { name: 'Thêm căn cứ' }).click();
  await expectStored(request, token, id, (p) => p.decision!.legalBases.length, 8);
  // The new line gets the focus: type into it straight away.
  await expect(field(page, 'decision.legalBases[7]')).toBeFocused();
  await page.keyboard.type('Căn cứ Luật Ban hành văn bản quy phạm pháp luật;');
  await page.keyboard.press('Tab');
  await expectStored(request, token, id, (p) => p.decision!.legalBases[7], 'Căn cứ Luật Ban hành văn bản quy phạm pháp luật;');

  await bases.getByRole('button', { name: 'Chuyển căn cứ 8 lên' }).click();
  await expectStored(request, token, id, (p) => p.decision!.legalBases, [...original.slice(0, 6), 'Căn cứ Luật Ban hành văn bản quy phạm pháp luật;', original[6]]);
  // The focus followed the line to its new place.
  await expect(bases.getByRole('button', { name: 'Chuyển căn cứ 7 lên' })).toBeFocused();

  await bases.getByRole('button', { name: 'Xóa căn cứ 7' }).click();
  await expectStored(request, token, id, (p) => p.decision!.legalBases, original);
  await expect(bases.getByRole('listitem')).toHaveCount(7);
});

test('recipients: reorder by keyboard (Alt+↓, Alt+↑) and by drag and drop', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  const original = (await storedPkg(request, token, id)).decision!.recipients;
  await openDecision(page, id);
  const list = page.getByTestId('recipients');
  await expect(list.getByRole('listitem').first()).toContainText('-');

  await field(page, 'decision.recipients[0]').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expectStored(request, token, id, (p) => p.decision!.recipients.slice(0, 3), [original[1], original[0], original[2]]);
  await expect(field(page, 'decision.recipients[1]')).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expectStored(request, token, id, (p) => p.decision!.recipients.slice(0, 3), [original[1], original[2], original[0]]);
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expectStored(request, token, id, (p) => p.decision!.recipients, original);
  await expect(field(page, 'decision.recipients[0]')).toHaveValue(original[0]);

  // Drag the 4th recipient onto the 1st.
  await waitSaved(page);
  await list.getByTestId('drag-handle').nth(3).dragTo(list.getByRole('listitem').nth(0));
  await expectStored(request, token, id, (p) => p.decision!.recipients, [original[3], ...original.slice(0, 3), ...original.slice(4)]);
  await expect(field(page, 'decision.recipients[0]')).toHaveValue(original[3]);
  // And the 6th up to the 2nd place.
  await waitSaved(page);
  await list.getByTestId('drag-handle').nth(5).dragTo(list.getByRole('listitem').nth(1));
  await expectStored(request, token, id, (p) => p.decision!.recipients.slice(0, 4), [original[3], original[5], original[0], original[1]]);
});

test('articles: labelled by the program, edited as text keeping their one run, added', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  const articles = page.getByTestId('articles');
  await expect(articles.getByRole('listitem').nth(0)).toContainText('Điều 1.');
  await expect(articles.getByRole('listitem').nth(1)).toContainText('Điều 2.');
  await field(page, 'decision.articles[1]').fill('Quyết định này có hiệu lực kể từ ngày ký./.');
  await field(page, 'decision.articles[1]').blur();
  await expectStored(request, token, id, (p) => p.decision!.articles[1], [{ text: 'Quyết định này có hiệu lực kể từ ngày ký./.' }]);
  await articles.getByRole('button', { name: 'Thêm điều' }).click();
  await expect(field(page, 'decision.articles[2]')).toBeFocused();
  await page.keyboard.type('Chánh Văn phòng chịu trách nhiệm thi hành.');
  await page.keyboard.press('Tab');
  await expectStored(request, token, id, (p) => p.decision!.articles.length, 3);
  await expectStored(request, token, id, (p) => p.decision!.articles[2], [{ text: 'Chánh Văn phòng chịu trách nhiệm thi hành.' }]);
  await expect(articles.getByRole('listitem').nth(2)).toContainText('Điều 3.');
});

test('undo and redo of a Decision edit with Ctrl+Z and Ctrl+Y', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  const before = (await storedPkg(request, token, id)).decision!.authority;
  await openDecision(page, id);
  const authority = field(page, 'decision.authority');
  await authority.fill('CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ');
  await authority.blur();
  await expectStored(request, token, id, (p) => p.decision!.authority, 'CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ');
  await waitSaved(page);

  await page.getByRole('tabpanel').focus();
  await page.keyboard.press('Control+z');
  await expectStored(request, token, id, (p) => p.decision!.authority, before);
  await expect(authority).toHaveValue(before);
  await page.keyboard.press('Control+y');
  await expectStored(request, token, id, (p) => p.decision!.authority, 'CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ');
  await expect(authority).toHaveValue('CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ');

  // Undo also works from inside a field once its typing is committed.
  await authority.focus();
  await page.keyboard.press('Control+z');
  await expectStored(request, token, id, (p) => p.decision!.authority, before);
});

test('every control of the form has a label and a data-path', async ({ page, request }) => {
  const { id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  const problems = await page.getByTestId('decision-view').evaluate((form) => {
    const out: string[] = [];
    for (const el of form.querySelectorAll<HTMLElement>('input, textarea, select')) {
      const labelled = (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      if (!labelled) out.push(`no label: ${el.outerHTML.slice(0, 80)}`);
      if (!el.dataset.path) out.push(`no data-path: ${el.outerHTML.slice(0, 80)}`);
    }
    for (const el of form.querySelectorAll<HTMLButtonElement>('button')) {
      if (!(el.getAttribute('aria-label') || el.textContent?.trim())) out.push(`button without a name: ${el.outerHTML.slice(0, 80)}`);
    }
    return out;
  });
  expect(problems).toEqual([]);
  const paths = await page.getByTestId('decision-view').locator('[data-path]').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
  for (const p of ['title', 'year', 'issuer.parentBody', 'issuer.name', 'issuer.place', 'issuer.citedAs', 'decision.number', 'decision.symbol', 'decision.date',
    'decision.summary', 'decision.authority', 'decision.legalBases[0]', 'decision.proposal', 'decision.articles[0]', 'decision.recipients[0]',
    'decision.signer.prefix', 'decision.signer.title', 'decision.signer.name']) expect(paths).toContain(p);
});

test('the form fits at 1366×768 and at 125 % and 150 % scaling', async ({ browser, request }) => {
  for (const scale of [1, 1.25, 1.5]) {
    const context = await browser.newContext({
      viewport: { width: Math.floor(1366 / scale), height: Math.floor(768 / scale) },
      deviceScaleFactor: scale,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    await page.goto('/');
    const { id } = await newSamplePlan(page, request);
    await openDecision(page, id);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: join(shots, `decision-top-${scale * 100}.png`) });
    await field(page, 'decision.legalBases[0]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, `decision-lists-${scale * 100}.png`) });
    await field(page, 'decision.signer.prefix').selectOption('KT.');
    await expect(field(page, 'decision.signer.deputyTitle')).toBeFocused();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: join(shots, `decision-signer-${scale * 100}.png`) });
    // Every field is as wide as its row allows, and none runs out of the panel.
    const panel = (await page.getByRole('tabpanel').boundingBox())!;
    for (const el of await page.getByTestId('decision-view').locator('input, textarea, select').all()) {
      const box = await el.boundingBox();
      if (box) expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width + 1);
    }
    await context.close();
  }
});

test('a standalone Plan edits its own issuance (plan.issuance.*)', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  const exported = await callApi<{ base64: string }>(request, token, 'exportPlan', id, 'json');
  const file = JSON.parse(Buffer.from(exported.base64, 'base64').toString('utf8'));
  const { summary: _s, authority: _a, legalBases: _l, proposal: _p, articles: _r, ...issuance } = file.decision;
  file.plan.issuance = { ...issuance, symbol: 'KH-UBND', signer: { prefix: 'TM.', title: 'ỦY BAN NHÂN DÂN', deputyTitle: 'CHỦ TỊCH', name: 'Trần Tuệ Hiền' } };
  file.decision = null;
  const standalone = await callApi<{ id: number }>(request, token, 'importPlan', 'standalone.json', JSON.stringify(file));
  await page.goto(`/#/plans/${standalone.id}/decision`);
  await expect(page.getByTestId('issuance-view')).toBeVisible();
  await expect(page.getByTestId('doc-number')).toHaveText('Số: 2142/KH-UBND');
  await field(page, 'plan.issuance.number').fill('88');
  await field(page, 'plan.issuance.number').blur();
  await field(page, 'plan.issuance.recipients[0]').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expectStored(request, token, standalone.id, (p) => [p.plan.issuance!.number, p.plan.issuance!.recipients[1]], ['88', issuance.recipients[0]]);
  await expect(page.getByTestId('signer')).toContainText('TM. ỦY BAN NHÂN DÂN');
});
