import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedPlan, PlanVersion } from '../../../../../electron/core/api/contract';
import { DiffLegend } from '../../../components/diff/WordDiff';
import { StatusMessage } from '../../../components/StatusMessage';
import { errorMessage } from '../../../lib/errors';
import { formatTimestamp } from '../../../lib/format';
import { placeLabel } from '../../../lib/place-label';
import { RowChanges } from './RowChanges';
import { TextChanges } from './TextChanges';
import { useComparison, type Side } from './use-comparison';

const STATUSES = ['changed', 'added', 'removed', 'moved'] as const;

/** Compares any two of the saved versions and the plan as it is now ("Hiện tại"). */
export function CompareView({ opened, versions }: { opened: OpenedPlan; versions: PlanVersion[] }) {
  const { t } = useTranslation();
  const id = useId();
  // By default: the newest version against now, the question drafters ask most ("what changed since?").
  const [from, setFrom] = useState<Side>(versions[0]?.id ?? 'current');
  const [to, setTo] = useState<Side>('current');
  const known = (s: Side) => s === 'current' || versions.some((v) => v.id === s);
  const fromSide = known(from) ? from : versions[0]?.id ?? 'current';
  const toSide = known(to) ? to : 'current';
  const { comparison, error } = useComparison(opened.summary.id, fromSide, toSide, opened.summary.revision);

  const options = (
    <>
      <option value="current">{t('versions.current')}</option>
      {versions.map((v) => (
        <option key={v.id} value={v.id}>
          {v.name} — {formatTimestamp(v.createdAt)}
        </option>
      ))}
    </>
  );
  const parse = (value: string): Side => (value === 'current' ? 'current' : Number(value));

  return (
    <section className="compare" aria-labelledby={`${id}-h`} data-testid="compare-view">
      <h3 id={`${id}-h`}>{t('versions.compareHeading')}</h3>
      <div className="compare-pick">
        <label htmlFor={`${id}-from`}>{t('versions.from')}</label>
        <select id={`${id}-from`} value={String(fromSide)} onChange={(e) => setFrom(parse(e.target.value))} data-testid="compare-from">
          {options}
        </select>
        <label htmlFor={`${id}-to`}>{t('versions.to')}</label>
        <select id={`${id}-to`} value={String(toSide)} onChange={(e) => setTo(parse(e.target.value))} data-testid="compare-to">
          {options}
        </select>
      </div>
      {error != null && <StatusMessage kind="error">{errorMessage(error, t)}</StatusMessage>}
      {fromSide === toSide && <p className="muted">{t('versions.sameSides')}</p>}
      {comparison && fromSide !== toSide && (
        <>
          <p className="compare-counts" data-testid="compare-counts" aria-live="polite">
            {STATUSES.map((s) => (
              <span key={s} data-status={s} className="compare-count">
                {t(`versions.counts.${s}`, { count: comparison.counts[s] })}
              </span>
            ))}
          </p>
          <DiffLegend />
          <h4>{t('versions.rowsHeading')}</h4>
          <RowChanges rows={comparison.rows} columns={opened.pkg.appendix.columns} />
          <h4>{t('versions.fieldsHeading')}</h4>
          <TextChanges changes={comparison.fields} label={(p) => placeLabel(p, opened.pkg, t)} testId="field-changes" />
          <h4>{t('versions.bodyHeading')}</h4>
          <TextChanges changes={comparison.body} label={(p) => t('place.body', { label: p })} testId="body-changes" />
        </>
      )}
    </section>
  );
}
