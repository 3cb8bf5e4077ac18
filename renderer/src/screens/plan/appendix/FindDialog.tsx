/** Find and replace over the appendix (Ctrl+H or the toolbar button): a modal dialog; Escape closes it. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FindReplace } from '../search/FindReplace';
import type { SectionProps } from '../types';

export function FindDialog({ opened, session, goTo, onClose }: SectionProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const back = useRef<Element | null>(document.activeElement);
  useEffect(() => {
    const opener = back.current;
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  return (
    <div className="ax-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="ax-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="find-dialog-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !e.nativeEvent.isComposing && !e.defaultPrevented) {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <div className="ax-dialog-head">
          <h3 id="find-dialog-title">{t('search.title')}</h3>
          <button type="button" onClick={onClose}>{t('search.close')}</button>
        </div>
        <FindReplace planId={opened.summary.id} session={session} revision={opened.summary.revision} goTo={goTo} autoFocus />
      </div>
    </div>
  );
}
