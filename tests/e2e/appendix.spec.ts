/**
 * The appendix grid against the store: every test edits through the UI and then reads the plan back with
 * openPlan over HTTP, so what is asserted is what was saved, not what the screen shows.
 */
import { expect, test } from '@playwright/test';
import { cellEditor, expectContinuous, freshPlan, gridCell, numbersOnScreen, setClipboard } from './editor-helpers';

const TASK = 'Nội dung nhiệm vụ';
const LEAD = 'Cơ quan chủ trì';
const NOTE = 'Ghi chú';

test('a task cell is edited on Enter keeping its text, saved, and Enter moves down', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const cell = gridCell(page, 2, TASK);
  await cell.click();
  await page.keyboard.press('Enter');
  const editor = cellEditor(page, 2, TASK);
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue((await fx.store()).appendix.groups[0].rows[1].cells.task as string);
  await editor.fill('Rà soát văn bản quy phạm pháp luật năm 2024');
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(gridCell(page, 3, TASK)).toBeFocused();
  await expect.poll(async () => (await fx.store()).appendix.groups[0].rows[1].cells.task).toBe('Rà soát văn bản quy phạm pháp luật năm 2024');
});

test('Vietnamese typed Unikey-style (Backspace then the new letters) is saved as typed', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  await gridCell(page, 1, NOTE).dblclick();
  const editor = cellEditor(page, 1, NOTE);
  await expect(editor).toBeFocused();
  await editor.fill('');
  await page.keyboard.type('tao');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('ạo');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await fx.store()).appendix.groups[0].rows[0].cells.note).toBe('tạo');
});

test('a lead agency is picked with autocomplete and a new one is added on the fly', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = await fx.store();
  const noiVu = before.agencies.find((a) => a.name === 'Sở Nội vụ')!.key;
  await gridCell(page, 3, LEAD).click();
  await page.keyboard.press('F2');
  const input = page.getByRole('combobox', { name: `Thêm cơ quan — Dòng 3 — ${LEAD}` });
  await expect(input).toBeFocused();
  // Remove what is there, then type a folded name: the suggestions list it, the typed text stays.
  for (const remove of await page.getByRole('button', { name: /^Bỏ / }).all()) await remove.click();
  await input.pressSequentially('noi vu');
  await expect(page.getByTestId('agency-suggestions').getByRole('option', { name: 'Sở Nội vụ' })).toBeVisible();
  await expect(input).toHaveValue('noi vu');
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue('');
  await input.pressSequentially('Sở Ngoại vụ');
  await expect(page.getByTestId('agency-suggestions').getByRole('option', { name: 'Thêm mới vào danh mục: “Sở Ngoại vụ”' })).toBeVisible();
  await page.keyboard.press('Enter');
  // Adding to the directory takes a round trip: the chip appears and the field empties, then Enter closes.
  await expect(input).toHaveValue('');
  await expect(page.getByRole('button', { name: /^Bỏ .*Sở Ngoại vụ/ })).toBeVisible();
  await page.keyboard.press('Enter'); // empty field: Enter closes the editor
  await expect(input).toHaveCount(0);
  await expect(gridCell(page, 3, LEAD)).toHaveText('Sở Nội vụ; Sở Ngoại vụ');
  await expect.poll(async () => {
    const pkg = await fx.store();
    const added = pkg.agencies.find((a) => a.name === 'Sở Ngoại vụ');
    return { added: !!added, lead: pkg.appendix.groups[0].rows[2].cells.lead, key: added?.key };
  }).toMatchObject({ added: true, lead: [{ agency: noiVu, after: '; ' }, { after: '' }] });
  const pkg = await fx.store();
  const key = pkg.agencies.find((a) => a.name === 'Sở Ngoại vụ')!.key;
  expect(pkg.appendix.groups[0].rows[2].cells.lead).toEqual([{ agency: noiVu, after: '; ' }, { agency: key, after: '' }]);
});

test('Alt+↓ moves the last row of group I into group II; numbering stays continuous; Ctrl+Z restores the store', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = await fx.store();
  const last = before.appendix.groups[0].rows.at(-1)!;
  const n = before.appendix.groups[0].rows.length;
  await gridCell(page, n, TASK).click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(async () => (await fx.store()).appendix.groups[1].rows[0].id).toBe(last.id);
  const after = await fx.store();
  expect(after.appendix.groups[0].rows).toHaveLength(n - 1);
  expectContinuous(await numbersOnScreen(page));
  // The moved row is now the first of group II, still number n on screen.
  await expect(page.locator(`[data-row-id="${last.id}"] [data-testid="row-number"]`)).toHaveText(String(n));
  await expect(page.locator(`[data-row-id="${last.id}"]`)).toHaveAttribute('data-group-index', '1');
  // Undo of the move restores the store.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await fx.store()).appendix.groups[0].rows.at(-1)?.id).toBe(last.id);
  expect((await fx.store()).appendix.groups.map((g) => g.rows.map((r) => r.id))).toEqual(before.appendix.groups.map((g) => g.rows.map((r) => r.id)));
});

