/**
 * The Plan body outline editor, against the store: every test edits its own copy of the sample through
 * the keyboard (as a drafter would) and then reads the plan back from the store with openPlan.
 */
import { expect, test } from '@playwright/test';
import type { BodyNode } from '../../electron/core/model/types';
import { childLabels, field, focusedPath, freshPlan, nodeAt, row, storedBody } from './plan-helpers';

const texts = (nodes: readonly BodyNode[]) => nodes.map((n) => n.text.map((r) => r.text).join(''));
const ids = (nodes: readonly BodyNode[]) => nodes.map((n) => n.id);

test('editing a paragraph saves its text in NFC, as one run', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const f = field(page, 'plan.body[0]');
  await f.click();
  await page.keyboard.press('ControlOrMeta+A');
  // Decomposed letters, as some input methods send them: the store keeps the precomposed form.
  const decomposed = 'Đoạn mở đầu đã sửa'.normalize('NFD');
  await page.keyboard.insertText(decomposed);
  await f.blur();
  await expect.poll(async () => (await storedBody(request, fresh))[0].text).toEqual([{ text: 'Đoạn mở đầu đã sửa'.normalize('NFC') }]);
  expect(decomposed).not.toBe(decomposed.normalize('NFC'));
});

test('Enter at the end of an item adds an item after it, focused, and the following items renumber', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const before = nodeAt(await storedBody(request, fresh), 'plan.body[5]');
  const partId = before.id as number;
  expect(await childLabels(page, partId)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);

  await field(page, 'plan.body[5].children[0]').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await expect.poll(async () => nodeAt(await storedBody(request, fresh), 'plan.body[5]').children.length).toBe(8);
  await expect.poll(() => focusedPath(page)).toBe('plan.body[5].children[1]');
  await page.keyboard.type('Nhiệm vụ mới chèn vào');
  await field(page, 'plan.body[5].children[1]').blur();

  await expect.poll(async () => texts(nodeAt(await storedBody(request, fresh), 'plan.body[5]').children)[1]).toBe('Nhiệm vụ mới chèn vào');
  const part = nodeAt(await storedBody(request, fresh), 'plan.body[5]');
  expect(part.children[1].kind).toBe('item');
  // The stored order: the first item, the new one, then the old second … seventh.
  expect(ids(part.children)).toEqual([before.children[0].id, part.children[1].id, ...ids(before.children.slice(1))]);
  // On screen the items after it are renumbered 3. … 8.
  await expect.poll(() => childLabels(page, partId)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
  await expect(field(page, 'plan.body[5].children[2]')).toHaveValue(texts(before.children)[1]);
});

test('Enter in the middle of a paragraph splits it; the tail goes into the new sibling', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const f = field(page, 'plan.body[0]');
  await f.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Phần đầu. Phần sau.');
  for (let i = 0; i < 'Phần sau.'.length; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect.poll(async () => texts((await storedBody(request, fresh)).slice(0, 2))).toEqual(['Phần đầu. ', 'Phần sau.']);
  expect((await storedBody(request, fresh))[1].kind).toBe('paragraph');
});

test('Tab makes a point a dash under the point before it; Shift+Tab brings it back', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const yeuCau = nodeAt(await storedBody(request, fresh), 'plan.body[2].children[1]');
  const [a, b] = yeuCau.children;
  await field(page, 'plan.body[2].children[1].children[1]').click();
  await page.keyboard.press('Tab');
  await expect.poll(async () => ids(nodeAt(await storedBody(request, fresh), 'plan.body[2].children[1].children[0]').children)).toEqual([b.id]);
  let body = await storedBody(request, fresh);
  expect(nodeAt(body, 'plan.body[2].children[1].children[0].children[0]').kind).toBe('dash');
  expect(nodeAt(body, 'plan.body[2].children[1]').children).toHaveLength(yeuCau.children.length - 1);
  // The moved node keeps the focus, and shows a dash.
  await expect.poll(() => focusedPath(page)).toBe('plan.body[2].children[1].children[0].children[0]');
  await expect(row(page, 'plan.body[2].children[1].children[0].children[0]').locator('.body-label')).toHaveText('-');

  await page.keyboard.press('Shift+Tab');
  await expect.poll(async () => ids(nodeAt(await storedBody(request, fresh), 'plan.body[2].children[1]').children)).toEqual(ids(yeuCau.children));
  body = await storedBody(request, fresh);
  expect(nodeAt(body, 'plan.body[2].children[1].children[1]').kind).toBe('point');
  expect(nodeAt(body, 'plan.body[2].children[1].children[0]').children).toEqual(a.children);
  await expect.poll(() => focusedPath(page)).toBe('plan.body[2].children[1].children[1]');
  await expect(row(page, 'plan.body[2].children[1].children[1]').locator('.body-label')).toHaveText('b)');
});

