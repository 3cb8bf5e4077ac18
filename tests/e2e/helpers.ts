import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const SAMPLE_TITLE = 'Kế hoạch CCHC năm 2024 - tỉnh Bình Phước';

/** The session token the host injected into the page (the only way a page may call the API). */
export async function sessionToken(page: Page): Promise<string> {
  const token = await page.locator('meta[name="soan-token"]').getAttribute('content');
  expect(token, 'the host injects a soan-token meta').toBeTruthy();
  return token as string;
}

/** Calls the API as the renderer's HTTP client does, straight against the store. */
export async function callApi<T>(request: APIRequestContext, token: string, method: string, ...args: unknown[]): Promise<T> {
  const res = await request.post(`/api/${method}`, { headers: { 'x-soan-token': token }, data: args });
  const body = (await res.json()) as { result?: T; error?: string };
  expect(res.ok(), `${method}: ${body.error ?? ''}`).toBe(true);
  return body.result as T;
}

export function planRows(page: Page) {
  return page.getByTestId('plan-row');
}

/** Opens the first plan of the list with this title. */
export async function openPlan(page: Page, title = SAMPLE_TITLE): Promise<void> {
  await page.getByTestId('plans-table').getByRole('button', { name: title }).first().click();
  await expect(page.getByTestId('plan-title')).toHaveText(title);
}
