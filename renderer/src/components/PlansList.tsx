import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../electron/core/api/contract';
import { api } from '../api';
import { filterPlans } from '../lib/search';
import { DEFAULT_SORT, nextSort, sortPlans, type PlanSort } from '../lib/sort-plans';
import { ConfirmDialog } from '../screens/plans/ConfirmDialog';
import { NewBlankDialog, issuerName } from '../screens/plans/NewBlankDialog';
import { RenameDialog } from '../screens/plans/RenameDialog';
import { TrashTable } from '../screens/plans/TrashTable';
import { usePlans } from '../screens/plans/usePlans';
import { PlansTable } from './PlansTable';
import { ImportPanel } from '../screens/imports/ImportPanel';
import { BackupsPanel } from '../screens/plans/BackupsPanel';
import { SearchBox } from './SearchBox';
import { StatusMessage } from './StatusMessage';
import '../screens/plans/plans.css';

type Asking = { kind: 'new-blank' } | { kind: 'rename'; plan: PlanSummary } | { kind: 'purge'; plan: PlanSummary } | null;

/** The first screen: the plans in use (search, sort, new, rename, duplicate, delete) and the trash. */
export function PlansList({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const store = usePlans();
  const { plans, trash, busy, run } = store;
  const [view, setView] = useState<'active' | 'trash' | 'backups'>('active');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<PlanSort>(DEFAULT_SORT);
  const [asking, setAsking] = useState<Asking>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const named = (p: PlanSummary) => p.title || t('plans.untitled');

  const shown = useMemo(() => (plans ? sortPlans(filterPlans(plans, query), sort) : []), [plans, query, sort]);
  const trashShown = useMemo(() => (trash ? filterPlans(trash, query) : []), [trash, query]);

  // After a row goes away (deleted, restored, erased) its button is gone: give the focus a sure place.
  const refocus = () => heading.current?.focus();

  const create = (source: 'sample' | 'blank', year?: number) =>
    run(() => api.createPlan(source, year), (p) => t('plans.created', { title: named(p) }), (p) => p.id);

  const actions = {
    onOpen,
    onRename: (plan: PlanSummary) => setAsking({ kind: 'rename', plan }),
    onDuplicate: (plan: PlanSummary) =>
      void run(() => api.duplicatePlan(plan.id), (p) => t('plans.done.duplicated', { title: named(p) }), (p) => p.id),
    onTrash: (plan: PlanSummary) =>
      void run(() => api.trashPlan(plan.id), () => t('plans.done.trashed', { title: named(plan) })).then(refocus),
  };

  const listEmpty = plans !== null && plans.length === 0;
  return (
    <section className="plans" aria-labelledby="plans-heading">
      <div className="toolbar">
        <h2 id="plans-heading" ref={heading} tabIndex={-1}>
          {view === 'trash' ? t('plans.trash.heading') : t('plans.heading')}
        </h2>
        <div className="toolbar-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void create('sample')}>
            {t('plans.newFromSample')}
          </button>
          <button type="button" disabled={busy} onClick={() => setAsking({ kind: 'new-blank' })}>
            {t('plans.newBlank')}
          </button>
        </div>
      </div>
      <div className="list-switch" role="group" aria-label={t('plans.views.label')}>
        <button type="button" aria-pressed={view === 'active'} onClick={() => setView('active')} data-testid="view-active">
          {t('plans.views.active')}
        </button>
        <button type="button" aria-pressed={view === 'trash'} onClick={() => setView('trash')} data-testid="view-trash">
          {t('plans.views.trash', { count: trash?.length ?? 0 })}
        </button>
        <button type="button" aria-pressed={view === 'backups'} onClick={() => setView('backups')} data-testid="view-backups">
          {t('plans.views.backups')}
        </button>
      </div>
      {view === 'active' && <ImportPanel onImported={(id) => void store.added(id)} />}
      {view !== 'backups' && <SearchBox label={t('plans.search')} placeholder={t('plans.searchPlaceholder')} onQuery={setQuery} />}
      {store.error && (
        <StatusMessage kind="error" onDismiss={store.dismissError} dismissLabel={t('action.dismiss')}>
          {store.error}
        </StatusMessage>
      )}
      {store.message && !store.error && (
        <StatusMessage kind="info" onDismiss={store.dismissMessage} dismissLabel={t('action.dismiss')}>
          {store.message}
        </StatusMessage>
      )}
      {view === 'backups' ? (
        <BackupsPanel onRestored={() => void store.added(-1)} />
      ) : view === 'active' ? (
        <>
          {plans === null && !store.error && <p className="muted">{t('app.loading')}</p>}
          {listEmpty && (
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
          {shown.length > 0 && (
            <PlansTable plans={shown} highlightId={store.highlightId} sort={sort} onSort={(k) => setSort(nextSort(sort, k))} busy={busy} actions={actions} />
          )}
          {plans !== null && plans.length > 0 && (
            <p className="muted count" aria-live="polite">
              {t('plans.count', { shown: shown.length, total: plans.length })}
            </p>
          )}
        </>
      ) : (
        <>
          <p className="muted panel-hint">{t('plans.trash.hint')}</p>
          {trash !== null && trash.length === 0 && (
            <div className="empty" data-testid="trash-empty">
              <p className="empty-title">{t('plans.trash.empty.title')}</p>
              <p>{t('plans.trash.empty.hint')}</p>
            </div>
          )}
          {trash !== null && trash.length > 0 && trashShown.length === 0 && (
            <p className="empty" data-testid="plans-no-match">
              {t('plans.noMatch', { query })}
            </p>
          )}
          {trashShown.length > 0 && (
            <TrashTable
              plans={trashShown}
              busy={busy}
              onRestore={(plan) => void run(() => api.restorePlan(plan.id), () => t('plans.done.restored', { title: named(plan) })).then(refocus)}
              onPurge={(plan) => setAsking({ kind: 'purge', plan })}
            />
          )}
        </>
      )}
      {asking?.kind === 'new-blank' && (
        <NewBlankDialog
          onClose={() => setAsking(null)}
          onCreate={(year, where) => {
            setAsking(null);
            // The new plan gets its issuer and place, then opens: the drafter starts writing at once.
            let made: PlanSummary | null = null;
            void run(async () => {
              made = await api.createPlan('blank', year);
              if (where.province) await api.setField(made.id, 'issuer.name', issuerName(where.province));
              if (where.place) await api.setField(made.id, 'issuer.place', where.place);
              return made;
            }, (p) => t('plans.created', { title: named(p) }), (p) => p.id).then((ok) => {
              if (ok && made) onOpen(made.id);
            });
          }}
        />
      )}
      {asking?.kind === 'rename' && (
        <RenameDialog
          title={asking.plan.title}
          onClose={() => setAsking(null)}
          onRename={(title) => {
            const { plan } = asking;
            setAsking(null);
            void run(() => api.renamePlan(plan.id, title), (p) => t('plans.done.renamed', { title: named(p) }), (p) => p.id);
          }}
        />
      )}
      {asking?.kind === 'purge' && (
        <ConfirmDialog
          title={t('plans.trash.confirmTitle')}
          text={t('plans.trash.confirmText', { title: named(asking.plan) })}
          confirmLabel={t('plans.trash.purge')}
          onClose={() => setAsking(null)}
          onConfirm={() => {
            const { plan } = asking;
            setAsking(null);
            void run(() => api.purgePlan(plan.id), () => t('plans.done.purged', { title: named(plan) })).then(refocus);
          }}
        />
      )}
    </section>
  );
}