test('Shift+Tab on an item makes it a part after its parent, a heading', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const before = await storedBody(request, fresh);
  const moved = nodeAt(before, 'plan.body[7].children[1]');
  await field(page, 'plan.body[7].children[1]').click();
  await page.keyboard.press('Shift+Tab');
  await expect.poll(async () => (await storedBody(request, fresh))[8].id).toBe(moved.id);
  const body = await storedBody(request, fresh);
  expect(body[8].kind).toBe('part');
  expect(body[8].heading).toBe(true);
  expect(body[7].children).toHaveLength(1);
  await expect(row(page, 'plan.body[8]').locator('.body-label')).toHaveText('VII.');
  await expect(row(page, 'plan.body[9]').locator('.body-label')).toHaveText('VIII.');
});

test('Alt+↓ and Alt+↑ move an item among its siblings; Ctrl+Z undoes the move in the store', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const original = ids(nodeAt(await storedBody(request, fresh), 'plan.body[5]').children);
  await field(page, 'plan.body[5].children[1]').click();
  await page.keyboard.press('Alt+ArrowDown');
  const swapped = [original[0], original[2], original[1], ...original.slice(3)];
  await expect.poll(async () => ids(nodeAt(await storedBody(request, fresh), 'plan.body[5]').children)).toEqual(swapped);
  await expect.poll(() => focusedPath(page)).toBe('plan.body[5].children[2]');

  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(async () => ids(nodeAt(await storedBody(request, fresh), 'plan.body[5]').children)[3]).toBe(original[1]);
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(async () => ids(nodeAt(await storedBody(request, fresh), 'plan.body[5]').children)).toEqual(swapped);

  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(async () => ids(nodeAt(await storedBody(request, fresh), 'plan.body[5]').children)[3]).toBe(original[1]);
  await page.keyboard.press('ControlOrMeta+Z');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(async () => ids(nodeAt(await storedBody(request, fresh), 'plan.body[5]').children)).toEqual(original);
});

test('editing a mixed-emphasis part title keeps its non-bold note', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const partV = nodeAt(await storedBody(request, fresh), 'plan.body[6]');
  expect(partV.text[1]).toEqual({ text: ' (có phụ lục kèm theo)', bold: false });
  await expect(row(page, 'plan.body[6]').locator('.body-field')).toHaveCount(2);
  // The note shows as not bold, the title bold.
  expect(await field(page, 'plan.body[6]', 1).evaluate((el) => getComputedStyle(el).fontWeight)).toBe('400');
  expect(await field(page, 'plan.body[6]', 0).evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700');

  await field(page, 'plan.body[6]', 0).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('KẾ HOẠCH CỤ THỂ NĂM 2024');
  await field(page, 'plan.body[6]', 0).blur();
  await expect.poll(async () => (await storedBody(request, fresh))[6].text).toEqual([
    { text: 'KẾ HOẠCH CỤ THỂ NĂM 2024' },
    { text: ' (có phụ lục kèm theo)', bold: false },
  ]);
});

test('editing two runs of a paragraph with a bold phrase keeps both edits and the bold', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const path = 'plan.body[8].children[0].children[0]';
  const before = nodeAt(await storedBody(request, fresh), path);
  expect(before.text[1]).toEqual({ text: 'trước ngày 15/01/2024', bold: true });

  await field(page, path, 1).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('trước ngày 20/01/2024');
  // Straight on to the first run, before the plan has reloaded: the second save must keep the first.
  await field(page, path, 0).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' (đã sửa)');
  await field(page, path, 0).blur();

  await expect.poll(async () => nodeAt(await storedBody(request, fresh), path).text).toEqual([
    { text: `${before.text[0].text} (đã sửa)` },
    { text: 'trước ngày 20/01/2024', bold: true },
    { text: '.' },
  ]);
});

