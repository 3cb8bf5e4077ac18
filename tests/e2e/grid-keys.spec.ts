/**
 * The grid's spreadsheet model (issue #11): every edit is checked in the store, by row id, so that an
 * edit that lands in the wrong row fails even when the screen looks right.
 */
import { expect, test } from '@playwright/test';
import type { PlanPackage } from '../../electron/core/model/types';
import { cellEditor, freshPlan, gridCell, setClipboard } from './editor-helpers';

const TASK = 'Nội dung nhiệm vụ';
const LEAD = 'Cơ quan chủ trì';
const NOTE = 'Ghi chú';

/** Rows in the order the grid numbers them (STT 1 is index 0). */
function rowsOf(pkg: PlanPackage) {
  return pkg.appendix.groups.flatMap((g) => g.rows);
}

test('case 1: double-click row 6 note, type, click row 7 note, F2, type, Enter: each text in its own row', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = rowsOf(await fx.store());
  const [row6, row7] = [before[5], before[6]];
  await gridCell(page, 6, NOTE).dblclick();
  await expect(cellEditor(page, 6, NOTE)).toBeFocused();
  await page.keyboard.type('một');
  await gridCell(page, 7, NOTE).click();
  await expect(gridCell(page, 7, NOTE)).toBeFocused();
  await page.keyboard.press('F2');
  await expect(cellEditor(page, 7, NOTE)).toBeFocused();
  await page.keyboard.type('hai');
  await page.keyboard.press('Enter');
  await expect.poll(async () => {
    const rows = rowsOf(await fx.store());
    return [rows.find((r) => r.id === row6.id)?.cells.note, rows.find((r) => r.id === row7.id)?.cells.note];
  }).toEqual([`${row6.cells.note ?? ''}một`, `${row7.cells.note ?? ''}hai`]);
});

test('case 2: row 3 lead, F2, pick Sở Nội vụ, Escape closes; a click on row 4 lead selects row 4', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const pkg = await fx.store();
  const noiVu = pkg.agencies.find((a) => a.name === 'Sở Nội vụ')!.key;
  const before = rowsOf(pkg);
  const [row3, row4] = [before[2], before[3]];
  await gridCell(page, 3, LEAD).click();
  await page.keyboard.press('F2');
  const input = page.getByRole('combobox', { name: `Thêm cơ quan — Dòng 3 — ${LEAD}` });
  await expect(input).toBeFocused();
  await input.pressSequentially('Sở Nội vụ');
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(input).toHaveCount(0);
  await gridCell(page, 4, LEAD).click();
  await expect(gridCell(page, 4, LEAD)).toBeFocused();
  await expect(page.getByTestId('agency-input')).toHaveCount(0);
  await page.waitForTimeout(300);
  const after = rowsOf(await fx.store());
  // Escape after a pick cancels the edit: row 3 is as it was, and the click did not change row 3 or row 4.
  expect(after.find((r) => r.id === row3.id)?.cells.lead).toEqual(row3.cells.lead);
  expect(after.find((r) => r.id === row4.id)?.cells.lead).toEqual(row4.cells.lead);
  // A pick kept with Enter on the empty field is stored in row 3.
  await page.keyboard.press('ArrowUp');
  await expect(gridCell(page, 3, LEAD)).toBeFocused();
  await page.keyboard.press('F2');
  await input.pressSequentially('Sở Nội vụ');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(input).toHaveCount(0);
  await expect.poll(async () => rowsOf(await fx.store()).find((r) => r.id === row3.id)?.cells.lead).toEqual([
    ...(row3.cells.lead as Array<{ agency: string; after: string }>).map((m, i, a) => (i === a.length - 1 && m.after === '' ? { ...m, after: '; ' } : m)),
    { agency: noiVu, after: '' },
  ]);
});

