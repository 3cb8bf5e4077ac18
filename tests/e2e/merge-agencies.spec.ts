/**
 * A department's spellings of agencies at the merge desk: "Sở Tư Pháp" and "Sở Thông tin & Truyền thông" are
 * matched to the directory at once, "STP" and "Sở TT&TT" wait for a confirm, an unknown office is added only when
 * the drafter clicks to add it, and a column the plan has not is placed (or left out) by the drafter. Each card
 * shows what the take writes; after each take the store holds exactly that, and the directory grew by the one
 * agency the drafter added.
 */
import { expect, test, type Page } from '@playwright/test';
import type { PlanSummary } from '../../electron/core/api/contract';
import { allRows } from '../../electron/core/model/rows';
import { cellText } from '../../electron/core/model/text';
import { Scratch } from './scratch-plans';
import { xlsxOf } from '../core/fixtures/real-world-cases';

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

const TASKS = [
  'Xây dựng cơ sở dữ liệu văn bản quy phạm pháp luật của tỉnh',
  'Số hóa hồ sơ hộ tịch lưu trữ tại cấp xã',
  'Tập huấn nghiệp vụ hộ tịch cho công chức tư pháp cấp xã',
];

async function departmentWorkbook(): Promise<Buffer> {
  return xlsxOf([{ name: 'Phụ lục', rows: [
    ['PHỤ LỤC'], ['ĐỀ XUẤT CỦA SỞ TƯ PHÁP NĂM 2024'], [],
    ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Sản phẩm đầu ra'],
    ['I', 'CẢI CÁCH THỂ CHẾ'],
    [{ num: 1 }, TASKS[0], 'STP', 'Sở TT&TT', 'Quý III/2024', 'Cơ sở dữ liệu'],
    [{ num: 2 }, TASKS[1], 'Sở Thông tin & Truyền thông', 'Sở Tư Pháp; Phòng Hộ tịch xã', 'Quý IV/2024', ''],
    [{ num: 3 }, TASKS[2], 'Sở Tư Pháp', 'UBND cấp huyện', 'Quý II/2024', 'Lớp tập huấn'],
  ] }]);
}

async function openDesk(page: Page, planId: number) {
  await page.goto(`/#/plans/${planId}/merge`);
  const panel = page.getByTestId('merge-panel');
  await panel.getByTestId('merge-input').setInputFiles({ name: 'so-tu-phap.xlsx', mimeType: 'application/octet-stream', buffer: await departmentWorkbook() });
  await expect(panel.getByTestId('merge-proposal')).toHaveCount(3);
  return panel;
}

