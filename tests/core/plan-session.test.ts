/**
 * The renderer's PlanSession over the real service: an edit patches the open plan from its answer (no
 * second openPlan), undo goes the same way, another writer's edit makes the next answer not fit and the
 * plan reloads, and the poll asks for the revision only (never the list of plans).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import type { SoanApi } from '../../electron/core/api/contract';
import { insertPackage, loadPlan } from '../../electron/core/store/plans';
import type { Db } from '../../electron/core/store/open';
import { largePlan } from '../fixtures/large-plan';
import { removeTempDirs, tempStore } from './helpers';

let db: Db;
let planId: number;
const calls: string[] = [];
let api: SoanApi;

beforeAll(() => {
  db = tempStore().db;
  planId = insertPackage(db, largePlan(300));
  const real = createService(db, { info: { version: 'test', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
  // Every call the session makes is counted by name.
  api = new Proxy(real, {
    get: (target, name: string) => (...args: unknown[]) => {
      calls.push(name);
      return (target[name as keyof SoanApi] as (...a: unknown[]) => Promise<unknown>)(...args);
    },
  });
  // The session module picks its default API from `window` at import; the tests pass their own.
  (globalThis as { window?: unknown }).window = { soan: real };
});
afterAll(() => {
  db.close();
  removeTempDirs();
});

describe('PlanSession', () => {
  it('patches, undoes, reloads only when another writer got in between, and polls the revision', async () => {
    const { PlanSession } = await import('../../renderer/src/state/plan-session');
    const session = new PlanSession(planId, api);
    await session.load();
    const rowId = session.getState().opened!.pkg.appendix.groups[2].rows[10].id!;
    const untouched = session.getState().opened!.pkg.appendix.groups[0];
    calls.length = 0;

    await session.edit('setCell', rowId, 'task', 'Sửa trong phiên');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['editPlan']);
    const state = session.getState();
    expect(state.status).toBe('saved');
    expect(state.opened!.pkg.appendix.groups[2].rows[10].cells.task).toBe('Sửa trong phiên');
    expect(state.opened!.pkg.appendix.groups[0]).toBe(untouched);
    expect(state.opened).toEqual(loadPlan(db, planId));
    expect(state.history.undo).toBe('setCell');

    calls.length = 0;
    expect(await session.undo()).toBe('setCell');
    expect(calls).toEqual(['editPlan']);
    expect(session.getState().opened).toEqual(loadPlan(db, planId));
    expect(session.getState().history.redo).toBe('setCell');

    // Another window writes: the next edit's answer starts from a revision this session never saw.
    await api.setCell(planId, rowId, 'note', 'Cửa sổ khác');
    calls.length = 0;
    await session.edit('setCell', rowId, 'task', 'Lại của tôi');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['editPlan', 'openPlan', 'historyState']);
    expect(session.getState().opened).toEqual(loadPlan(db, planId));
    expect(session.getState().opened!.pkg.appendix.groups[2].rows[10].cells.note).toBe('Cửa sổ khác');

    // The poll: one number; a change elsewhere reloads and says so.
    await api.setCell(planId, rowId, 'note', 'Lần nữa');
    calls.length = 0;
    await (session as unknown as { checkElsewhere(): Promise<void> }).checkElsewhere();
    expect(calls).toEqual(['planRevision', 'openPlan', 'historyState']);
    expect(session.getState().changedElsewhere).toBe(true);
    expect(session.getState().opened).toEqual(loadPlan(db, planId));
    calls.length = 0;
    await (session as unknown as { checkElsewhere(): Promise<void> }).checkElsewhere();
    expect(calls).toEqual(['planRevision']);
  });
});
