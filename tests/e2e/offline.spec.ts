/**
 * Offline by construction: every request the page makes while working through the main flows — the plans list,
 * the sample opened, every tab, a field edited, DOCX/XLSX/JSON exported, the language switched — is recorded,
 * and any whose host is not the loopback address fails the test (data: and blob: URLs stay in the page).
 * Chromium itself runs with background networking, component updates and sync switched off (playwright.config.ts).
 */
import { expect, test, type Request } from '@playwright/test';
import { openPlan, planRows } from './helpers';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function staysOnMachine(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') && LOOPBACK.has(u.hostname);
}

test('no request leaves the machine while working through the main flows', async ({ page, context }) => {
  test.setTimeout(120_000);
  const seen: string[] = [];
  const record = (r: Request) => seen.push(`${r.method()} ${r.url()}`);
  page.on('request', record);
  context.on('request', record);
  page.on('websocket', (ws) => seen.push(`WS ${ws.url()}`));
  context.on('page', (p) => p !== page && seen.push(`POPUP ${p.url()}`));
  // Recorded above; here a stray request is also stopped, so a failure never actually reaches the network.
  await context.route('**/*', (route) => (staysOnMachine(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));

  // The plans list.
  await page.goto('/');
  await expect(planRows(page).first()).toBeVisible();

  // The sample, and every tab of it.
  await openPlan(page);
  const tabs = page.getByRole('tab');
  const tabCount = await tabs.count();
  expect(tabCount).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < tabCount; i++) {
    await tabs.nth(i).click();
    await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toBeVisible();
  }

  // A field edited: it reaches the store through the loopback API.
  await page.getByRole('tab').first().click();
  const proposal = page.locator('[data-path="decision.proposal"]');
  await expect(proposal).toBeVisible();
  const saved = page.waitForRequest((r) => r.url().endsWith('/api/editPlan') && r.method() === 'POST' && (JSON.parse(r.postData() ?? '[]') as unknown[])[1] === 'setField');
  await proposal.fill('Theo đề nghị của Giám đốc Sở Nội vụ (sửa khi kiểm tra ngoại tuyến).');
  await proposal.blur();
  await saved;

  // Each export, as a download.
  for (const format of ['DOCX', 'XLSX', 'JSON']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: format, exact: true }).click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`\\.${format.toLowerCase()}$`));
  }

  // The language, both ways, and back to the list.
  await page.getByRole('group', { name: 'Ngôn ngữ giao diện' }).getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('tab').first()).toHaveText(/Decision/);
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'VI' }).click();
  await expect(page.getByRole('tab').first()).toHaveText(/Quyết định/);
  await page.goto('/');
  await expect(planRows(page).first()).toBeVisible();

  const unique = [...new Set(seen)];
  const leaving = unique.filter((line) => !staysOnMachine(line.slice(line.indexOf(' ') + 1)));
  expect(leaving, `requests that left the machine:\n${leaving.join('\n')}`).toEqual([]);
  // The recorder saw the app at work: the page, its assets and the API calls of each flow.
  expect(unique.some((l) => /^GET http:\/\/127\.0\.0\.1:\d+\/$/.test(l))).toBe(true);
  expect(unique.some((l) => /\/assets\/.+\.js$/.test(l))).toBe(true);
  for (const method of ['listPlans', 'openPlan', 'editPlan', 'exportPlan']) {
    expect(unique.some((l) => l.startsWith('POST ') && l.endsWith(`/api/${method}`)), method).toBe(true);
  }
});

test('a remote URL put into the page is not fetched: the CSP stops it before the network', async ({ page, context }) => {
  const seen: string[] = [];
  const failed = new Map<string, string>();
  context.on('request', (r) => seen.push(r.url()));
  context.on('requestfailed', (r) => failed.set(r.url(), r.failure()?.errorText ?? ''));
  await context.route('**/*', (route) => (staysOnMachine(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (uri: string) => violations.push(uri));
  await page.goto('/');
  await expect(planRows(page).first()).toBeVisible();
  await page.evaluate(async () => {
    document.addEventListener('securitypolicyviolation', (e) => void (window as unknown as { __cspViolation(u: string): void }).__cspViolation(e.blockedURI));
    const img = document.createElement('img');
    img.src = 'https://example.com/pixel.png';
    document.body.append(img);
    const script = document.createElement('script');
    script.src = 'https://example.com/x.js';
    document.body.append(script);
    await fetch('https://example.com/api').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
  });
  // Chromium reports the attempts, each failed by the CSP inside the page, before any network access.
  const remote = [...new Set(seen.filter((u) => !staysOnMachine(u)))];
  for (const url of remote) expect(failed.get(url), url).toMatch(/csp|BLOCKED_BY_CSP/i);
  for (const url of ['https://example.com/pixel.png', 'https://example.com/x.js', 'https://example.com/api']) expect(violations, url).toContain(url);
});
