import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import type { PlanPackage } from '../../../electron/core/model/types';
import { APP_COMMANDS, COMMAND_EVENT, commandOfKey, type AppCommand } from '../commands';
import { describeEdit, type SentEdit } from '../state/edit-trail';
import { HelpDialog } from './HelpDialog';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';
import { formatTimestamp } from '../lib/format';
import { focusPath, sectionOfPath } from '../lib/goto';
import { requestReveal } from '../screens/plan/appendix/reveal';
import type { TextRange } from '../../../electron/core/model/findings';
import { SECTIONS } from '../screens/plan';
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
    (path: string, range?: TextRange) => {
      onSection(sectionOfPath(path));
      // A grid row off screen (windowed) or inside a folded row is not in the page: the grid brings it there.
      if (/^appendix\.groups\[\d+\]\.rows\[/.test(path) && !document.querySelector(`[data-path="${CSS.escape(path)}"]`)) requestReveal(path);
      focusPath(path, range);
    },
    [onSection],
  );

  // Undo and redo you can see: the place changed comes on screen, blinks, and a note says what changed.
  const [undoNote, setUndoNote] = useState<string | null>(null);
  const [noteAction, setNoteAction] = useState<{ label: string; run: () => void } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const say = useCallback((edit: SentEdit | null, pkg: PlanPackage | undefined) => {
    if (!edit || !pkg) return t('undo.what.other');
    const d = describeEdit(edit, pkg);
    const values = d.what === 'setField' ? { field: t(`undo.field.${String(d.values.field).replace(/\./g, '_')}`, { defaultValue: String(d.values.field) }) } : d.values;
    return t(`undo.what.${d.what}`, { ...values, defaultValue: t('undo.what.other') });
  }, [t]);
  const step = useCallback(async (dir: 'undo' | 'redo') => {
    const edit = dir === 'undo' ? session.nextUndo() : session.nextRedo();
    const before = session.getState().opened?.pkg;
    const label = await (dir === 'undo' ? session.undo() : session.redo());
    if (label === null) return;
    const after = session.getState().opened?.pkg;
    // The place as it is after the step: a row put back by an undo is found again.
    const place = edit && after ? describeEdit(edit, after) : null;
    setNoteAction(null);
    setUndoNote(t(dir === 'undo' ? 'undo.done' : 'undo.redone', { what: say(edit, after ?? before) }));
    if (place?.path) goTo(place.path);
  }, [session, t, say, goTo]);
  // One command, whether from a shortcut or the desktop menu (commands.ts).
  const run = useCallback((command: AppCommand) => {
    switch (command) {
      case 'undo':
      case 'redo':
        return void step(command);
      case 'save':
        setNoteAction({ label: t('saved.saveVersion'), run: () => onSection('versions') });
        return setUndoNote(t('saved.allSaved'));
      case 'saveVersion':
        return onSection('versions');
      case 'find':
      case 'replace':
        // The appendix has its own find and replace (Ctrl+F/H there); elsewhere the search part opens.
        if (current !== 'appendix') onSection('search');
        return;
      case 'preview':
        if (!previewOpen) togglePreview();
        return requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="preview-toggle"]')?.focus());
      case 'help':
        return setHelpOpen(true);
      case 'plans':
        return onBack();
      case 'export-docx':
      case 'export-xlsx': {
        const label = command === 'export-docx' ? 'DOCX' : 'XLSX';
        const button = [...document.querySelectorAll<HTMLButtonElement>('.export-buttons button')].find((b) => b.textContent?.trim() === label);
        return button?.click();
      }
    }
  }, [step, t, onSection, current, previewOpen, togglePreview, onBack]);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.isComposing) return;
      const command = commandOfKey(e);
      if (!command) return;
      // The browser's own Save, Find and Print dialogs never open over the editor.
      e.preventDefault();
      if ((command === 'find' || command === 'replace') && current === 'appendix') return;
      run(command);
    };
    const onMenu = (e: Event) => {
      const command = (e as CustomEvent<unknown>).detail;
      if (typeof command === 'string' && (APP_COMMANDS as readonly string[]).includes(command)) run(command as AppCommand);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener(COMMAND_EVENT, onMenu);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(COMMAND_EVENT, onMenu);
    };
  }, [run, current]);
  useEffect(() => {
    if (!undoNote) return;
    const timer = setTimeout(() => setUndoNote(null), 8000);
    return () => clearTimeout(timer);
  }, [undoNote]);

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
      void step(isUndo ? 'undo' : 'redo');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  const back = (
    <button type="button" className="back" onClick={onBack} title={t('plan.back')}>
      <span aria-hidden="true">← </span>
      <span className="back-label">{t('plan.back')}</span>
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
        {/* One line: the year, size and last change are the title's tooltip, so the section keeps the height. */}
        <div className="plan-heading" title={t('plan.meta', { year: pkg.year, rows: summary.rowCount, updated: formatTimestamp(summary.updatedAt) })}>
          <h2 id="plan-title" data-testid="plan-title">
            {pkg.title || t('plans.untitled')}
          </h2>
        </div>
        <div className="plan-actions" role="group" aria-label={t('history.label')}>
          <button type="button" onClick={() => void step('undo')} disabled={!state.history.undo} data-testid="undo"
            title={state.history.undo ? t('undo.undoNext', { what: say(session.nextUndo(), pkg) }) : t('history.undoHint')}>
            {t('history.undo')}
          </button>
          <button type="button" onClick={() => void step('redo')} disabled={!state.history.redo} data-testid="redo"
            title={state.history.redo ? t('undo.redoNext', { what: say(session.nextRedo(), pkg) }) : t('history.redoHint')}>
            {t('history.redo')}
          </button>
          <SaveStatusMark status={state.status} />
        </div>
        <ExportBar planId={planId} />
        <PreviewToggle open={previewOpen} onToggle={togglePreview} />
        <button type="button" className="help-button" onClick={() => setHelpOpen(true)} title={t('help.open')} aria-label={t('help.open')} data-testid="help">?</button>
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
      {/* Floats over the bottom of the window, so the workspace does not move when it comes and goes. */}
      {undoNote && (
        <div className="undo-toast">
          <StatusMessage kind="info" onDismiss={() => setUndoNote(null)} dismissLabel={t('action.dismiss')}>
            <span data-testid="undo-note">{undoNote}</span>
            {noteAction && (
              <button type="button" className="link-button note-action" onClick={() => { setUndoNote(null); noteAction.run(); }}>{noteAction.label}</button>
            )}
          </StatusMessage>
        </div>
      )}
      {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} />}
      {state.changedElsewhere && <StatusMessage kind="info">{t('plan.changedElsewhere')}</StatusMessage>}
      <div className={previewOpen ? 'plan-split with-preview' : 'plan-split'}>
        <Tabs label={t('plan.sections')} tabs={tabs} selected={current} onSelect={onSection} orientation="vertical">
          <Section opened={state.opened} session={session} goTo={goTo} />
        </Tabs>
        {previewOpen && <PreviewPane pkg={pkg} goTo={goTo} section={current} onOption={(f, v) => void session.edit('setField', f, v).catch(() => undefined)} />}
      </div>
    </section>
  );
}
