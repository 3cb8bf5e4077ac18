/** Confirms a merge, showing both names and how often each is used: it cannot be told apart afterwards (except by undo). */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyUsage } from '../../../../../electron/core/api/contract';

export function MergeConfirm({ from, into, onConfirm, onCancel }: {
  from: AgencyUsage;
  into: AgencyUsage;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ok = useRef<HTMLButtonElement>(null);
  useEffect(() => ok.current?.focus(), []);
  const line = (a: AgencyUsage) => t('agencies.merge.usage', { name: a.name, lead: a.lead, cooperate: a.cooperate, total: a.total });
  return (
    <div className="ax-dialog-backdrop">
      <div className="ax-dialog ax-dialog-small" role="alertdialog" aria-modal="true" aria-labelledby="merge-title" aria-describedby="merge-body"
        data-testid="merge-confirm" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
        <h3 id="merge-title">{t('agencies.merge.title')}</h3>
        <div id="merge-body">
          <p>{t('agencies.merge.from')}</p>
          <p className="merge-name"><strong>{line(from)}</strong></p>
          <p>{t('agencies.merge.into')}</p>
          <p className="merge-name"><strong>{line(into)}</strong></p>
          <p className="muted">{t('agencies.merge.explain', { from: from.name, into: into.name, count: from.total })}</p>
        </div>
        <div className="ax-dialog-actions">
          <button type="button" className="primary" ref={ok} onClick={onConfirm}>{t('agencies.merge.confirm')}</button>
          <button type="button" onClick={onCancel}>{t('agencies.merge.cancel')}</button>
        </div>
      </div>
    </div>
  );
}
