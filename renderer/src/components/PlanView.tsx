import { useCallback, useEffect, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';
import { formatTimestamp } from '../lib/format';
import { focusPath, sectionOfPath } from '../lib/goto';
import { SECTIONS } from '../sections';
import { usePlanSession } from '../state/plan-session';
import { ExportBar } from './ExportBar';
import { PreviewPane } from './preview/PreviewPane';
import { PreviewToggle } from './preview/PreviewToggle';
import { usePreviewOpen } from './preview/use-preview-open';
import { SaveStatusMark } from './SaveStatusMark';
import { StatusMessage } from './StatusMessage';
import { Tabs, type TabDef } from './Tabs';

/** True when the key event is in a text field whose typing has not been committed yet: its own undo applies. */
function typingUncommitted(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return false;
  return el.value !== el.defaultValue;
}

/** An opened plan: its parts as tabs (see sections/), the saved mark, undo/redo and the exports. */
export function PlanView({ planId, section, onSection, onBack }: {
  planId: number;
  section: string;
  onSection: (s: string) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [state, session] = usePlanSession(planId);
  const current = SECTIONS.some((s) => s.key === section) ? section : SECTIONS[0].key;
  const [previewOpen, togglePreview] = usePreviewOpen();

  const goTo = useCallback(
    (path: string) => {
      onSection(sectionOfPath(path));
      focusPath(path);
    },
    [onSection],
  );

  // Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and redo any edit of the plan, except inside a field
  // whose typing is not yet committed: there the field's own undo applies first.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.isComposing) return;
      const key = e.key.toLowerCase();
      const isUndo = key === 'z' && !e.shiftKey;
      const isRedo = key === 'y' || (key === 'z' && e.shiftKey);
      if (!isUndo && !isRedo) return;
      if (typingUncommitted(e as unknown as KeyboardEvent)) return;
      e.preventDefault();
      void (isUndo ? session.undo() : session.redo());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);

  const back = (
    <button type="button" className="back" onClick={onBack}>
      <span aria-hidden="true">← </span>
      {t('plan.back')}
    </button>
  );

  if (state.loadError && !state.opened) {
    return (
      <section className="plan-view">
        {back}
        <StatusMessage kind="error">{errorMessage(state.loadError, t)}</StatusMessage>
      </section>
    );
  }
  if (!state.opened) {
    return (
      <section className="plan-view">
        {back}
        <p className="muted">{t('app.loading')}</p>
      </section>
    );
  }

  const { pkg, summary } = state.opened;
  const tabs: TabDef<string>[] = SECTIONS.map((s) => ({
    key: s.key,
    label: s.key === 'decision' && !pkg.decision ? t('plan.tab.issuance') : t(s.label, { count: summary.rowCount }),
  }));
  const Section = SECTIONS.find((s) => s.key === current)!.Component;

  return (
    <section className="plan-view" aria-labelledby="plan-title">
      <div className="plan-head">
        {back}
        <div className="plan-heading">
          <h2 id="plan-title" data-testid="plan-title">
            {pkg.title || t('plans.untitled')}
          </h2>
          <p className="muted plan-meta">
            {t('plan.meta', { year: pkg.year, rows: summary.rowCount, updated: formatTimestamp(summary.updatedAt) })}
          </p>
        </div>
        <div className="plan-actions" role="group" aria-label={t('history.label')}>
          <button type="button" onClick={() => void session.undo()} disabled={!state.history.undo} title={t('history.undoHint')} data-testid="undo">
            {t('history.undo')}
          </button>
          <button type="button" onClick={() => void session.redo()} disabled={!state.history.redo} title={t('history.redoHint')} data-testid="redo">
            {t('history.redo')}
          </button>
          <SaveStatusMark status={state.status} />
        </div>
        <ExportBar planId={planId} />
        <PreviewToggle open={previewOpen} onToggle={togglePreview} />
      </div>
      {state.error != null && (
        <StatusMessage kind="error" onDismiss={() => session.dismissError()} dismissLabel={t('action.dismiss')}>
          {errorMessage(state.error, t)}
        </StatusMessage>
      )}
      {state.unsaved > 0 && (
        <div className="unsaved-bar" role="alert" data-testid="unsaved">
          <span>{t('history.unsaved', { count: state.unsaved })}</span>
          <button type="button" onClick={() => void session.retryUnsaved()} data-testid="retry-unsaved">
            {t('history.retry')}
          </button>
          <button type="button" onClick={() => session.discardUnsaved()}>
            {t('history.discard')}
          </button>
        </div>
      )}
      {state.changedElsewhere && <StatusMessage kind="info">{t('plan.changedElsewhere')}</StatusMessage>}
      <div className={previewOpen ? 'plan-split with-preview' : 'plan-split'}>
        <Tabs label={t('plan.sections')} tabs={tabs} selected={current} onSelect={onSection}>
          <Section opened={state.opened} session={session} goTo={goTo} />
        </Tabs>
        {previewOpen && <PreviewPane pkg={pkg} goTo={goTo} section={current} onOption={(f, v) => void session.edit('setField', f, v).catch(() => undefined)} />}
      </div>
    </section>
  );
}
