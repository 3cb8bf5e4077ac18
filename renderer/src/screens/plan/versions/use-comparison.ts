import { useEffect, useState } from 'react';
import type { Comparison, CompareSide } from '../../../../../electron/core/api/contract';
import { api } from '../../../api';

/** Compares two sides (a plan now, or one of its versions; any two plans), again whenever the open plan changes. */
export function useComparison(from: CompareSide, to: CompareSide, revision: number): { comparison: Comparison | null; error: unknown } {
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { planId: fromPlan, versionId: fromVersion } = from;
  const { planId: toPlan, versionId: toVersion } = to;
  useEffect(() => {
    let live = true;
    api.compareSides({ planId: fromPlan, versionId: fromVersion }, { planId: toPlan, versionId: toVersion }).then(
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
  }, [fromPlan, fromVersion, toPlan, toVersion, revision]);
  return { comparison, error };
}
