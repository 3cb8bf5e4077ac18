/**
 * The store's backups (made on start and daily; the last 10 and one per day for 30 days kept): back up now, restore one (the current
 * store is backed up first, then every plan reloads), and export every plan as exchange files.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../electron/core/api/contract';
import { api } from '../../api';
import { errorMessage } from '../../lib/errors';
import { formatTimestamp } from '../../lib/format';
import { StatusMessage } from '../../components/StatusMessage';
import { ConfirmDialog } from './ConfirmDialog';

export function BackupsPanel({ onRestored }: { onRestored: () => void }) {
  const { t } = useTranslation();
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<BackupEntry | null>(null);

  const reload = useCallback(async () => {
    try {
      setBackups(await api.listBackups());
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }, [t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      setMessage(await work());
      await reload();
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const size = (bytes: number) => t('backups.size', { kb: Math.max(1, Math.round(bytes / 1024)) });

  return (
    <section className="backups" aria-labelledby="backups-heading" data-testid="backups">
      <h3 id="backups-heading">{t('backups.heading')}</h3>
      <p className="muted">{t('backups.hint')}</p>
      <div className="toolbar-actions">
        <button type="button" disabled={busy} onClick={() => void run(async () => t('backups.made', { name: (await api.backupNow()).name }))} data-testid="backup-now">
          {t('backups.now')}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="export-all"
          onClick={() =>
            void run(async () => {
              const result = await api.exportAll();
              return result.kind === 'saved' ? t('backups.exported', { count: result.count, folder: result.folder }) : t('backups.exportCancelled');
            })
          }
        >
          {t('backups.exportAll')}
        </button>
      </div>
      {error && (
        <StatusMessage kind="error" onDismiss={() => setError(null)} dismissLabel={t('action.dismiss')}>
          {error}
        </StatusMessage>
      )}
      {message && !error && (
        <StatusMessage kind="info" onDismiss={() => setMessage(null)} dismissLabel={t('action.dismiss')}>
          {message}
        </StatusMessage>
      )}
      {backups !== null && backups.length === 0 && <p className="empty">{t('backups.empty')}</p>}
      {backups !== null && backups.length > 0 && (
        <table className="plans-table" data-testid="backups-table">
          <thead>
            <tr>
              <th scope="col">{t('backups.when')}</th>
              <th scope="col">{t('backups.file')}</th>
              <th scope="col">{t('backups.sizeCol')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('backups.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <td>{formatTimestamp(b.createdAt)}</td>
                <td>{b.name}</td>
                <td>{size(b.size)}</td>
                <td>
                  <button type="button" disabled={busy} onClick={() => setAsking(b)} aria-label={t('backups.restoreNamed', { name: b.name })}>
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking && (
        <ConfirmDialog
          title={t('backups.confirmTitle')}
          text={t('backups.confirmText', { when: formatTimestamp(asking.createdAt) })}
          confirmLabel={t('backups.restore')}
          onClose={() => setAsking(null)}
          onConfirm={() => {
            const chosen = asking;
            setAsking(null);
            void run(async () => {
              const result = await api.restoreBackup(chosen.name);
              onRestored();
              return t('backups.restored', { when: formatTimestamp(chosen.createdAt), kept: result.replacedBy ?? '—' });
            });
          }}
        />
      )}
    </section>
  );
}
