import type { ReactNode } from 'react';

/** One message area: errors are alerts (read out at once), other news is polite. */
export function StatusMessage({ kind, children, onDismiss, dismissLabel }: {
  kind: 'error' | 'info';
  children: ReactNode;
  onDismiss?: () => void;
  dismissLabel?: string;
}) {
  return (
    <div className={`status status-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={`status-${kind}`}>
      <div className="status-body">{children}</div>
      {onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          {dismissLabel}
        </button>
      )}
    </div>
  );
}
