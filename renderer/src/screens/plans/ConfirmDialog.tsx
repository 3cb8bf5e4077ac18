import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

/** Asks before something that cannot be undone; the safe answer (Cancel) has the focus. */
export function ConfirmDialog({ title, text, confirmLabel, onConfirm, onClose }: {
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="confirm-dialog"
      actions={
        <>
          <button type="button" className="is-destructive-solid" onClick={onConfirm}>
            {confirmLabel}
          </button>
          <button type="button" data-autofocus onClick={onClose}>
            {t('plans.action.cancel')}
          </button>
        </>
      }
    >
      <p>{text}</p>
    </Dialog>
  );
}
