import { useTranslation } from 'react-i18next';
import type { RolloverRecord } from '../../../../../electron/core/model/comparison';
import type { PlanPackage } from '../../../../../electron/core/model/types';
import { placeLabel } from '../../../lib/place-label';
import { YearChange } from '../rollover/YearChange';

/**
 * The changes of year the rollover made when one side was rolled over from the other: listed apart, so the row
 * diffs below read as "these are the year; the rest is what the drafter changed since".
 */
export function RolloverChanges({ record, pkg }: { record: RolloverRecord; pkg: PlanPackage }) {
  const { t } = useTranslation();
  return (
    <details className="compare-rollover" data-testid="compare-rollover">
      <summary>
        {t('versions.rolloverHeading', { year: record.from.year, toYear: record.toYear, title: record.from.title, count: record.changes.length })}
      </summary>
      <table className="compare-rollover-table">
        <caption className="visually-hidden">{t('versions.rolloverCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('versions.rolloverPlace')}</th>
            <th scope="col">{t('versions.rolloverBefore')}</th>
            <th scope="col">{t('versions.rolloverAfter')}</th>
            <th scope="col">{t('versions.rolloverReason')}</th>
          </tr>
        </thead>
        <tbody>
          {record.changes.map((c, i) => (
            <tr key={i} data-testid="compare-rollover-change">
              <td>{placeLabel(c.path, pkg, t)}</td>
              <td><YearChange before={c.before} after={c.after} side="before" /></td>
              <td><YearChange before={c.before} after={c.after} side="after" /></td>
              <td>{t(`rollover.reason.${c.reason}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
