import { useEffect, useState } from 'react';
import type { Comparison } from '../../../../../electron/core/api/contract';
import { api } from '../../../api';

/** A side of a comparison: a version's id, or the plan as it is now. */
export type Side = number | 'current';

/** Compares two sides, again whenever the plan changes (the "now" side moves with it). */
export function useComparison(planId: number, from: Side, to: Side, revision: number): { comparison: Comparison | null; error: unknown } {
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.compareVersions(planId, from === 'current' ? null : from, to === 'current' ? null : to).then(
      (c) => {
        if (!live) return;
        setComparison(c);
        setError(null);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [planId, from, to, revision]);
  return { comparison, error };
}
