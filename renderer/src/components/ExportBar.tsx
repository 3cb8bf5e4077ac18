import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocxPart, ExportFormat, ExportResult } from '../../../electron/core/api/contract';
import { api } from '../api';
import { downloadBase64 } from '../lib/download';
import { errorMessage } from '../lib/errors';
import { StatusMessage } from './StatusMessage';

const FORMATS: readonly ExportFormat[] = ['docx', 'xlsx', 'json'];
/** Which documents the DOCX holds: the whole package, or one of its three documents alone. */
const DOCX_CHOICES: ReadonlyArray<{ key: string; parts?: DocxPart[] }> = [
  { key: 'all' },
  { key: 'decision', parts: ['decision'] },
  { key: 'plan', parts: ['plan'] },
  { key: 'appendix', parts: ['appendix'] },
];

type Outcome = { kind: 'done'; result: ExportResult; format: ExportFormat } | { kind: 'error'; message: string };

/** DOCX / XLSX / JSON. Desktop saves through a dialog; the browser gets a download. */
export function ExportBar({ planId }: { planId: number }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [docxChoice, setDocxChoice] = useState('all');

  const run = async (format: ExportFormat) => {
    setBusy(format);
    setOutcome(null);
    try {
      const parts = format === 'docx' ? DOCX_CHOICES.find((c) => c.key === docxChoice)?.parts : undefined;
      const result = await api.exportPlan(planId, format, parts);
      if (result.kind === 'download') downloadBase64(result.fileName, result.mime, result.base64);
      setOutcome({ kind: 'done', result, format });
    } catch (e) {
      setOutcome({ kind: 'error', message: errorMessage(e, t) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-bar">
      <div className="export-buttons" role="group" aria-label={t('export.label')}>
        <span className="export-label" aria-hidden="true">
          {t('export.label')}
        </span>
        <select
          aria-label={t('export.docxParts.label')}
          value={docxChoice}
          onChange={(e) => setDocxChoice(e.target.value)}
          disabled={busy !== null}
          data-testid="docx-parts"
        >
          {DOCX_CHOICES.map((c) => (
            <option key={c.key} value={c.key}>
              {t(`export.docxParts.${c.key}`)}
            </option>
          ))}
        </select>
        {FORMATS.map((f) => (
          <button key={f} type="button" disabled={busy !== null} aria-busy={busy === f} onClick={() => void run(f)} title={t(`export.hint.${f}`)}>
            {busy === f ? t('export.working') : f.toUpperCase()}
          </button>
        ))}
      </div>
      {outcome && <ExportOutcome outcome={outcome} onDismiss={() => setOutcome(null)} />}
    </div>
  );
}

function ExportOutcome({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (outcome.kind === 'error') {
    return (
      <StatusMessage kind="error" onDismiss={onDismiss} dismissLabel={t('action.dismiss')}>
        {t('export.failed', { message: outcome.message })}
      </StatusMessage>
    );
  }
  const { result, format } = outcome;
  if (result.kind === 'cancelled') return null;
  return (
    <StatusMessage kind="info" onDismiss={onDismiss} dismissLabel={t('action.dismiss')}>
      <p>
        {result.kind === 'saved' ? (
          <>
            {t('export.saved', { format: format.toUpperCase() })} <code data-testid="export-path">{result.path}</code>
          </>
        ) : (
          t('export.downloaded', { fileName: result.fileName })
        )}
      </p>
      {result.kind === 'saved' && <OpenExported fileId={result.fileId} />}
      {result.notes.length > 0 && (
        <>
          <p className="notes-title">{t('export.notes')}</p>
          <ul className="notes" data-testid="export-notes">
            {result.notes.map((n, i) => (
              <li key={i}>{t(n.key, n.values)}</li>
            ))}
          </ul>
        </>
      )}
    </StatusMessage>
  );
}

/**
 * "Mở tệp" / "Mở thư mục" under a file the desktop app saved (only the desktop's exports are `saved`; the browser's
 * are downloads, named instead). Main opens the file by the id it gave, never by a path from here.
 */
function OpenExported({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const act = async (action: 'openExportedFile' | 'showExportedFile') => {
    setProblem(null);
    try {
      await api[action](fileId);
    } catch (e) {
      setProblem(t('export.openFailed', { message: errorMessage(e, t) }));
    }
  };
  return (
    <>
      <p className="export-open">
        <button type="button" onClick={() => void act('openExportedFile')} title={t('export.openFileHint')} data-testid="export-open-file">
          {t('export.openFile')}
        </button>{' '}
        <button type="button" onClick={() => void act('showExportedFile')} title={t('export.openFolderHint')} data-testid="export-open-folder">
          {t('export.openFolder')}
        </button>
      </p>
      {problem && (
        <p role="alert" data-testid="export-open-problem">
          {problem}
        </p>
      )}
    </>
  );
}