test('dragging a row onto a row of another group moves it there', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = await fx.store();
  const moved = before.appendix.groups[0].rows[0];
  const target = before.appendix.groups[1].rows[0];
  const grip = page.locator(`[data-row-id="${moved.id}"] [data-testid="row-grip"]`);
  const onto = page.locator(`[data-row-id="${target.id}"]`);
  await onto.scrollIntoViewIfNeeded();
  await grip.dragTo(onto, { targetPosition: { x: 200, y: 50 } }); // lower half: after the target
  await expect.poll(async () => (await fx.store()).appendix.groups[1].rows.map((r) => r.id)).toEqual([
    target.id, moved.id, ...before.appendix.groups[1].rows.slice(1).map((r) => r.id),
  ]);
  expect((await fx.store()).appendix.groups[0].rows.map((r) => r.id)).toEqual(before.appendix.groups[0].rows.slice(1).map((r) => r.id));
  expectContinuous(await numbersOnScreen(page));
});

test('rows are inserted (Ctrl+Enter) and deleted (Ctrl+Delete)', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = await fx.store();
  await gridCell(page, 3, TASK).click();
  await page.keyboard.press('Control+Enter');
  const editor = cellEditor(page, 4, TASK);
  await expect(editor).toBeFocused();
  await page.keyboard.type('Nhiệm vụ mới thêm');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await fx.store()).appendix.groups[0].rows[3]?.cells.task).toBe('Nhiệm vụ mới thêm');
  expect((await fx.store()).appendix.groups[0].rows).toHaveLength(before.appendix.groups[0].rows.length + 1);
  expectContinuous(await numbersOnScreen(page));

  await gridCell(page, 4, TASK).click();
  await page.keyboard.press('Control+Delete');
  await expect.poll(async () => (await fx.store()).appendix.groups[0].rows.map((r) => r.id)).toEqual(before.appendix.groups[0].rows.map((r) => r.id));
});

test('a group is added and renamed; its numeral is the program\'s', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const count = (await fx.store()).appendix.groups.length;
  await page.getByRole('button', { name: '+ Thêm nhóm' }).click();
  const title = page.getByRole('textbox', { name: `Tên nhóm ${'VIII'}` });
  await expect(title).toBeFocused();
  await title.fill('Chuyển đổi số');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await fx.store()).appendix.groups.map((g) => g.title).at(-1)).toBe('Chuyển đổi số');
  expect((await fx.store()).appendix.groups).toHaveLength(count + 1);

  const cell = page.getByRole('gridcell', { name: 'Tên nhóm VIII' });
  await cell.dblclick();
  await page.getByRole('textbox', { name: 'Tên nhóm VIII' }).fill('Xây dựng chính quyền số');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await fx.store()).appendix.groups.at(-1)?.title).toBe('Xây dựng chính quyền số');
  await expect(cell).toContainText('VIII. Xây dựng chính quyền số');
});

test('columns are added, renamed, resized, hidden and reordered', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  await page.getByRole('button', { name: 'Các cột…' }).click();
  const panel = page.getByTestId('columns-panel');
  await panel.getByRole('textbox', { name: 'Tên cột mới' }).fill('Sản phẩm');
  await panel.getByRole('button', { name: '+ Thêm cột' }).click();
  await expect.poll(async () => (await fx.store()).appendix.columns.at(-1)).toMatchObject({ key: 'san-pham', caption: 'Sản phẩm', kind: 'text', hidden: false });

  await panel.getByRole('textbox', { name: 'Tên cột thứ 6' }).fill('Ghi chú khác');
  await panel.getByRole('textbox', { name: 'Tên cột thứ 6' }).press('Enter');
  await expect.poll(async () => (await fx.store()).appendix.columns.find((c) => c.key === 'note')?.caption).toBe('Ghi chú khác');

  await panel.getByRole('checkbox', { name: 'Hiện cột Ghi chú khác' }).uncheck();
  await expect.poll(async () => (await fx.store()).appendix.columns.find((c) => c.key === 'note')?.hidden).toBe(true);
  await expect(page.locator('.ax-th[data-column="note"]')).toHaveCount(0);

  await panel.getByRole('button', { name: 'Chuyển cột Sản phẩm lên trước' }).click();
  await expect.poll(async () => (await fx.store()).appendix.columns.map((c) => c.key)).toEqual(['stt', 'task', 'lead', 'cooperate', 'deadline', 'san-pham', 'note']);

  // Keyboard reorder on the header: Alt+← moves "Sản phẩm" before the deadline.
  await page.locator('.ax-th[data-column="san-pham"]').focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(async () => (await fx.store()).appendix.columns.map((c) => c.key)).toEqual(['stt', 'task', 'lead', 'cooperate', 'san-pham', 'deadline', 'note']);

  // Drag the header edge 40 px to the right: 10 mm wider.
  const edge = page.getByTestId('resize-task');
  const box = (await edge.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2);
  await page.mouse.up();
  await expect.poll(async () => (await fx.store()).appendix.columns.find((c) => c.key === 'task')?.width).toBe(105);

  // Drag a header onto another: the deadline goes before the task.
  await page.locator('.ax-th[data-column="deadline"]').dragTo(page.locator('.ax-th[data-column="task"]'));
  await expect.poll(async () => (await fx.store()).appendix.columns.map((c) => c.key)).toEqual(['stt', 'deadline', 'task', 'lead', 'cooperate', 'san-pham', 'note']);
});