test('typing on a selected cell starts editing with that character; Enter commits and moves down', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = rowsOf(await fx.store());
  await gridCell(page, 2, NOTE).click();
  await page.keyboard.type('Ghi chú mới');
  await expect(cellEditor(page, 2, NOTE)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(gridCell(page, 3, NOTE)).toBeFocused();
  await expect.poll(async () => rowsOf(await fx.store()).find((r) => r.id === before[1].id)?.cells.note).toBe('Ghi chú mới');
  // Tab commits and moves right; Shift+Tab back.
  await page.keyboard.press('ArrowLeft');
  await expect(gridCell(page, 3, 'Thời gian hoàn thành')).toBeFocused();
  await page.keyboard.type('Quý III/2024');
  await page.keyboard.press('Tab');
  await expect(gridCell(page, 3, NOTE)).toBeFocused();
  await expect.poll(async () => rowsOf(await fx.store()).find((r) => r.id === before[2].id)?.cells.deadline).toBe('Quý III/2024');
});

test('Enter and F2 keep the content; Escape cancels and restores; Delete clears', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = rowsOf(await fx.store());
  const task = before[0].cells.task as string;
  await gridCell(page, 1, TASK).click();
  await page.keyboard.press('Enter');
  await expect(cellEditor(page, 1, TASK)).toHaveValue(task);
  await page.keyboard.type(' thêm');
  await page.waitForTimeout(700); // past the idle commit: Escape must still restore
  await page.keyboard.press('Escape');
  await expect(cellEditor(page, 1, TASK)).toHaveCount(0);
  await expect(gridCell(page, 1, TASK)).toBeFocused();
  await expect.poll(async () => rowsOf(await fx.store())[0].cells.task).toBe(task);
  await page.keyboard.press('Delete');
  await expect.poll(async () => rowsOf(await fx.store())[0].cells.task).toBe('');
});

test('Space on a selected cell starts an edit and never scrolls the grid', async ({ page, request }) => {
  await freshPlan(page, request);
  await gridCell(page, 1, NOTE).click();
  const grid = page.getByTestId('appendix-table');
  const top = await grid.evaluate((el) => el.scrollTop);
  await page.keyboard.press('Escape');
  await page.keyboard.press(' ');
  expect(await grid.evaluate((el) => el.scrollTop)).toBe(top);
  await expect(cellEditor(page, 1, NOTE)).toBeFocused();
});

test('arrow keys keep the active cell on screen', async ({ page, request }) => {
  await freshPlan(page, request);
  await gridCell(page, 1, TASK).click();
  // 20 steps down: group headers are stops too (their title is a cell), so count on the store's order.
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowDown');
  const cell = page.locator('[data-cell]:focus');
  await expect(cell).toHaveCount(1);
  expect(await page.getByTestId('appendix-table').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  const box = (await cell.boundingBox())!;
  const grid = (await page.getByTestId('appendix-table').boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(grid.y);
  expect(box.y + box.height).toBeLessThanOrEqual(grid.y + grid.height + 1);
});

test('agency suggestions: exact, then word prefix, then contains; first Escape closes the list, the next cancels', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = rowsOf(await fx.store());
  // Row 3's lead does not name Sở Tư pháp yet (agencies already in the cell are not offered).
  await gridCell(page, 3, LEAD).click();
  await page.keyboard.type('tư pháp');
  const input = page.getByRole('combobox', { name: `Thêm cơ quan — Dòng 3 — ${LEAD}` });
  await expect(input).toHaveValue('tư pháp');
  const list = page.getByTestId('agency-suggestions');
  await expect(list.getByRole('option').first()).toHaveText('Sở Tư pháp');
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(input).toHaveValue('tư pháp');
  await page.keyboard.press('Escape');
  await expect(input).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(rowsOf(await fx.store())[2].cells.lead).toEqual(before[2].cells.lead);
});

test('the suggestion list near the bottom opens upward and is not clipped', async ({ page, request }) => {
  await freshPlan(page, request);
  const grid = page.getByTestId('appendix-table');
  const gbox = (await grid.boundingBox())!;
  // The lowest fully visible row's lead cell.
  const rows = await page.getByTestId('appendix-row').evaluateAll((els, bottom) => els
    .map((e) => ({ n: Number(e.querySelector('[data-testid="row-number"]')?.textContent), b: e.getBoundingClientRect().bottom }))
    .filter((x) => x.b <= bottom).sort((a, b) => b.b - a.b), gbox.y + gbox.height);
  const n = rows[0].n;
  await gridCell(page, n, LEAD).click();
  await page.keyboard.type('sở');
  const list = page.getByTestId('agency-suggestions');
  await expect(list).toBeVisible();
  const lbox = (await list.boundingBox())!;
  const ibox = (await page.getByTestId('agency-input').boundingBox())!;
  expect(lbox.y + lbox.height).toBeLessThanOrEqual(ibox.y + 1);
  expect(lbox.y).toBeGreaterThanOrEqual(0);
  // The topmost element at the list's centre is the list itself: nothing clips or covers it.
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid="agency-suggestions"]') !== null,
    [lbox.x + lbox.width / 2, lbox.y + lbox.height / 2]);
  expect(hit).toBe(true);
});

