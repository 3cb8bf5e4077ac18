/**
 * Helpers of the editor's end-to-end tests (appendix grid, agency directory, find and replace). Each test
 * works on its own copy of the sample, made through the API, and checks what the store holds through it.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { OpenedPlan, PlanSummary } from '../../electron/core/api/contract';
import type { PlanPackage } from '../../electron/core/model/types';
import { callApi, sessionToken } from './helpers';

export interface Fixture {
  token: string;
  planId: number;
  /** The plan as the store holds it now. */
  store(): Promise<PlanPackage>;
  call<T>(method: string, ...args: unknown[]): Promise<T>;
}

// Each test's copy is purged afterwards, so files that expect the store as a first start leaves it still see it.
const created: Array<{ token: string; id: number }> = [];
test.afterEach(async ({ request }) => {
  for (const c of created.splice(0)) {
    await request.post('/api/trashPlan', { data: [c.id], headers: { 'x-soan-token': c.token } });
    await request.post('/api/purgePlan', { data: [c.id], headers: { 'x-soan-token': c.token } });
  }
});

/** A fresh copy of the sample, opened at one section of the editor. */
export async function freshPlan(page: Page, request: APIRequestContext, section = 'appendix'): Promise<Fixture> {
  await page.goto('/');
  const token = await sessionToken(page);
  const plan = await callApi<PlanSummary>(request, token, 'createPlan', 'sample');
  created.push({ token, id: plan.id });
  const call = <T>(method: string, ...args: unknown[]) => callApi<T>(request, token, method, ...args);
  const fx: Fixture = {
    token,
    planId: plan.id,
    // The very request the brief names: openPlan over HTTP with this run's token.
    store: async () => {
      const res = await page.request.post('/api/openPlan', { data: [plan.id], headers: { 'x-soan-token': token } });
      expect(res.ok()).toBe(true);
      return ((await res.json()) as { result: OpenedPlan }).result.pkg;
    },
    call,
  };
  await page.goto(`/#/plans/${plan.id}/${section}`);
  await expect(page.getByTestId('plan-title')).toBeVisible();
  return fx;
}

/** A grid cell by its accessible name: "Dòng 12 — Cơ quan chủ trì". */
export function gridCell(page: Page, number: number, caption: string) {
  return page.getByRole('gridcell', { name: `Dòng ${number} — ${caption}`, exact: true });
}

/** The editor field of a cell once it is open. */
export function cellEditor(page: Page, number: number, caption: string) {
  return page.getByRole('textbox', { name: `Dòng ${number} — ${caption}`, exact: true });
}

/** Row numbers (STT) on screen, top to bottom. */
export async function numbersOnScreen(page: Page): Promise<number[]> {
  return page.getByTestId('appendix-row').evaluateAll((rows) =>
    rows
      .map((r) => ({ top: parseFloat((r as HTMLElement).style.top), n: Number(r.querySelector('[data-testid="row-number"]')?.textContent) }))
      .sort((a, b) => a.top - b.top)
      .map((x) => x.n),
  );
}

export function expectContinuous(numbers: number[]): void {
  expect(numbers.length).toBeGreaterThan(3);
  numbers.forEach((n, i) => expect(n).toBe(numbers[0] + i));
}

/** Puts text on the system clipboard (Chromium, with the permission granted) for a real Ctrl+V. */
export async function setClipboard(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
}