test('Ctrl+B and Ctrl+I toggle the emphasis of a one-run paragraph in the store', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const f = field(page, 'plan.body[1]');
  await f.click();
  await page.keyboard.press('ControlOrMeta+B');
  await expect.poll(async () => (await storedBody(request, fresh))[1].text[0].bold).toBe(true);
  await expect(f).toHaveCSS('font-weight', '700');
  await page.keyboard.press('ControlOrMeta+I');
  await expect.poll(async () => (await storedBody(request, fresh))[1].text[0].italic).toBe(true);
  await page.keyboard.press('ControlOrMeta+B');
  await expect.poll(async () => (await storedBody(request, fresh))[1].text[0].bold).toBe(false);
  const text = (await storedBody(request, fresh))[1].text;
  expect(text).toHaveLength(1);
  expect(text[0].italic).toBe(true);
});

test('Vietnamese typed Unikey-style (Backspace, then the replacement) lands as typed', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const before = (await storedBody(request, fresh))[1].text[0].text;
  const f = field(page, 'plan.body[1]');
  await f.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' tao');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('ạo');
  await expect(f).toHaveValue(`${before} tạo`);
  await f.blur();
  await expect.poll(async () => (await storedBody(request, fresh))[1].text[0].text).toBe(`${before} tạo`);
});

test('kind selector, heading toggle, and delete with its children (undone by Ctrl+Z)', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const before = await storedBody(request, fresh);

  // The toolbar shows under the node that has the focus.
  await expect(row(page, 'plan.body[1]').getByRole('combobox')).toBeHidden();
  await field(page, 'plan.body[1]').click();
  await row(page, 'plan.body[1]').getByRole('combobox').selectOption('item');
  await expect.poll(async () => (await storedBody(request, fresh))[1].kind).toBe('item');
  await expect(row(page, 'plan.body[1]').locator('.body-label')).toHaveText('1.');
  await row(page, 'plan.body[1]').getByRole('button', { name: /in đậm làm tiêu đề/ }).click();
  await expect.poll(async () => (await storedBody(request, fresh))[1].heading).toBe(true);

  const kinhPhi = before[7];
  expect(kinhPhi.children).toHaveLength(2);
  await field(page, 'plan.body[7]').click();
  await row(page, 'plan.body[7]').getByRole('button', { name: /^Xóa Mục VI\./ }).click();
  await expect.poll(async () => ids(await storedBody(request, fresh))).not.toContain(kinhPhi.id);
  await expect(row(page, 'plan.body[7]').locator('.body-label')).toHaveText('VI.');
  await expect(field(page, 'plan.body[7]')).toHaveValue('TỔ CHỨC THỰC HIỆN');

  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(async () => (await storedBody(request, fresh))[7]).toEqual(kinhPhi);
});

test('the outline shows parts I to VII with their numbering and emphasis', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const labels = await page.locator('.body-editor > ol > li.kind-part > .body-row > .body-label').allTextContents();
  expect(labels).toEqual(['I.', 'II.', 'III.', 'IV.', 'V.', 'VI.', 'VII.']);
  await expect(field(page, 'plan.body[2]')).toHaveAttribute('aria-label', 'Mục I. — nội dung');
  await expect(field(page, 'plan.body[2]')).toHaveCSS('font-weight', '700');
  await expect(field(page, 'plan.body[0]')).toHaveCSS('font-weight', '400');
  // Every node of the store is on screen, each with its own path.
  const count = (nodes: readonly BodyNode[]): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
  const paths = await page.locator('.body-editor [data-path]').evaluateAll((els) => els.map((el) => el.getAttribute('data-path')));
  expect(paths).toHaveLength(count(await storedBody(request, fresh)));
  expect(new Set(paths).size).toBe(paths.length);
  expect(paths).toContain('plan.body[4].children[5].children[0].children[1]');
});

test('Shift+Tab under III.1 of the sample never makes a part inside a part (outline rules)', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const before = await storedBody(request, fresh);
  const path = 'plan.body[4].children[0].children[0]';
  const moved = nodeAt(before, path);
  expect(moved.kind).toBe('item');
  await field(page, path).click();
  await page.keyboard.press('Shift+Tab');
  await expect.poll(async () => (await storedBody(request, fresh))[4].children[1]?.id).toBe(moved.id);
  const body = await storedBody(request, fresh);
  expect(body[4].children[1].kind).toBe('item');
  // No part anywhere below the top level.
  const nested = (nodes: readonly BodyNode[]): number => nodes.reduce((k, x) => k + x.children.filter((c) => c.kind === 'part').length + nested(x.children), 0);
  expect(nested(body)).toBe(0);
  expect(body.filter((x) => x.kind === 'part')).toHaveLength(before.filter((x) => x.kind === 'part').length);
});
