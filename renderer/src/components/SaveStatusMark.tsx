import { useTranslation } from 'react-i18next';
import type { SaveStatus } from '../state/plan-session';

/** The quiet "saved" mark: every edit is written at once, so there is no Save button. */
export function SaveStatusMark({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  if (status === 'idle') return null;
  return (
    <span className={`save-status save-${status}`} role="status" aria-live="polite" data-testid="save-status" data-status={status}>
      {t(`history.status.${status}`)}
    </span>
  );
}
