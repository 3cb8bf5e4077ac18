import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../../../../electron/core/api/contract';
import { formatTimestamp } from '../../../lib/format';
import { versionLabel } from './version-label';

/** The saved versions: name, date, and per version restore-as-new-plan and delete (asked twice). */
export function VersionTable({ versions, onRestore, onDelete, busy }: {
  versions: PlanVersion[];
  onRestore: (v: PlanVersion) => void;
  onDelete: (v: PlanVersion) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<number | null>(null);
  if (versions.length === 0) return <p className="muted" data-testid="versions-empty">{t('versions.empty')}</p>;
  return (
    <table className="versions-table" data-testid="versions-table">
      <caption className="visually-hidden">{t('versions.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('versions.col.name')}</th>
          <th scope="col">{t('versions.col.date')}</th>
          <th scope="col">{t('versions.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.id} data-testid="version-row" data-kind={v.kind}>
            <th scope="row">
              {versionLabel(v, t)}
              {v.kind !== 'named' && <span className="version-kind">{t(`versionKind.${v.kind}`)}</span>}
            </th>
            <td>{formatTimestamp(v.createdAt)}</td>
            <td className="version-actions">
              <button type="button" onClick={() => onRestore(v)} disabled={busy} aria-label={t('versions.restoreNamed', { name: versionLabel(v, t) })}>
                {t('versions.restore')}
              </button>
              {confirming === v.id ? (
                <span role="group" aria-label={t('versions.confirmDelete', { name: versionLabel(v, t) })} className="confirm-inline">
                  <span>{t('versions.confirmDelete', { name: versionLabel(v, t) })}</span>
                  <button type="button" className="danger" onClick={() => { setConfirming(null); onDelete(v); }} disabled={busy}>
                    {t('versions.deleteYes')}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t('versions.deleteNo')}
                  </button>
                </span>
              ) : (
                <button type="button" onClick={() => setConfirming(v.id)} disabled={busy} aria-label={t('versions.deleteNamed', { name: versionLabel(v, t) })}>
                  {t('versions.delete')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