test('a tab-separated block pasted from Excel becomes rows, agency names converted', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = await fx.store();
  const n = before.appendix.groups[0].rows.length;
  const block = [
    'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú',
    '1\tNhiệm vụ dán A\tSở Nội vụ\tSở Tài chính; Sở Mới Dán\tQuý I/2024\t',
    '2\t"Nhiệm vụ dán B\ncó hai dòng"\tSở Tư pháp\t\tQuý II/2024\tghi chú B',
    '3\tNhiệm vụ dán C\tSở Mới Dán\tUBND cấp huyện\tTrong năm 2024\t',
  ].join('\r\n');
  await setClipboard(page, block);
  await gridCell(page, n, TASK).click();
  await page.keyboard.press('Control+v');
  await expect.poll(async () => (await fx.store()).appendix.groups[0].rows.length).toBe(n + 3);
  const pkg = await fx.store();
  const key = (name: string) => pkg.agencies.find((a) => a.name === name)?.key;
  expect(key('Sở Mới Dán')).toBeTruthy();
  const rows = pkg.appendix.groups[0].rows.slice(n).map((r) => r.cells);
  expect(rows.map((c) => c.task)).toEqual(['Nhiệm vụ dán A', 'Nhiệm vụ dán B\ncó hai dòng', 'Nhiệm vụ dán C']);
  expect(rows[0].lead).toEqual([{ agency: key('Sở Nội vụ'), after: '' }]);
  expect((rows[0].cooperate as Array<{ agency: string }>).map((m) => m.agency)).toEqual([key('Sở Tài chính'), key('Sở Mới Dán')]);
  expect((rows[2].lead as Array<{ agency: string }>)[0].agency).toBe(key('Sở Mới Dán'));
  expect(rows.map((c) => c.deadline)).toEqual(['Quý I/2024', 'Quý II/2024', 'Trong năm 2024']);
  expect(rows[1].note).toBe('ghi chú B');
  await expect(page.getByTestId('status-info')).toContainText('Đã dán 3 dòng');
});

test('a megabyte pasted into one cell is saved whole', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const big = 'Nội dung rất dài. '.repeat(Math.ceil(1_000_000 / 18)).slice(0, 1_000_000);
  await setClipboard(page, big);
  await gridCell(page, 2, NOTE).press('Enter');
  await expect(cellEditor(page, 2, NOTE)).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
  await page.keyboard.press('Enter');
  await expect.poll(async () => {
    const note = (await fx.store()).appendix.groups[0].rows[1].cells.note;
    return typeof note === 'string' ? note.length : -1;
  }, { timeout: 20_000 }).toBe(1_000_000);
});

test('filtering by an agency shows only the rows that name it', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const pkg = await fx.store();
  const key = pkg.agencies.find((a) => a.name === 'Sở Tài chính')!.key;
  const expected = pkg.appendix.groups.flatMap((g) => g.rows).filter((r) =>
    ['lead', 'cooperate'].some((k) => Array.isArray(r.cells[k]) && (r.cells[k] as Array<{ agency: string }>).some((m) => m.agency === key)));
  expect(expected.length).toBeGreaterThan(0);
  await page.getByTestId('filter-toggle').click();
  await page.getByTestId('filter-agency').selectOption({ label: 'Sở Tài chính' });
  await expect(page.getByTestId('filter-count')).toHaveText(`Đang hiện ${expected.length} trên 48 nhiệm vụ`);
  const shown = page.getByTestId('appendix-row');
  await expect(shown).toHaveCount(expected.length);
  expect(await shown.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-row-id'))))).toEqual(expected.map((r) => r.id));
  for (const row of await shown.all()) await expect(row).toContainText('Sở Tài chính');

  await page.getByTestId('filter-scope').selectOption('lead');
  const leads = expected.filter((r) => (r.cells.lead as Array<{ agency: string }>).some((m) => m.agency === key));
  await expect(shown).toHaveCount(leads.length);
  await page.getByRole('button', { name: 'Bỏ lọc' }).click();
  await expect(page.getByTestId('filter-count')).toHaveCount(0);
});

test('the deadline filter and deadline suggestions', async ({ page, request }) => {
  await freshPlan(page, request);
  await page.getByTestId('filter-toggle').click();
  await page.getByTestId('filter-deadline').fill('quy i/2024');
  await expect(page.getByTestId('filter-count')).toBeVisible();
  for (const text of await page.locator('[data-testid="appendix-row"] [data-column="deadline"]').allTextContents()) expect(text).toMatch(/quý I\/2024/i);
  await expect(page.locator('datalist option[value="Quý IV/2024"]')).toHaveCount(1);
  await expect(page.locator('datalist option[value="Thường xuyên"]')).toHaveCount(1);
});
