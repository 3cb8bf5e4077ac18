import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../../electron/core/api/contract';
import { api } from '../../api';
import { errorMessage } from '../../lib/errors';

/**
 * The plans in use and those in the trash, reloaded together after every operation; one operation at a time
 * (busy), one message for its outcome and one for its error.
 */
export function usePlans() {
  const { t } = useTranslation();
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [trash, setTrash] = useState<PlanSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [highlightId, setHighlightId] = useState<number | null>(null);

  const reload = useCallback(async () => {
    try {
      const [active, trashed] = await Promise.all([api.listPlans(), api.listTrash()]);
      setPlans(active);
      setTrash(trashed);
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }, [t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Runs one operation; `done` words its outcome from the plan it returned. */
  const run = useCallback(
    async <T>(op: () => Promise<T>, done: (result: T) => string, highlight?: (result: T) => number | null): Promise<boolean> => {
      setBusy(true);
      setError(null);
      setMessage(null);
      try {
        const result = await op();
        setMessage(done(result));
        setHighlightId(highlight ? highlight(result) : null);
        await reload();
        return true;
      } catch (e) {
        setError(errorMessage(e, t));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [reload, t],
  );

  /** A plan made elsewhere (an import) shows in the list, highlighted. */
  const added = useCallback(
    async (planId: number) => {
      setHighlightId(planId);
      await reload();
    },
    [reload],
  );

  return { plans, trash, busy, error, message, highlightId, run, added, dismissError: () => setError(null), dismissMessage: () => setMessage(null) };
}
