import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompareSide, OpenedPlan, PlanSummary, PlanVersion } from '../../../../../electron/core/api/contract';
import { api } from '../../../api';
import { DiffLegend } from '../../../components/diff/WordDiff';
import { StatusMessage } from '../../../components/StatusMessage';
import { errorMessage } from '../../../lib/errors';
import { placeLabel } from '../../../lib/place-label';
import { RolloverChanges } from './RolloverChanges';
import { RowChanges } from './RowChanges';
import { SidePicker } from './SidePicker';
import { TextChanges } from './TextChanges';
import { useComparison } from './use-comparison';

const STATUSES = ['changed', 'added', 'removed', 'moved'] as const;

/**
 * Compares any two sides: this plan now or one of its versions, or any other plan (last year's) now or one of
 * its versions. When this plan was rolled over from another, one click holds it against that plan; the changes
 * of year the rollover made are then listed apart.
 */
export function CompareView({ opened, versions }: { opened: OpenedPlan; versions: PlanVersion[] }) {
  const { t } = useTranslation();
  const id = useId();
  const planId = opened.summary.id;
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  useEffect(() => {
    let live = true;
    api.listPlans().then((p) => live && setPlans(p), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  // By default: the newest version against now, the question drafters ask most ("what changed since?").
  const [from, setFrom] = useState<CompareSide>({ planId, versionId: versions[0]?.id ?? null });
  const [to, setTo] = useState<CompareSide>({ planId, versionId: null });
  const known = (s: CompareSide) => s.planId !== planId || s.versionId === null || versions.some((v) => v.id === s.versionId);
  const fromSide = known(from) ? from : { planId, versionId: versions[0]?.id ?? null };
  const toSide = known(to) ? to : { planId, versionId: null };
  const { comparison, error } = useComparison(fromSide, toSide, opened.summary.revision);
  const same = fromSide.planId === toSide.planId && fromSide.versionId === toSide.versionId;
  // The plan this one was rolled over from, while it is still in the list.
  const rolled = versions.find((v) => v.kind === 'rolled-over' && v.from && plans.some((p) => p.id === v.from!.planId));
  const lastYear = rolled?.from;

  return (
    <section className="compare" aria-labelledby={`${id}-h`} data-testid="compare-view">
      <h3 id={`${id}-h`}>{t('versions.compareHeading')}</h3>
      <div className="compare-pick">
        <SidePicker id={`${id}-from`} label={t('versions.from')} side={fromSide} plans={plans} thisPlan={opened.summary} thisVersions={versions} onChange={setFrom} testId="compare-from" />
        <SidePicker id={`${id}-to`} label={t('versions.to')} side={toSide} plans={plans} thisPlan={opened.summary} thisVersions={versions} onChange={setTo} testId="compare-to" />
        {lastYear && (
          <button
            type="button"
            onClick={() => {
              setFrom({ planId: lastYear.planId, versionId: null });
              setTo({ planId, versionId: null });
            }}
            data-testid="compare-last-year"
          >
            {t('versions.withLastYear', { year: lastYear.year })}
          </button>
        )}
      </div>
      {error != null && <StatusMessage kind="error">{errorMessage(error, t)}</StatusMessage>}
      {same && <p className="muted">{t('versions.sameSides')}</p>}
      {comparison && !same && (
        <>
          <p className="compare-counts" data-testid="compare-counts" aria-live="polite">
            {STATUSES.map((s) => (
              <span key={s} data-status={s} className="compare-count">
                {t(`versions.counts.${s}`, { count: comparison.counts[s] })}
              </span>
            ))}
          </p>
          {comparison.rollover && <RolloverChanges record={comparison.rollover} pkg={opened.pkg} />}
          <DiffLegend />
          <h4>{t('versions.rowsHeading')}</h4>
          <RowChanges rows={comparison.rows} captions={comparison.captions} />
          <h4>{t('versions.fieldsHeading')}</h4>
          <TextChanges changes={comparison.fields} label={(p) => placeLabel(p, opened.pkg, t)} testId="field-changes" />
          <h4>{t('versions.bodyHeading')}</h4>
          <TextChanges changes={comparison.body} label={(p) => t('place.body', { label: p })} testId="body-changes" />
        </>
      )}
    </section>
  );
}
