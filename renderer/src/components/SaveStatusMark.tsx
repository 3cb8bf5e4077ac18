import { useTranslation } from 'react-i18next';
import type { SaveStatus } from '../state/plan-session';

/**
 * The quiet "saved" mark: every edit is written at once, so there is no Save button. Its box is always
 * there (empty while idle) and as wide as its longest text, so nothing beside it moves when it appears.
 */
export function SaveStatusMark({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`save-status save-${status}`} role="status" aria-live="polite" data-testid="save-status" data-status={status}>
      {status === 'idle' ? '' : t(`history.status.${status}`)}
    </span>
  );
}
