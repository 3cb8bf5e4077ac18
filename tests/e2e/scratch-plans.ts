/**
 * Plans a spec makes for itself (copies of the sample, rollovers, restored versions) and removes again, so
 * that specs running later on the same host (first-screen expects one plan) find the store as it was.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import type { OpenedPlan, PlanSummary } from '../../electron/core/api/contract';
import { callApi, sessionToken } from './helpers';

export class Scratch {
  private ids = new Set<number>();
  token = '';

  constructor(private readonly request: APIRequestContext) {}

  async start(page: Page): Promise<void> {
    await page.goto('/');
    this.token = await sessionToken(page);
  }

  call<T>(method: string, ...args: unknown[]): Promise<T> {
    return callApi<T>(this.request, this.token, method, ...args);
  }

  /** A fresh copy of the bundled sample, removed at the end. */
  async sample(): Promise<PlanSummary> {
    return this.keep(await this.call<PlanSummary>('createPlan', 'sample'));
  }

  keep(plan: PlanSummary): PlanSummary {
    this.ids.add(plan.id);
    return plan;
  }

  open(planId: number): Promise<OpenedPlan> {
    return this.call<OpenedPlan>('openPlan', planId);
  }

  /** Trashes and purges every plan this spec made, plus any listed plan not in `before` (made by the UI). */
  async cleanUp(before: readonly number[]): Promise<void> {
    const now = await this.call<PlanSummary[]>('listPlans');
    for (const p of now) if (!before.includes(p.id)) this.ids.add(p.id);
    for (const id of this.ids) {
      await this.call('trashPlan', id).catch(() => undefined);
      await this.call('purgePlan', id).catch(() => undefined);
    }
    this.ids.clear();
  }
}