test('the open editor never covers the row below: a click there commits and selects it', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = rowsOf(await fx.store());
  await gridCell(page, 2, TASK).dblclick();
  await page.keyboard.type(' X');
  const below = gridCell(page, 3, TASK);
  const box = (await below.boundingBox())!;
  const covered = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[data-cell]')?.getAttribute('aria-label'),
    [box.x + 20, box.y + 10]);
  expect(covered).toBe(`Dòng 3 — ${TASK}`);
  await page.mouse.click(box.x + 20, box.y + 10);
  await expect(below).toBeFocused();
  await expect.poll(async () => rowsOf(await fx.store())[1].cells.task).toBe(`${before[1].cells.task as string} X`);
  expect(rowsOf(await fx.store())[2].cells.task).toBe(before[2].cells.task);
});

test('a block pasted onto an empty row fills that row', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = await fx.store();
  const n = before.appendix.groups[0].rows.length;
  await gridCell(page, n, TASK).click();
  await page.keyboard.press('Control+Enter');
  await expect(cellEditor(page, n + 1, TASK)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await fx.store()).appendix.groups[0].rows.length).toBe(n + 1);
  await setClipboard(page, 'Nhiệm vụ dán một\tSở Nội vụ\t\tQuý I/2024\t\r\nNhiệm vụ dán hai\tSở Tư pháp\t\tQuý II/2024\t');
  await expect(gridCell(page, n + 1, TASK)).toBeFocused();
  await page.keyboard.press('Control+v');
  await expect.poll(async () => (await fx.store()).appendix.groups[0].rows.slice(n).map((r) => r.cells.task)).toEqual(['Nhiệm vụ dán một', 'Nhiệm vụ dán hai']);
  expect((await fx.store()).appendix.groups[0].rows).toHaveLength(n + 2);
});

test('"Move to group…" sends the row to the chosen group', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = await fx.store();
  const row = before.appendix.groups[0].rows[1];
  await gridCell(page, 2, TASK).click();
  await page.getByRole('button', { name: 'Chuyển sang nhóm…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chuyển dòng 2 sang nhóm' });
  await dialog.getByRole('combobox').selectOption({ index: 3 });
  await dialog.getByRole('button', { name: 'Chuyển' }).click();
  await expect.poll(async () => (await fx.store()).appendix.groups[3].rows.at(-1)?.id).toBe(row.id);
  expect((await fx.store()).appendix.groups[0].rows.map((r) => r.id)).not.toContain(row.id);
});

test('the sample paste case still works: pasted text on a cell with text replaces only that cell', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  await setClipboard(page, 'Ghi chú dán');
  await gridCell(page, 4, NOTE).click();
  await page.keyboard.press('Control+v');
  await expect.poll(async () => rowsOf(await fx.store())[3].cells.note).toBe('Ghi chú dán');
});

test('several agencies typed in one go are split against the directory', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const pkg = await fx.store();
  const key = (name: string) => pkg.agencies.find((a) => a.name === name)!.key;
  const row5 = rowsOf(pkg)[4];
  await gridCell(page, 5, LEAD).click();
  await page.keyboard.press('F2');
  const removes = page.getByRole('button', { name: /^Bỏ / });
  while ((await removes.count()) > 0) await removes.first().click();
  await page.getByTestId('agency-input').pressSequentially('Sở Nội vụ; Sở Tài chính');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('agency-input')).toHaveValue('');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('agency-input')).toHaveCount(0);
  await expect.poll(async () => rowsOf(await fx.store()).find((r) => r.id === row5.id)?.cells.lead).toEqual([
    { agency: key('Sở Nội vụ'), after: '; ' },
    { agency: key('Sở Tài chính'), after: '' },
  ]);
});
