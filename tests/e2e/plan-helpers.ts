/**
 * Helpers of the body editor and preview tests: each test works on its own copy of the sample (created
 * through the API), and checks what the store holds through the same API (openPlan).
 */
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { OpenedPlan, PlanSummary } from '../../electron/core/api/contract';
import type { BodyNode } from '../../electron/core/model/types';
import { callApi, sessionToken } from './helpers';

export interface Fresh {
  id: number;
  token: string;
}

/** A new plan from the sample, opened on a section of the editor. */
export async function freshPlan(page: Page, request: APIRequestContext, section = 'body'): Promise<Fresh> {
  await page.goto('/');
  const token = await sessionToken(page);
  const plan = await callApi<PlanSummary>(request, token, 'createPlan', 'sample');
  await page.goto(`/#/plans/${plan.id}/${section}`);
  await expect(page.getByTestId('plan-title')).toBeVisible();
  return { id: plan.id, token };
}

/** The plan as the store holds it now. */
export async function stored(request: APIRequestContext, fresh: Fresh): Promise<OpenedPlan> {
  const res = await request.post('/api/openPlan', { data: [fresh.id], headers: { 'x-soan-token': fresh.token } });
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { result: OpenedPlan }).result;
}

export async function storedBody(request: APIRequestContext, fresh: Fresh): Promise<BodyNode[]> {
  return (await stored(request, fresh)).pkg.plan.body;
}

/** `plan.body[8].children[0]` → that node of a body. */
export function nodeAt(body: readonly BodyNode[], path: string): BodyNode {
  const steps = [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  let list = body;
  let node: BodyNode | undefined;
  for (const i of steps) {
    node = list[i];
    if (!node) throw new Error(`no node at ${path}`);
    list = node.children;
  }
  return node as BodyNode;
}

/** The editor's row of a node (by exchange path) and its text fields. */
export function row(page: Page, path: string): Locator {
  return page.getByTestId('body-editor').locator(`[data-path="${path}"]`);
}

export function field(page: Page, path: string, run = 0): Locator {
  return row(page, path).locator('.body-field').nth(run);
}

/** The data-path of the element that has the focus (or of its closest ancestor that has one). */
export function focusedPath(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-path]')?.dataset.path ?? null);
}

/** Labels shown before the children of a node (by store id). */
export function childLabels(page: Page, nodeId: number): Promise<string[]> {
  return page.locator(`[data-node-id="${nodeId}"] > ol > li > .body-row > .body-label`).allTextContents();
}
