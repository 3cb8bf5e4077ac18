import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary, PlanVersion } from '../../../../../electron/core/api/contract';
import { api } from '../../../api';
import { StatusMessage } from '../../../components/StatusMessage';
import { errorMessage } from '../../../lib/errors';
import type { SectionProps } from '../types';
import { CompareView } from './CompareView';
import { SaveVersionForm } from './SaveVersionForm';
import { useVersions } from './use-versions';
import { VersionTable } from './VersionTable';
import { versionLabel } from './version-label';
import './versions.css';

type News = { kind: 'saved'; name: string } | { kind: 'deleted'; name: string } | { kind: 'restored'; plan: PlanSummary } | null;

/** Named versions of the plan: save, list, delete, restore as a new plan, and compare any two. */
export function VersionsSection({ opened }: SectionProps) {
  const { t } = useTranslation();
  const planId = opened.summary.id;
  const { versions, error: listError, reload } = useVersions(planId);
  const [busy, setBusy] = useState(false);
  const [news, setNews] = useState<News>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async <T,>(work: () => Promise<T>, done: (r: T) => News): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const r = await work();
      setNews(done(r));
      await reload();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = (name: string) => run(() => api.saveVersion(planId, name), (v) => ({ kind: 'saved', name: v.name }));
  const restore = (v: PlanVersion) => void run(() => api.restoreVersion(v.id), (plan) => ({ kind: 'restored', plan }));
  const remove = (v: PlanVersion) => void run(() => api.deleteVersion(v.id), () => ({ kind: 'deleted', name: versionLabel(v, t) }));

  return (
    <div className="versions-panel" data-testid="versions-panel">
      <SaveVersionForm onSave={save} busy={busy} />
      {error != null && <StatusMessage kind="error" onDismiss={() => setError(null)} dismissLabel={t('action.dismiss')}>{errorMessage(error, t)}</StatusMessage>}
      {listError != null && <StatusMessage kind="error">{errorMessage(listError, t)}</StatusMessage>}
      {news && (
        <StatusMessage kind="info" onDismiss={() => setNews(null)} dismissLabel={t('action.dismiss')}>
          {news.kind === 'restored' ? (
            <>
              {t('versions.restored', { title: news.plan.title })}{' '}
              <button type="button" className="primary" onClick={() => (window.location.hash = `#/plans/${news.plan.id}/decision`)} data-testid="open-restored">
                {t('versions.openRestored')}
              </button>
            </>
          ) : (
            t(`versions.${news.kind}`, { name: news.name })
          )}
        </StatusMessage>
      )}
      <section aria-labelledby="versions-list-h">
        <h3 id="versions-list-h">{t('versions.listHeading')}</h3>
        {versions && <VersionTable versions={versions} onRestore={restore} onDelete={remove} busy={busy} />}
      </section>
      {/* Also without versions of its own: the plan compares with another plan (last year's). */}
      {versions && <CompareView key={versions.length} opened={opened} versions={versions} />}
    </div>
  );
}
