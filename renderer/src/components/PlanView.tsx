import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedPlan } from '../../../electron/core/api/contract';
import { api } from '../api';
import { errorMessage } from '../lib/errors';
import { formatTimestamp } from '../lib/format';
import { AppendixTable } from './AppendixTable';
import { BodyOutline } from './BodyOutline';
import { DecisionView } from './DecisionView';
import { ExportBar } from './ExportBar';
import { StandaloneIssuanceView } from './StandaloneIssuanceView';
import { StatusMessage } from './StatusMessage';
import { Tabs, type TabDef } from './Tabs';

export type PlanSection = 'decision' | 'body' | 'appendix';
export const PLAN_SECTIONS: readonly PlanSection[] = ['decision', 'body', 'appendix'];

/** An opened plan: its three parts as tabs, and the exports. Read-only for now. */
export function PlanView({ planId, section, onSection, onBack }: {
  planId: number;
  section: PlanSection;
  onSection: (s: PlanSection) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<OpenedPlan | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setOpened(null);
    setError(null);
    api.openPlan(planId).then(
      (o) => live && setOpened(o),
      (e: unknown) => live && setError(errorMessage(e, t)),
    );
    return () => {
      live = false;
    };
    // t is stable per language; reopening on a language switch is not wanted.
  }, [planId]);

  const back = (
    <button type="button" className="back" onClick={onBack}>
      <span aria-hidden="true">← </span>
      {t('plan.back')}
    </button>
  );

  if (error) {
    return (
      <section className="plan-view">
        {back}
        <StatusMessage kind="error">{error}</StatusMessage>
      </section>
    );
  }
  if (!opened) {
    return (
      <section className="plan-view">
        {back}
        <p className="muted">{t('app.loading')}</p>
      </section>
    );
  }

  const { pkg, summary } = opened;
  const tabs: TabDef<PlanSection>[] = [
    { key: 'decision', label: pkg.decision ? t('plan.tab.decision') : t('plan.tab.issuance') },
    { key: 'body', label: t('plan.tab.body') },
    { key: 'appendix', label: t('plan.tab.appendix', { count: summary.rowCount }) },
  ];

  return (
    <section className="plan-view" aria-labelledby="plan-title">
      <div className="plan-head">
        {back}
        <div className="plan-heading">
          <h2 id="plan-title" data-testid="plan-title">
            {pkg.title || t('plans.untitled')}
          </h2>
          <p className="muted plan-meta">
            {t('plan.meta', { year: pkg.year, rows: summary.rowCount, updated: formatTimestamp(summary.updatedAt) })}
          </p>
        </div>
        <ExportBar planId={planId} />
      </div>
      <Tabs label={t('plan.sections')} tabs={tabs} selected={section} onSelect={onSection}>
        {section === 'decision' &&
          (pkg.decision ? (
            <DecisionView decision={pkg.decision} issuer={pkg.issuer} year={pkg.year} />
          ) : pkg.plan.issuance ? (
            <StandaloneIssuanceView issuance={pkg.plan.issuance} issuer={pkg.issuer} year={pkg.year} />
          ) : (
            <p className="empty">{t('plan.noIssuance')}</p>
          ))}
        {section === 'body' && <BodyOutline plan={pkg.plan} />}
        {section === 'appendix' && <AppendixTable appendix={pkg.appendix} agencies={pkg.agencies} />}
      </Tabs>
    </section>
  );
}
