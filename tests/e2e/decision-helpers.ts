/** Helpers of the plans-list and Decision-form tests: a plan of one's own, and what the store holds. */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { OpenedPlan, PlanSummary } from '../../electron/core/api/contract';
import type { PlanPackage } from '../../electron/core/model/types';
import { callApi, sessionToken } from './helpers';

/** A fresh copy of the sample, so a test never depends on what another test edited. */
export async function newSamplePlan(page: Page, request: APIRequestContext): Promise<{ token: string; id: number }> {
  if (!page.url().startsWith('http')) await page.goto('/');
  const token = await sessionToken(page);
  const plan = await callApi<PlanSummary>(request, token, 'createPlan', 'sample');
  return { token, id: plan.id };
}

/** The package as the store holds it now. */
export async function storedPkg(request: APIRequestContext, token: string, id: number): Promise<PlanPackage> {
  return (await callApi<OpenedPlan>(request, token, 'openPlan', id)).pkg;
}

/** Opens a plan's Decision form straight from its address. */
export async function openDecision(page: Page, id: number): Promise<void> {
  await page.goto(`/#/plans/${id}/decision`);
  await expect(page.getByTestId('decision-view')).toBeVisible();
}

/** Polls the store until `read` gives `expected` (edits are queued, saved, then the plan reloads). */
export async function expectStored<T>(request: APIRequestContext, token: string, id: number, read: (pkg: PlanPackage) => T, expected: T): Promise<void> {
  await expect.poll(async () => read(await storedPkg(request, token, id)), { timeout: 10_000 }).toEqual(expected);
}

/** The control editing an exchange-file path. */
export function field(page: Page, path: string) {
  return page.locator(`[data-path="${path}"]`);
}

/** Waits for the saved mark, i.e. the edit queue drained and the plan reloaded. */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

/** Nothing of the page is wider than the window: no horizontal scroll of the page or its main panels. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const sel of ['.app-main', '.tab-panel']) {
      const el = document.querySelector(sel);
      if (el && el.scrollWidth > el.clientWidth + 1) out.push(`${sel} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return out;
  });
  expect(overflow).toEqual([]);
}
