/**
 * Importing a plan from a file: an exchange file (.json), last year's Word file (.docx) or an
 * appendix-shaped workbook (.xlsx), each as a new plan. Shows the reader's warnings, the import report
 * (guesses first, with their rows; then columns kept as text; then what was recognised) and one clear
 * message when the file is refused. Mounted by the
 * plans list; it only reports the new plan's id.
 */
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportedPlan, PlanSummary } from '../../../../electron/core/api/contract';
import { importKindText, importNoteText, type ImportNote, type ImportNoteKind, type ImportReport } from '../../../../electron/core/model/import-report';
import { withProblemLines, type CodedMessage } from '../../../../electron/core/model/messages';
import { api } from '../../api';
import { errorMessage } from '../../lib/errors';
import { readAsBase64, readAsText } from '../../lib/read-file';
import { StatusMessage } from '../../components/StatusMessage';

type Result = { plan: PlanSummary; warnings: CodedMessage[]; report: ImportReport } | null;

const KINDS: ImportNoteKind[] = ['guessed', 'text', 'recognised'];

export function ImportPanel({ onImported }: { onImported: (planId: number) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const id = useId();
  const jsonInput = useRef<HTMLInputElement>(null);
  const xlsxInput = useRef<HTMLInputElement>(null);
  const docxInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const [error, setError] = useState<string | null>(null);
  /** Guessed splits the drafter has joined back (by note index): the button then offers to split again. */
  const [joined, setJoined] = useState<ReadonlySet<number>>(new Set());
  const [regroupError, setRegroupError] = useState<string | null>(null);

  const regroup = async (planId: number, index: number, note: ImportNote) => {
    const mode = joined.has(index) ? 'split' : 'join';
    setRegroupError(null);
    try {
      await api.regroupAgencies(planId, String(note.params.printed), String(note.params.names).split(' | '), mode);
      setJoined((prev) => {
        const next = new Set(prev);
        if (mode === 'join') next.add(index);
        else next.delete(index);
        return next;
      });
    } catch (err) {
      setRegroupError(errorMessage(err, t));
    }
  };

  const run = async (e: ChangeEvent<HTMLInputElement>, kind: 'json' | 'xlsx' | 'docx') => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again must fire again
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    setJoined(new Set());
    try {
      const withWarnings = ({ warnings, report, ...plan }: ImportedPlan) => ({ plan: plan as PlanSummary, warnings, report });
      const imported =
        kind === 'json'
          ? { plan: await api.importPlan(file.name, await readAsText(file)), warnings: [], report: { notes: [] } }
          : withWarnings(await (kind === 'xlsx' ? api.importXlsx : api.importDocx)(file.name, await readAsBase64(file)));
      setResult(imported);
      onImported(imported.plan.id);
    } catch (err) {
      setError(t('imports.failed', { file: file.name, detail: errorMessage(err, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="import-panel" aria-labelledby={`${id}-h`} data-testid="import-panel">
      <h3 id={`${id}-h`} className="import-heading">{t('imports.heading')}</h3>
      <div className="import-buttons">
        <button type="button" onClick={() => jsonInput.current?.click()} disabled={busy} data-testid="import-json">
          {t('imports.json')}
        </button>
        <button type="button" onClick={() => docxInput.current?.click()} disabled={busy} data-testid="import-docx">
          {t('imports.docx')}
        </button>
        <button type="button" onClick={() => xlsxInput.current?.click()} disabled={busy} data-testid="import-xlsx">
          {t('imports.xlsx')}
        </button>
        {busy && <span className="muted">{t('imports.busy')}</span>}
      </div>
      {/* The real file inputs, reached through the buttons above (which say what each imports). */}
      <input ref={jsonInput} type="file" accept=".json,application/json" className="visually-hidden" tabIndex={-1} aria-label={t('imports.json')} onChange={(e) => void run(e, 'json')} data-testid="import-json-input" />
      <input ref={docxInput} type="file" accept=".docx" className="visually-hidden" tabIndex={-1} aria-label={t('imports.docx')} onChange={(e) => void run(e, 'docx')} data-testid="import-docx-input" />
      <input ref={xlsxInput} type="file" accept=".xlsx" className="visually-hidden" tabIndex={-1} aria-label={t('imports.xlsx')} onChange={(e) => void run(e, 'xlsx')} data-testid="import-xlsx-input" />
      {error && (
        <StatusMessage kind="error" onDismiss={() => setError(null)} dismissLabel={t('action.dismiss')}>
          {error}
        </StatusMessage>
      )}
      {result && (
        <StatusMessage kind="info" onDismiss={() => setResult(null)} dismissLabel={t('action.dismiss')}>
          {t('imports.done', { title: result.plan.title, rows: result.plan.rowCount })}
          {result.warnings.length > 0 && (
            <>
              <p className="notes-title">{t('imports.warnings', { count: result.warnings.length })}</p>
              <ul data-testid="import-warnings">
                {result.warnings.map((w, i) => (
                  <li key={i}>{t(w.key, withProblemLines(w.values, (k, v) => t(k, v)))}</li>
                ))}
              </ul>
            </>
          )}
          {result.report.notes.length > 0 && (
            <div data-testid="import-report">
              <p className="notes-title">{t('imports.report', { count: result.report.notes.length })}</p>
              {KINDS.map((k) => {
                const notes = result.report.notes.filter((n) => n.kind === k);
                if (notes.length === 0) return null;
                return (
                  <details key={k} open={k === 'guessed'} data-testid={`import-report-${k}`}>
                    <summary>
                      {importKindText(k, lang)} ({notes.length})
                    </summary>
                    <ul>
                      {notes.map((n) => {
                        const index = result.report.notes.indexOf(n);
                        return (
                          <li key={index}>
                            {importNoteText(n, lang)}
                            {n.code === 'agencySplit' && (
                              <>
                                {' '}
                                <button type="button" className="link-button" onClick={() => void regroup(result.plan.id, index, n)} data-testid="import-regroup">
                                  {joined.has(index) ? t('imports.splitAgain') : t('imports.joinBack')}
                                </button>
                              </>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </details>
                );
              })}
              {regroupError && <p className="error">{regroupError}</p>}
            </div>
          )}
        </StatusMessage>
      )}
    </section>
  );
}
