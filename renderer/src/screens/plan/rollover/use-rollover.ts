import { useEffect, useState } from 'react';
import type { RolloverProposal } from '../../../../../electron/core/api/contract';
import { api } from '../../../api';

/** Years the rollover accepts; anything else is still being typed. */
export function validYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1900 && year <= 2200;
}

/** The proposals for rolling the plan over to `year`, fetched again when the year or the plan changes. */
export function useRolloverProposals(planId: number, year: number, revision: number): { proposals: RolloverProposal[] | null; error: unknown } {
  const [proposals, setProposals] = useState<RolloverProposal[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!validYear(year)) return;
    let live = true;
    // The previous list stays on screen while the new one comes: no jump of the scroll position or focus.
    api.proposeRollover(planId, year).then(
      (p) => {
        if (!live) return;
        setProposals(p);
        setError(null);
      },
      (e: unknown) => {
        if (!live) return;
        // The list shown was for another year: it must not stay as if it were this year's (nor be created).
        setProposals(null);
        setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [planId, year, revision]);
  return { proposals, error };
}
