/**
 * The appendix editor with a 2,000-row plan in Debian's Chromium: time to the first rows, keystroke to the
 * painted frame in a cell editor, and scroll step to the painted frame that shows the rows of the new
 * position. "Painted": the next animation frame's callback runs before style, layout and paint, so the time
 * is taken in a task posted from it (MessageChannel), which runs once that frame has been produced. Median
 * and p95 of each, with the renderer's main-thread work (Chromium's task times, and CPU time from a trace,
 * which leaves out waiting for a CPU on a shared machine). Figures only, never asserted; needs the built
 * renderer (`npx electron-vite build`), otherwise it says so and skips.
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

import { median, p95 } from './process.bench';

/**
 * CPU time of the renderer's main thread in a Chromium trace (the thread time of its top-level tasks), in
 * ms: unlike the tasks' wall time it leaves out the turns other processes take on a shared machine.
 */
function mainThreadCpu(trace: Buffer): number {
  const events = (JSON.parse(trace.toString()) as { traceEvents: Array<{ name: string; ph: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }> }).traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let us = 0;
  for (const e of events) if (e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}:${e.tid}`)) us += e.tdur ?? 0;
  return us / 1000;
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
    report('editor.open.2000rows.median', median(opens), 'ms');
    report('editor.open.2000rows.p95', p95(opens), 'ms');
    const rows = await page.getByTestId('appendix-row').count();
    console.log(`  (rows in the DOM with 2000 in the plan: ${rows})`);

    // Keystrokes to the painted frame: key event → the next animation frame → a task after it (the
    // frame has been painted by then). Measured in the page, in a grid cell editor and a Decision field.
    const measureKeys = async (label: string) => {
      // A string, not a function: tsx would wrap the named helper in a __name() call the page does not have.
      await page.evaluate(`(() => {
        window.__keys = [];
        window.__waits = [];
        if (window.__keyHook) return;
        window.__keyHook = true;
        // From the key event to the frame that shows it: a task posted from the next animation frame runs once
        // that frame has been produced (MessageChannel, not setTimeout's clamped delay). One figure per typed
        // character, from its first event: a key on the keyboard's layout starts with keydown; a character the
        // layout lacks ('ă', as an input method delivers it) arrives as insertText with no keydown, so beforeinput
        // starts that one (measuring keydown alone counted only the spaces: 5 figures in 40).
        const channel = new MessageChannel();
        const starts = [];
        let open = false;
        channel.port1.onmessage = () => window.__keys.push(performance.now() - starts.shift());
        // Apart: the wait from the key to the start of the next frame (the frame clock's phase, up to one
        // frame interval, 16.7 ms at 60 Hz, plus the key's own handling), which no work in the page shortens.
        const start = (e) => {
          if (open) return;
          open = true;
          starts.push(e.timeStamp);
          requestAnimationFrame(() => {
            open = false;
            // Now, not the callback's argument: that is the frame's begin time, which can precede the key.
            window.__waits.push(performance.now() - e.timeStamp);
            channel.port2.postMessage(0);
          });
        };
        document.addEventListener('keydown', start, true);
        document.addEventListener('beforeinput', start, true);
      })()`);
      // The renderer's own main-thread work per keystroke (Chromium's task, script, style and layout time), which
      // the painted figures hold together with waiting for a CPU on a shared machine.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')).metrics as Array<{ name: string; value: number }>).map((m) => [m.name, m.value]));
      await browser.startTracing(page, { categories: ['toplevel'] });
      const before = await metrics();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.type(i % 7 === 6 ? ' ' : 'ă');
        await page.waitForTimeout(30);
      }
      await page.waitForTimeout(100);
      const after = await metrics();
      const cpu = mainThreadCpu(await browser.stopTracing());
      await cdp.detach();
      const perKey = (name: string) => ((after[name] - before[name]) * 1000) / 40;
      report(`${label}.main-thread.task-per-key`, perKey('TaskDuration'), 'ms');
      report(`${label}.main-thread.cpu-per-key`, cpu / 40, 'ms');
      report(`${label}.main-thread.script-per-key`, perKey('ScriptDuration'), 'ms');
      report(`${label}.main-thread.layout-style-per-key`, perKey('LayoutDuration') + perKey('RecalcStyleDuration'), 'ms');
      const keys = (await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys)).slice(-40);
      if (keys.length < 40) console.log(`  (${label}: ${keys.length} of 40 keystrokes measured)`);
      report(`${label}.painted.median`, median(keys), 'ms');
      report(`${label}.painted.p95`, p95(keys), 'ms');
      const waits = (await page.evaluate(() => (window as unknown as { __waits: number[] }).__waits)).slice(-40);
      report(`${label}.wait-for-frame.median`, median(waits), 'ms');
      report(`${label}.wait-for-frame.p95`, p95(waits), 'ms');
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

    // A scripted scroll through the grid, 240 px a step (a wheel notch or two), then a view's height a step
    // (PageDown, a drag of the scroll bar): from the scroll to the painted frame that shows the rows of the new
    // position. The renderer's own main-thread work per step (Chromium's task, script and layout time, and
    // the main thread's CPU time from a trace), apart from waiting for a CPU: on a shared machine the frame
    // times also hold other processes' turns.
    const measureScroll = async (label: string, step: number, steps: number) => {
      await page.evaluate(`document.querySelector('[data-testid="appendix-table"]').scrollTop = 0`);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')).metrics as Array<{ name: string; value: number }>).map((m) => [m.name, m.value]));
      await browser.startTracing(page, { categories: ['toplevel'] });
      const before = await metrics();
      // A string, not a function: tsx would wrap the named helper in a __name() call the page does not have.
      const scrolled = (await page.evaluate(`(async () => {
        const grid = document.querySelector('[data-testid="appendix-table"]');
        const channel = new MessageChannel();
        const painted = () => new Promise((resolve) => {
          channel.port1.onmessage = () => resolve(performance.now());
          requestAnimationFrame(() => channel.port2.postMessage(0));
        });
        // Whether the rows in the DOM cover the view below the sticky header at the scroller's position (read
        // from the rows' inline top and height, so the check forces no layout): a frame that shows the new
        // position with the old rows (a blank band) is not the frame the drafter waits for.
        const head = grid.querySelector('.ax-head').offsetHeight;
        const covered = () => {
          const top = grid.scrollTop;
          const bottom = Math.min(top + grid.clientHeight, grid.scrollHeight) - head;
          let lo = Infinity;
          let hi = -Infinity;
          for (const row of grid.querySelectorAll('.ax-row')) {
            const y = parseFloat(row.style.top);
            lo = Math.min(lo, y);
            hi = Math.max(hi, y + parseFloat(row.style.height));
          }
          return lo <= top && hi >= bottom;
        };
        await painted();
        const out = [];
        let late = 0;
        for (let i = 0; i < ${steps}; i++) {
          const t0 = performance.now();
          grid.scrollTop += ${step};
          let t = await painted();
          for (let n = 0; n < 10 && !covered(); n++) {
            late++;
            t = await painted();
          }
          out.push(t - t0);
        }
        return { out, late };
      })()`)) as { out: number[]; late: number };
      const after = await metrics();
      const cpu = mainThreadCpu(await browser.stopTracing());
      await cdp.detach();
      const frames = scrolled.out;
      const perStep = (name: string) => ((after[name] - before[name]) * 1000) / frames.length;
      report(`${label}.main-thread.task-per-step`, perStep('TaskDuration'), 'ms');
      report(`${label}.main-thread.cpu-per-step`, cpu / frames.length, 'ms');
      report(`${label}.main-thread.script-per-step`, perStep('ScriptDuration'), 'ms');
      report(`${label}.main-thread.layout-style-per-step`, perStep('LayoutDuration') + perStep('RecalcStyleDuration'), 'ms');
      report(`${label}.painted.median`, median(frames), 'ms');
      report(`${label}.painted.p95`, p95(frames), 'ms');
      console.log(`  (${label}: max ${Math.max(...frames).toFixed(1)} ms; steps whose first painted frame showed a blank band: ${scrolled.late} of ${frames.length})`);
    };
    await measureScroll('editor.scroll.2000rows', 240, 150);
    await measureScroll('editor.scroll.page.2000rows', 640, 60);
  } finally {
    await browser.close();
    await host.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
