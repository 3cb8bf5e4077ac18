/**
 * One opened plan in the UI: its last loaded state, a queue of edits sent to the store in order, the
 * "saving / saved" mark, undo and redo, and notice of edits made by another window.
 *
 * Every edit goes to the store at once (no Save button). Edits run one after another, so a fast typist's
 * commits land in the order they were made. Each edit answers with what it changed (`editPlan`), and the
 * copy here is patched with that (applyDelta); the whole plan is fetched again only when the revision jumped
 * (another window or the CLI wrote), a delta asks for it, or an edit failed.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { EditReply, HistoryState, OpenedPlan, PlanDelta, PlanEditMethod, SoanApi } from '../../../electron/core/api/contract';
import { api as defaultApi } from '../api';
import { applyDelta } from './apply-delta';
import type { SentEdit } from './edit-trail';
import { commitPendingText } from './pending-text';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface PlanSessionState {
  opened: OpenedPlan | null;
  status: SaveStatus;
  /** The last error, for the one clear message; cleared by the next successful edit. */
  error: unknown;
  history: HistoryState;
  /** Set when another window changed the plan and we reloaded it. */
  changedElsewhere: boolean;
  loadError: unknown;
  /**
   * Edits the store refused (a full or read-only disk, a file locked by another program): kept here, in
   * order, until they can be written — "Thử lưu lại" sends them again; nothing typed is lost meanwhile.
   */
  unsaved: number;
}

/** Methods of the API that change a plan and take its id first (run through `editPlan`). */
type EditMethod = PlanEditMethod;

const POLL_MS = 2000;

export class PlanSession {
  private state: PlanSessionState = {
    opened: null, status: 'idle', error: null, history: { undo: null, redo: null }, changedElsewhere: false, loadError: null, unsaved: 0,
  };
  private failed: Array<{ method: EditMethod; args: unknown[] }> = [];
  private listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Edits queued and not yet sent; flushNow() sends them at once when the page is going away. */
  private waiting = new Set<{ start: () => Promise<unknown> }>();
  /** This window's edits, newest last, beside the store's history: what the next undo and redo change. */
  private undoTrail: SentEdit[] = [];
  private redoTrail: SentEdit[] = [];
  private pending = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Set when a delta could not be applied: the plan is fetched whole once the queue drains. */
  private reloadWhenDrained = false;

