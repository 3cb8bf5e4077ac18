import type { PlanSession } from '../../../state/plan-session';

/**
 * Sends one field to the store. A refused edit is already shown by PlanView (the session keeps the error), so
 * the returned promise's rejection is only swallowed here, not lost.
 */
export function commitField(session: PlanSession, field: string, value: string | null): Promise<void> {
  return session.edit('setField', field, value).catch(() => undefined);
}

/** Runs any edit of the session the same way: the session reports failures, callers just wait. */
export function quietly(p: Promise<unknown>): Promise<void> {
  return p.then(
    () => undefined,
    () => undefined,
  );
}
