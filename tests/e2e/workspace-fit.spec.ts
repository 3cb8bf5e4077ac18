/**
 * The workspace fits real screens (issue #11): at 1366×768, 1280×720 (1920×1080 at 150 %) and 1093×614
 * (1366×768 at 125 %) the fixed chrome above the section takes at most a quarter of the height, the grid
 * shows at least 8 task rows at 1280×720, every section is one click away (all section buttons inside the
 * window, none hidden behind a scrollbar), and nothing overlaps. Screenshots go to test-results/shots/.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { freshPlan } from './editor-helpers';

const SIZES = [
  { width: 1366, height: 768, rows: 6 },
  { width: 1280, height: 720, rows: 8 },
  { width: 1093, height: 614, rows: 5 },
];

type Box = { x: number; y: number; width: number; height: number };

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
}

async function boxes(list: Locator): Promise<Box[]> {
  return list.evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }));
}

/** Rows whose whole box is inside the grid's visible area (below its sticky header). */
async function rowsInView(page: Page): Promise<number> {
  return page.getByTestId('appendix-table').evaluate((grid) => {
    const g = grid.getBoundingClientRect();
    const head = grid.querySelector('.ax-head')?.getBoundingClientRect().bottom ?? g.top;
    return [...grid.querySelectorAll('[data-testid="appendix-row"]')].filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= head - 1 && b.bottom <= g.bottom + 1;
    }).length;
  });
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the chrome takes ≤ 1/4, the grid shows ≥ ${size.rows} rows, every section is one click away`, async ({ page, request }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const fx = await freshPlan(page, request);
    await expect(page.getByTestId('appendix-row').first()).toBeVisible();
    await page.screenshot({ path: `test-results/shots/workspace-${size.width}x${size.height}.png` });

    // The fixed chrome: everything above the section's own content.
    const panel = (await page.getByRole('tabpanel').boundingBox())!;
    expect(panel.y, 'chrome height').toBeLessThanOrEqual(size.height / 4);
    expect(await rowsInView(page)).toBeGreaterThanOrEqual(size.rows);

    // Every section's button is inside the window, fully, and the buttons do not overlap.
    const tabs = page.getByRole('tab');
    await expect(tabs).toHaveCount(9);
    const tb = await boxes(tabs);
    for (const b of tb) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(size.width);
      expect(b.y + b.height).toBeLessThanOrEqual(size.height);
    }
    for (let i = 0; i < tb.length; i++) for (let j = i + 1; j < tb.length; j++) expect(overlap(tb[i], tb[j])).toBe(false);

    // The chrome's controls do not overlap each other.
    const chrome = await boxes(page.locator('.plan-head button:visible, .plan-head h2, .plan-head [data-testid="save-status"]'));
    for (let i = 0; i < chrome.length; i++) for (let j = i + 1; j < chrome.length; j++) {
      expect(overlap(chrome[i], chrome[j]), `chrome ${i} and ${j}`).toBe(false);
    }

    // One click on the last section opens it; the store is untouched by looking around.
    const before = (await fx.store()).appendix.groups.flatMap((g) => g.rows.map((r) => r.id));
    await tabs.last().click();
    await expect(tabs.last()).toHaveAttribute('aria-selected', 'true');
    await page.screenshot({ path: `test-results/shots/workspace-${size.width}x${size.height}-merge.png` });
    expect((await fx.store()).appendix.groups.flatMap((g) => g.rows.map((r) => r.id))).toEqual(before);
  });
}