  constructor(readonly planId: number, private readonly api: SoanApi = defaultApi) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): PlanSessionState => this.state;

  private set(patch: Partial<PlanSessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  async load(): Promise<void> {
    try {
      const [opened, history] = await Promise.all([this.api.openPlan(this.planId), this.api.historyState(this.planId)]);
      this.set({ opened, history, loadError: null });
    } catch (e) {
      this.set({ loadError: e });
    }
  }

  /** Sends one edit to the store (after those already queued) and reloads the plan when the queue is empty. */
  edit<K extends EditMethod>(method: K, ...args: DropFirst<Parameters<SoanApi[K]>>): Promise<Awaited<ReturnType<SoanApi[K]>>> {
    this.pending++;
    this.set({ status: 'saving' });
    const editPlan = this.api.editPlan as unknown as (planId: number, m: K, a: unknown[]) => Promise<EditReply<Awaited<ReturnType<SoanApi[K]>>>>;
    // Sent when its turn comes in the queue, or at once by flushNow() when the page is going away.
    const send = () =>
      editPlan(this.planId, method, args).then((reply) => {
        this.patch(reply.delta);
        return reply.value;
      });
    let sent: Promise<Awaited<ReturnType<SoanApi[K]>>> | null = null;
    const job = { start: () => (sent ??= send()) };
    this.waiting.add(job);
    const sentEdit: SentEdit = { method, args };
    this.undoTrail.push(sentEdit);
    this.redoTrail = [];
    const run = this.queue.then(() => {
      this.waiting.delete(job);
      return job.start();
    });
    this.queue = run.then(
      () => this.settle(null),
      (e: unknown) => {
        // Refused: not in the store's history either.
        this.undoTrail = this.undoTrail.filter((x) => x !== sentEdit);
        this.failed.push({ method, args });
        this.set({ unsaved: this.failed.length });
        return this.settle(e);
      },
    );
    return run;
  }

  /**
   * The page is going away (reload, close): sends every queued edit now, in order, without waiting for
   * the answers of those before it; the store applies them in the order they arrive. Resolves when all
   * queued edits are answered (the desktop window waits for it before closing).
   */
  flushNow(): Promise<unknown> {
    for (const job of [...this.waiting]) job.start();
    this.waiting.clear();
    return this.queue;
  }

  /** Sends the refused edits again, in their order; those refused again stay kept. */
  async retryUnsaved(): Promise<void> {
    const again = this.failed.splice(0);
    this.set({ unsaved: 0, error: null });
    for (const { method, args } of again) {
      (this.edit as (m: EditMethod, ...a: unknown[]) => Promise<unknown>)(method, ...args).catch(() => undefined);
    }
    await this.queue;
  }

  /** Gives up the refused edits (the drafter chose to). */
  discardUnsaved(): void {
    this.failed = [];
    this.set({ unsaved: 0 });
  }

  /** Applies what an edit changed; a delta that does not fit (the revision jumped) makes the plan reload. */
  private patch(delta: PlanDelta): void {
    const opened = this.state.opened;
    const next = opened ? applyDelta(opened, delta) : null;
    if (next) this.set({ opened: next, history: delta.history });
    else this.reloadWhenDrained = true;
  }

  private async settle(error: unknown): Promise<void> {
    this.pending--;
    if (error) {
      this.set({ error, status: 'error' });
      this.reloadWhenDrained = true;
    }
    if (this.pending > 0) return;
    if (this.reloadWhenDrained) {
      this.reloadWhenDrained = false;
      await this.load();
    }
    if (!error) this.set({ status: 'saved', error: null });
  }

  /** The edit the next undo (or redo) reverts, when this window made it; null otherwise. */
  nextUndo(): SentEdit | null {
    return this.undoTrail.at(-1) ?? null;
  }

  nextRedo(): SentEdit | null {
    return this.redoTrail.at(-1) ?? null;
  }

  /** Undo or redo the plan's last edit (any kind, across groups and the directory): the same path as an edit. */
  async undo(): Promise<string | null> {
    return this.replay('undo');
  }

  async redo(): Promise<string | null> {
    return this.replay('redo');
  }

  private async replay(method: 'undo' | 'redo'): Promise<string | null> {
    await this.queue;
    const reply = await this.api.editPlan(this.planId, method, []);
    if (reply.value !== null) {
      // This window's trail follows the store's history: what was undone can be redone, and back.
      const [from, to] = method === 'undo' ? [this.undoTrail, this.redoTrail] : [this.redoTrail, this.undoTrail];
      const done = from.pop();
      if (done) to.push(done);
    }
    this.patch(reply.delta);
    if (this.reloadWhenDrained && this.pending === 0) {
      this.reloadWhenDrained = false;
      await this.load();
    }
    return reply.value;
  }

  dismissError(): void {
    this.set({ error: null, status: this.state.status === 'error' ? 'idle' : this.state.status });
  }

  /** Watches the plan's revision: another window's edit reloads this one instead of being overwritten. */
  start(): void {
    void this.load();
    this.timer = setInterval(() => void this.checkElsewhere(), POLL_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async checkElsewhere(): Promise<void> {
    const known = this.state.opened?.summary.revision;
    if (known === undefined || this.pending > 0) return;
    try {
      // One cheap question (a number), not the list of plans.
      const now = await this.api.planRevision(this.planId);
      if (now !== known && this.pending === 0 && this.state.opened?.summary.revision === known) {
        await this.load();
        // Another window's edits interleave with ours in the store's history: our trail no longer names it.
        this.undoTrail = [];
        this.redoTrail = [];
        this.set({ changedElsewhere: true });
      }
    } catch {
      // A missed poll is harmless; the next one will tell.
    }
  }
}

type DropFirst<T extends unknown[]> = T extends [unknown, ...infer R] ? R : never;

/**
 * Commits every field's typed text and sends every queued edit now; resolves when the store has them.
 * The desktop shell calls it (window.soanFlushEdits) before it closes the window.
 */
export function flushEdits(session: PlanSession): Promise<unknown> {
  commitPendingText();
  return session.flushNow();
}

declare global {
  interface Window {
    /** Set while a plan is open: main awaits it before closing the window (electron/main/flush-on-close.ts). */
    soanFlushEdits?: () => Promise<boolean>;
  }
}

/** The session of the opened plan, started on mount and stopped on unmount. */
export function usePlanSession(planId: number): [PlanSessionState, PlanSession] {
  const session = useMemo(() => new PlanSession(planId), [planId]);
  useEffect(() => {
    session.start();
    // Nothing typed is lost when the page goes away: commit and send at once (the browser keeps
    // keepalive requests going after the page is gone).
    const flush = () => void flushEdits(session);
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onHidden);
    window.soanFlushEdits = () => flushEdits(session).then(() => true, () => false);
    return () => {
      // Leaving the plan (back to the list): what is typed goes to the store first.
      flush();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onHidden);
      delete window.soanFlushEdits;
      session.stop();
    };
  }, [session]);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return [state, session];
}
