import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { StatusMessage } from '../../../components/StatusMessage';
import { errorMessage } from '../../../lib/errors';
import { readAsBase64 } from '../../../lib/read-file';
import type { SectionProps } from '../types';
import { deskFile, subRowTarget, takeCells, type DeskFile, type DeskProposal, type ProposalState } from './merge-state';
import { MergeFileCard } from './MergeFileCard';
import { SourcesList } from './SourcesList';
import './merge.css';

/**
 * Merging the departments' proposals: read their files against the appendix, then take, edit or leave each
 * proposed row. A take is one edit through the session (one undo step); the row remembers its source.
 */
export function MergeSection({ opened, session }: SectionProps) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<DeskFile[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [reading, setReading] = useState(false);
  const [busy, setBusy] = useState(false);
  const serial = useRef(0);
  const { pkg } = opened;

  const read = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(e.target.files ?? [])];
    e.target.value = ''; // the same file can be chosen again later
    if (!chosen.length) return;
    setReading(true);
    const failed: string[] = [];
    const read: DeskFile[] = [];
    for (const file of chosen) {
      try {
        const merge = await api.readMergeFile(session.planId, file.name, await readAsBase64(file));
        read.push(deskFile(merge, `f${++serial.current}`));
      } catch (err) {
        failed.push(`${file.name}: ${errorMessage(err, t)}`);
      }
    }
    setFiles((f) => [...f, ...read]);
    setErrors(failed);
    setReading(false);
  };

  const patchFile = (key: string, patch: (f: DeskFile) => DeskFile) => setFiles((fs) => fs.map((f) => (f.key === key ? patch(f) : f)));
  const setState = (file: DeskFile, item: DeskProposal, state: ProposalState, rowId?: number) =>
    patchFile(file.key, (f) => ({ ...f, proposals: f.proposals.map((p) => (p.key === item.key ? { ...p, state, ...(rowId !== undefined ? { rowId } : {}) } : p)) }));

  const take = async (file: DeskFile, item: DeskProposal, groupId: number | null) => {
    const p = item.proposal;
    const group = pkg.appendix.groups.find((g) => g.id === groupId);
    // A sub-row of the file goes under the plan's row its parent matches (or became), keeping the file's tree.
    const under = p.status === 'new' ? subRowTarget(files.find((f) => f.key === file.key) ?? file, item, pkg.appendix.groups) : null;
    const target = under
      ? { kind: 'new' as const, ...under }
      : p.status === 'new' && group?.id !== undefined
        ? { kind: 'new' as const, groupId: group.id, index: group.rows.length }
        : p.match?.rowId !== undefined
          ? { kind: 'replace' as const, rowId: p.match.rowId }
          : null;
    if (!target) return;
    setBusy(true);
    try {
      // Exactly what the card shows: the file's cells with the unplaced columns put where the drafter said, and the
      // agencies as settled for the whole file.
      const current = files.find((f) => f.key === file.key) ?? file;
      const rowId = await session.edit('takeProposal', target, takeCells(current, item), { file: file.fileName, department: file.department }, current.agencyChoices);
      setState(file, item, 'taken', rowId);
    } catch {
      // The session shows the error line; the proposal stays pending.
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="merge-panel" data-testid="merge-panel">
      <section aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{t('merge.heading')}</h3>
        <p className="muted">{t('merge.intro')}</p>
        <div className="merge-pick">
          <button type="button" className="primary" onClick={() => input.current?.click()} disabled={reading}>
            {t('merge.choose')}
          </button>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            multiple
            accept=".xlsx,.json"
            className="visually-hidden"
            tabIndex={-1}
            aria-label={t('merge.choose')}
            onChange={(e) => void read(e)}
            data-testid="merge-input"
          />
          {reading && <span className="muted">{t('merge.reading')}</span>}
        </div>
        {errors.length > 0 && (
          <StatusMessage kind="error" onDismiss={() => setErrors([])} dismissLabel={t('action.dismiss')}>
            {errors.length === 1 ? errors[0] : <ul>{errors.map((m) => <li key={m}>{m}</li>)}</ul>}
          </StatusMessage>
        )}
      </section>
      {files.map((file) => (
        <MergeFileCard
          key={file.key}
          file={file}
          columns={pkg.appendix.columns}
          groups={pkg.appendix.groups}
          directory={pkg.agencies}
          busy={busy}
          onDepartment={(department) => patchFile(file.key, (f) => ({ ...f, department }))}
          onTake={(item, g) => void take(file, item, g)}
          onLeave={(item) => setState(file, item, 'left')}
          onRestore={() => patchFile(file.key, (f) => ({ ...f, proposals: f.proposals.map((p) => (p.state === 'left' ? { ...p, state: 'pending' } : p)) }))}
          onEditCell={(item, key, text) =>
            patchFile(file.key, (f) => ({ ...f, proposals: f.proposals.map((p) => (p.key === item.key ? { ...p, cells: { ...p.cells, [key]: text } } : p)) }))
          }
          onColumn={(caption, key) =>
            patchFile(file.key, (f) => {
              const columnChoices = { ...f.columnChoices };
              if (key === undefined) delete columnChoices[caption];
              else columnChoices[caption] = key;
              return { ...f, columnChoices };
            })
          }
          onAgency={(spelling, choice) =>
            patchFile(file.key, (f) => {
              const agencyChoices = { ...f.agencyChoices };
              if (choice === undefined) delete agencyChoices[spelling];
              else agencyChoices[spelling] = choice;
              return { ...f, agencyChoices };
            })
          }
          onClose={() => setFiles((fs) => fs.filter((f) => f.key !== file.key))}
        />
      ))}
      <SourcesList opened={opened} />
    </div>
  );
}
