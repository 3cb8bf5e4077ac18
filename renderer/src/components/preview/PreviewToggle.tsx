import { useTranslation } from 'react-i18next';
import './preview.css';

/** The "Xem trước" switch of the plan header. */
export function PreviewToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="preview-toggle" aria-pressed={open} title={t('preview.toggleHint')} onClick={onToggle} data-testid="preview-toggle">
      {t('preview.toggle')}
    </button>
  );
}
