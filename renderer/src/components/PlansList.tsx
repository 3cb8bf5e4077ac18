import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../electron/core/api/contract';
import { api } from '../api';
import { errorMessage } from '../lib/errors';
import { filterPlans } from '../lib/search';
import { PlansTable } from './PlansTable';
import { SearchBox } from './SearchBox';
import { StatusMessage } from './StatusMessage';

/** The first screen: every plan in the store, a Vietnamese-aware search, and new plans. */
export function PlansList({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<PlanSummary | null>(null);

  const reload = useCallback(async () => {
    try {
      setPlans(await api.listPlans());
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }, [t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const create = async (source: 'sample' | 'blank') => {
    setBusy(true);
    setError(null);
    try {
      const plan = await api.createPlan(source);
      setCreated(plan);
      await reload();
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const shown = useMemo(() => (plans ? filterPlans(plans, query) : []), [plans, query]);

  return (
    <section className="plans" aria-labelledby="plans-heading">
      <div className="toolbar">
        <h2 id="plans-heading">{t('plans.heading')}</h2>
        <div className="toolbar-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void create('sample')}>
            {t('plans.newFromSample')}
          </button>
          <button type="button" disabled={busy} onClick={() => void create('blank')}>
            {t('plans.newBlank')}
          </button>
        </div>
      </div>
      <SearchBox label={t('plans.search')} placeholder={t('plans.searchPlaceholder')} onQuery={setQuery} />
      {error && (
        <StatusMessage kind="error" onDismiss={() => setError(null)} dismissLabel={t('action.dismiss')}>
          {error}
        </StatusMessage>
      )}
      {created && !error && (
        <StatusMessage kind="info" onDismiss={() => setCreated(null)} dismissLabel={t('action.dismiss')}>
          {t('plans.created', { title: created.title || t('plans.untitled') })}
        </StatusMessage>
      )}
      {plans === null && !error && <p className="muted">{t('app.loading')}</p>}
      {plans !== null && plans.length === 0 && (
        <div className="empty" data-testid="plans-empty">
          <p className="empty-title">{t('plans.empty.title')}</p>
          <p>{t('plans.empty.hint')}</p>
        </div>
      )}
      {plans !== null && plans.length > 0 && shown.length === 0 && (
        <p className="empty" data-testid="plans-no-match">
          {t('plans.noMatch', { query })}
        </p>
      )}
      {shown.length > 0 && <PlansTable plans={shown} highlightId={created?.id ?? null} onOpen={onOpen} />}
      {plans !== null && plans.length > 0 && (
        <p className="muted count" aria-live="polite">
          {t('plans.count', { shown: shown.length, total: plans.length })}
        </p>
      )}
    </section>
  );
}
