import { useEffect, useState } from 'react';
import type { Finding } from '../../../../../electron/core/api/contract';
import { api } from '../../../api';

export interface FindingsState {
  findings: Finding[] | null;
  error: unknown;
  running: boolean;
}

/**
 * The checker's findings for the plan, re-run whenever the plan changes (its revision) or the UI language
 * does (the messages come back in that language). A stale answer never overwrites a newer one.
 */
export function useFindings(planId: number, revision: number, lang: 'vi' | 'en'): FindingsState {
  const [state, setState] = useState<FindingsState>({ findings: null, error: null, running: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, running: true }));
    api.checkPlan(planId, lang).then(
      (findings) => live && setState({ findings, error: null, running: false }),
      (error: unknown) => live && setState((s) => ({ ...s, error, running: false })),
    );
    return () => {
      live = false;
    };
  }, [planId, revision, lang]);
  return state;
}
