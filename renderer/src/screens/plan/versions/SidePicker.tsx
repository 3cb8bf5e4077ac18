import { useTranslation } from 'react-i18next';
import type { CompareSide, PlanSummary, PlanVersion } from '../../../../../electron/core/api/contract';
import { formatTimestamp } from '../../../lib/format';
import { useVersions } from './use-versions';
import { versionLabel } from './version-label';

/**
 * One side of a comparison: which plan (this one first, then every other, with its year), and which state of
 * it — as it is now, or one of its versions (named, as imported, as rolled over).
 */
export function SidePicker({ id, label, side, plans, thisPlan, thisVersions, onChange, testId }: {
  id: string;
  label: string;
  side: CompareSide;
  plans: readonly PlanSummary[];
  thisPlan: PlanSummary;
  /** This plan's versions (kept fresh by the section); another plan's are fetched here. */
  thisVersions: readonly PlanVersion[];
  onChange: (side: CompareSide) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const other = useVersions(side.planId === thisPlan.id ? null : side.planId);
  const versions = side.planId === thisPlan.id ? thisVersions : other.versions ?? [];
  const others = plans.filter((p) => p.id !== thisPlan.id);
  return (
    <fieldset className="compare-side" data-testid={testId}>
      <legend>{label}</legend>
      <label htmlFor={`${id}-plan`} className="visually-hidden">{t('versions.sidePlan', { side: label })}</label>
      <select id={`${id}-plan`} value={side.planId} onChange={(e) => onChange({ planId: Number(e.target.value), versionId: null })} data-testid={`${testId}-plan`}>
        <option value={thisPlan.id}>{t('versions.thisPlan', { title: thisPlan.title })}</option>
        {others.map((p) => (
          <option key={p.id} value={p.id}>{t('versions.otherPlan', { title: p.title, year: p.year })}</option>
        ))}
      </select>
      <label htmlFor={`${id}-version`} className="visually-hidden">{t('versions.sideVersion', { side: label })}</label>
      <select
        id={`${id}-version`}
        value={side.versionId === null ? 'current' : String(side.versionId)}
        onChange={(e) => onChange({ planId: side.planId, versionId: e.target.value === 'current' ? null : Number(e.target.value) })}
        data-testid={`${testId}-version`}
      >
        <option value="current">{t('versions.current')}</option>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {versionLabel(v, t)} — {formatTimestamp(v.createdAt)}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
