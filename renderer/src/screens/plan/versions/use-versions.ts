import { useCallback, useEffect, useState } from 'react';
import type { PlanVersion } from '../../../../../electron/core/api/contract';
import { api } from '../../../api';

/** The plan's saved versions, newest first, with a reload for after a save or a delete; none for planId null. */
export function useVersions(planId: number | null): { versions: PlanVersion[] | null; error: unknown; reload: () => Promise<void> } {
  const [versions, setVersions] = useState<PlanVersion[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    if (planId === null) return setVersions([]);
    try {
      const list = await api.listVersions(planId);
      setVersions([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [planId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { versions, error, reload };
}
