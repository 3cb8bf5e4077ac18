/**
 * The appendix editor with a 2,000-row plan in Debian's Chromium: time to the first rows, keystroke to the
 * next frame in a cell editor, and frame time while scrolling. Figures only, never asserted; needs the
 * built renderer (`npx electron-vite build`), otherwise it says so and skips.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { startHost } from '../../electron/core/host/http-host';
import { openStore } from '../../electron/core/store/open';
import { insertPackage } from '../../electron/core/store/plans';
import { largePlan } from '../fixtures/large-plan';
import type { Report } from './bench';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const staticDir = join(repoRoot, 'out/renderer');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export default async function editorBench(report: Report): Promise<void> {
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.log('editor bench skipped: build the renderer first (npx electron-vite build)');
    return;
  }
  if (!existsSync('/usr/bin/chromium')) {
    console.log('editor bench skipped: /usr/bin/chromium not found');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'soan-editor-bench-'));
  const file = join(dir, 'bench.sqlite');
  const db = openStore(file);
  const planId = insertPackage(db, largePlan(2000));
  const api = createService(db, { info: { version: 'bench', dataFile: file, shell: 'browser' }, deliver: deliverAsDownload });
  const host = await startHost({ api, staticDir, port: 0 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // Marks the moment the grid first shows rows, from navigation start (performance.now()'s origin).
    // A string, not a function: tsx would wrap a named inner function in a helper the page does not have.
    // Checked every frame: the first frame that paints a row is when the drafter sees the grid.
    await page.addInitScript(`(() => {
      const check = () => {
        if (document.querySelector('[data-testid="appendix-row"]')) {
          window.__firstRows = performance.now();
          performance.mark('grid-first-rows');
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })();`);
    const url = `${host.url.replace(/\/$/, '')}/#/plans/${planId}/appendix`;
    const opens: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(i === 0 ? url : 'about:blank');
      if (i > 0) await page.goto(url);
      await page.waitForSelector('[data-testid="appendix-row"]', { timeout: 30_000 });
      await page.waitForTimeout(50); // let the page's own frame check record the moment
      opens.push(await page.evaluate(() => (window as unknown as { __firstRows: number }).__firstRows));
    }
    report('editor.open.2000rows', median(opens), 'ms');
    const rows = await page.getByTestId('appendix-row').count();
    console.log(`  (rows in the DOM with 2000 in the plan: ${rows})`);

    // Keystrokes to the painted frame: key event → the next animation frame → a task after it (the
    // frame has been painted by then). Measured in the page, in a grid cell editor and a Decision field.
    const measureKeys = async (label: string) => {
      await page.evaluate(() => {
        const w = window as unknown as { __keys: number[]; __keyHook?: boolean };
        w.__keys = [];
        if (w.__keyHook) return;
        w.__keyHook = true;
        document.addEventListener('keydown', (e) => {
          const t0 = e.timeStamp;
          requestAnimationFrame(() => setTimeout(() => w.__keys.push(performance.now() - t0), 0));
        }, true);
      });
      for (let i = 0; i < 40; i++) {
        await page.keyboard.type(i % 7 === 6 ? ' ' : 'ă');
        await page.waitForTimeout(30);
      }
      await page.waitForTimeout(100);
      const keys = (await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys)).slice(-40);
      const sorted = [...keys].sort((a, b) => a - b);
      report(`${label}.median`, median(keys), 'ms');
      report(`${label}.p95`, sorted[Math.floor(sorted.length * 0.95)], 'ms');
    };
    await page.getByRole('gridcell', { name: 'Dòng 3 — Ghi chú', exact: true }).click();
    await page.keyboard.press('Enter');
    await page.waitForSelector('textarea.ax-cell-input');
    await measureKeys('editor.keystroke.grid.2000rows');
    await page.keyboard.press('Escape');

    await page.goto(`${host.url.replace(/\/$/, '')}/#/plans/${planId}/decision`);
    const summary = page.locator('[data-path="decision.summary"]');
    await summary.waitFor({ timeout: 30_000 });
    await summary.click();
    await page.keyboard.press('End');
    await measureKeys('editor.keystroke.decision.2000rows');
    await page.goto(url);
    await page.waitForSelector('[data-testid="appendix-row"]', { timeout: 30_000 });

    // A scripted scroll through the grid: the median time between frames.
    const frames = await page.evaluate(async () => {
      const grid = document.querySelector<HTMLElement>('[data-testid="appendix-table"]')!;
      const out: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 150; i++) {
        grid.scrollTop += 240;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        out.push(now - last);
        last = now;
      }
      return out;
    });
    report('editor.scroll.2000rows', median(frames), 'ms');
    const sorted = [...frames].sort((a, b) => a - b);
    console.log(`  (scroll frames: p95 ${sorted[Math.floor(sorted.length * 0.95)].toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms)`);
  } finally {
    await browser.close();
    await host.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