test('department spellings map to the directory on take: matched, confirmed, added on a click; the store holds what each card showed', async ({ page }) => {
  const plan = await scratch.sample();
  const directoryBefore = (await scratch.open(plan.id)).pkg.agencies;
  const panel = await openDesk(page, plan.id);
  const decisions = panel.getByTestId('merge-decisions');
  const spelling = (s: string) => decisions.locator(`[data-testid="merge-spelling"][data-spelling="${s}"]`);
  // The department is named as the directory writes it.
  await expect(panel.getByTestId('merge-department')).toHaveValue('Sở Tư pháp');

  // Certain spellings are matched and say so; abbreviations and the unknown office wait.
  await expect(spelling('Sở Tư Pháp')).toHaveAttribute('data-state', 'matched');
  await expect(spelling('Sở Tư Pháp')).toContainText('Sở Tư pháp');
  await expect(spelling('Sở Thông tin & Truyền thông')).toHaveAttribute('data-state', 'matched');
  await expect(spelling('STP')).toHaveAttribute('data-state', 'open');
  await expect(spelling('STP')).toContainText('Sở Tư pháp (viết tắt)');
  await expect(spelling('Sở TT&TT')).toHaveAttribute('data-state', 'open');
  await expect(spelling('Phòng Hộ tịch xã')).toContainText('chưa có trong danh mục');
  await expect(decisions.getByTestId('merge-unplaced-column')).toContainText('Cột “Sản phẩm đầu ra” của tệp');

  // Nothing can be taken while a spelling or a column is open: each card says what it waits for.
  const cards = panel.getByTestId('merge-proposal');
  await expect(cards.nth(0).getByTestId('merge-take')).toBeDisabled();
  await expect(cards.nth(0).getByTestId('merge-blockers')).toContainText('STP; Sở TT&TT');
  await expect(cards.nth(0).getByTestId('merge-blockers')).toContainText('“Sản phẩm đầu ra”');
  await expect(cards.nth(0).getByTestId('merge-unplaced')).toHaveAttribute('data-state', 'open');
  await page.screenshot({ path: 'test-results/merge-agencies-open-1366.png', fullPage: false });

  // Confirm STP with the keyboard, Sở TT&TT with the mouse; add the office; put the product into "Ghi chú".
  await spelling('STP').getByTestId('merge-confirm').focus();
  await page.keyboard.press('Enter');
  await expect(spelling('STP')).toHaveAttribute('data-state', 'chosen');
  await spelling('Sở TT&TT').getByTestId('merge-confirm').click();
  await spelling('Phòng Hộ tịch xã').getByTestId('merge-add').click();
  await expect(spelling('Phòng Hộ tịch xã')).toContainText('sẽ thêm vào danh mục');
  await decisions.getByTestId('merge-unplaced-column').getByRole('combobox').selectOption({ label: 'Đưa vào cột “Ghi chú”' });
  await expect(cards.nth(0).getByTestId('merge-blockers')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/merge-agencies-settled-1366.png', fullPage: false });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/merge-agencies-settled-1280.png', fullPage: false });
  await cards.nth(1).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/merge-agencies-cards-1280.png', fullPage: false });

  // Take each card; what it showed, cell by cell, is what the store holds.
  for (const task of TASKS) {
    const card = cards.filter({ hasText: task });
    const shown: Record<string, string> = {};
    const cells = card.getByTestId('merge-cell');
    for (let i = 0; i < (await cells.count()); i++) {
      const cell = cells.nth(i);
      shown[(await cell.getAttribute('data-key'))!] = (await cell.locator('dd').innerText()).trim();
    }
    await card.getByTestId('merge-take').click();
    await expect(cards.filter({ hasText: task })).toHaveCount(0);
    const { pkg } = await scratch.open(plan.id);
    const row = allRows(pkg.appendix.groups).find((v) => v.row.cells.task === task)!.row;
    const stored = Object.fromEntries(Object.keys(shown).map((key) => [key, cellText(row.cells[key], pkg.agencies)]));
    expect(stored).toEqual(shown);
  }
  const { pkg } = await scratch.open(plan.id);
  const taken = TASKS.map((task) => allRows(pkg.appendix.groups).find((v) => v.row.cells.task === task)!.row);
  const names = (value: unknown) => cellText(value as never, pkg.agencies);
  expect(taken.map((r) => names(r.cells.lead))).toEqual(['Sở Tư pháp', 'Sở Thông tin và Truyền thông', 'Sở Tư pháp']);
  expect(taken.map((r) => names(r.cells.cooperate))).toEqual(['Sở Thông tin và Truyền thông', 'Sở Tư pháp; Phòng Hộ tịch xã', 'UBND cấp huyện']);
  expect(taken.map((r) => r.cells.note)).toEqual(['Cơ sở dữ liệu', '', 'Lớp tập huấn']);
  // The leads are the directory's own entries (keys), and the directory grew by the one agency added on a click.
  expect(taken[0].cells.lead).toEqual([{ agency: 'so-tu-phap', after: '' }]);
  expect(pkg.agencies.map((a) => a.name)).toEqual([...directoryBefore.map((a) => a.name), 'Phòng Hộ tịch xã']);
  expect(pkg.agencies.some((a) => /STP|TT&TT|&/.test(a.name))).toBe(false);
});

test('a column left out is said so on each card and not written; English words the same choices', async ({ page }) => {
  const plan = await scratch.sample();
  const panel = await openDesk(page, plan.id);
  const decisions = panel.getByTestId('merge-decisions');
  await decisions.getByTestId('merge-unplaced-column').getByRole('combobox').selectOption({ label: 'Không lấy cột này' });
  const third = panel.getByTestId('merge-proposal').filter({ hasText: TASKS[2] });
  await expect(third.getByTestId('merge-unplaced')).toHaveAttribute('data-state', 'left');
  await expect(third.getByTestId('merge-unplaced')).toContainText('Lớp tập huấn');
  await expect(third.getByTestId('merge-take')).toBeEnabled();
  await page.getByRole('group', { name: 'Ngôn ngữ giao diện' }).getByRole('button', { name: 'EN' }).click();
  await expect(decisions).toContainText('Columns and agencies in the file');
  await expect(decisions.locator('[data-spelling="STP"]')).toContainText('(an abbreviation)');
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'VI' }).click();
  await third.getByTestId('merge-take').click();
  await expect(panel.getByTestId('merge-proposal').filter({ hasText: TASKS[2] })).toHaveCount(0);
  const { pkg } = await scratch.open(plan.id);
  const row = allRows(pkg.appendix.groups).find((v) => v.row.cells.task === TASKS[2])!.row;
  expect(row.cells.note).toBe('');
  expect(cellText(row.cells.lead, pkg.agencies)).toBe('Sở Tư pháp');
});
