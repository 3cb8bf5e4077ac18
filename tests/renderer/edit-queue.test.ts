import { describe, expect, it, vi } from 'vitest';
import type { SoanApi } from '../../electron/core/api/contract';
import { PlanSession } from '../../renderer/src/state/plan-session';
import { commitPendingText, holdPendingText } from '../../renderer/src/state/pending-text';

// The real client reads the page's token at load; these tests pass their own API to the session.
vi.mock('../../renderer/src/api', () => ({ api: {} }));

/**
 * Edits travel through `editPlan` (the method's name and arguments; the answer carries what changed). The fakes
 * below implement the methods themselves; this gives them the `editPlan` the session calls, with a minimal delta.
 */
function withEditPlan(api: Record<string, unknown>): SoanApi {
  const call = (planId: number, method: string, args: unknown[]) => (api[method] as (...a: unknown[]) => Promise<unknown>)(planId, ...args);
  api.editPlan = async (planId: number, method: string, args: unknown[]) => ({
    value: await call(planId, method, args),
    delta: { previousRevision: 1, summary: { revision: 2 }, history: { undo: null, redo: null } },
  });
  return api as unknown as SoanApi;
}

/** A fake API: setField calls are recorded when sent and answered only when the test says so. */
function fakeApi() {
  const sent: string[] = [];
  const answers: Array<() => void> = [];
  const api = {
    setField: (_id: number, _field: string, value: string) => {
      sent.push(value);
      return new Promise<void>((resolve) => answers.push(resolve));
    },
    openPlan: async () => ({ pkg: {}, summary: { revision: 1 } }),
    historyState: async () => ({ undo: null, redo: null }),
  };
  return { api: withEditPlan(api), sent, answerAll: () => answers.splice(0).forEach((a) => a()) };
}

describe('the edit queue', () => {
  it('sends edits one after another, each after the previous answer', async () => {
    const { api, sent, answerAll } = fakeApi();
    const s = new PlanSession(1, api);
    void s.edit('setField', 'a', '1');
    void s.edit('setField', 'a', '2');
    await Promise.resolve();
    await Promise.resolve();
    expect(sent).toEqual(['1']);
    answerAll();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual(['1', '2']);
  });

  it('flushNow sends every queued edit at once, in order, and each only once', async () => {
    const { api, sent, answerAll } = fakeApi();
    const s = new PlanSession(1, api);
    void s.edit('setField', 'a', '1');
    void s.edit('setField', 'a', '2');
    void s.edit('setField', 'b', '3');
    await Promise.resolve();
    const done = s.flushNow();
    expect(sent).toEqual(['1', '2', '3']);
    answerAll();
    await new Promise((r) => setTimeout(r, 0));
    answerAll();
    await done;
    expect(sent).toEqual(['1', '2', '3']);
  });
});

describe('pending text', () => {
  it('commits every field holding typed text once', () => {
    const got: string[] = [];
    holdPendingText(() => got.push('a'));
    const release = holdPendingText(() => got.push('b'));
    release();
    expect(commitPendingText()).toBe(1);
    expect(commitPendingText()).toBe(0);
    expect(got).toEqual(['a']);
  });
});

describe('the undo trail', () => {
  it('names what the next undo and redo change, and forgets refused edits', async () => {
    const sent: unknown[] = [];
    const api = {
      setField: async (_id: number, field: string, value: string) => {
        if (value === 'refuse') throw new Error('disk full');
        sent.push([field, value]);
      },
      undo: async () => 'setField',
      redo: async () => 'setField',
      openPlan: async () => ({ pkg: {}, summary: { revision: 1 } }),
      historyState: async () => ({ undo: null, redo: null }),
    };
    const s = new PlanSession(1, withEditPlan(api));
    await s.edit('setField', 'decision.summary', 'một');
    await s.edit('setField', 'issuer.place', 'refuse').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(s.nextUndo()).toEqual({ method: 'setField', args: ['decision.summary', 'một'] });
    await s.undo();
    expect(s.nextUndo()).toBeNull();
    expect(s.nextRedo()).toEqual({ method: 'setField', args: ['decision.summary', 'một'] });
    await s.redo();
    expect(s.nextRedo()).toBeNull();
  });
});
