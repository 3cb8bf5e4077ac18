import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, ColumnDef } from '../../../../../electron/core/model/types';
import type { AgencyChoice } from '../../../../../electron/core/model/merge';
import { fileSpellings, type FileSpelling } from '../../../../../electron/core/model/merge-take';
import { isCertain, needsConfirm, spelledOut } from '../../../../../electron/core/model/agency-match';
import { takeCells, type DeskFile } from './merge-state';

/**
 * What a department's file needs decided once for all its rows, before they are taken: where each column the
 * plan has not goes (or that it is left out), and which directory entry each agency spelling names. A spelling
 * the directory certainly has ("Sở Tư Pháp") is shown as matched; a likely one (STP) waits for a confirm; an
 * unknown one for a pick or an explicit "add to the directory". Nothing is added or dropped unasked.
 */
export function FileDecisions({ file, columns, directory, onColumn, onAgency }: {
  file: DeskFile;
  columns: readonly ColumnDef[];
  directory: readonly Agency[];
  onColumn: (caption: string, key: string | null | undefined) => void;
  onAgency: (spelling: string, choice: AgencyChoice | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const pending = file.proposals.filter((p) => p.state === 'pending' && p.proposal.status !== 'same');
  const agencyKeys = useMemo(() => new Set(columns.filter((c) => c.kind === 'agencies').map((c) => c.key)), [columns]);
  const spellings = fileSpellings(pending.map((p) => ({ cells: takeCells(file, p) })), agencyKeys, directory);
  const unplaced = file.unplacedColumns.filter((caption) => pending.some((p) => p.proposal.unplaced?.[caption]));
  // A plan column the file already fills is not offered again (its text would be overwritten).
  const filled = new Set(pending.flatMap((p) => Object.keys(p.cells)));
  const sorted = useMemo(() => [...directory].sort((a, b) => a.name.localeCompare(b.name, 'vi')), [directory]);
  if (!spellings.length && !unplaced.length) return null;

  return (
    <section className="merge-decisions" aria-labelledby={`${id}-h`} data-testid="merge-decisions">
      <h5 id={`${id}-h`}>{t('merge.decisions.heading')}</h5>
      {unplaced.length > 0 && (
        <>
          <p className="muted">{t('merge.decisions.columnsIntro')}</p>
          <ul className="merge-decision-list">
            {unplaced.map((caption, i) => {
              const choice = file.columnChoices[caption];
              const undecided = choice === undefined;
              return (
                <li key={caption} data-testid="merge-unplaced-column" className={undecided ? 'is-open' : undefined}>
                  <label htmlFor={`${id}-c${i}`}>{t('merge.decisions.column', { caption })}</label>
                  <select
                    id={`${id}-c${i}`}
                    value={undecided ? '' : choice === null ? '__none' : choice}
                    onChange={(e) => onColumn(caption, e.target.value === '__none' ? null : e.target.value || undefined)}
                  >
                    <option value="">{t('merge.decisions.chooseColumn')}</option>
                    {columns.filter((c) => c.kind !== 'number' && !filled.has(c.key)).map((c) => (
                      <option key={c.key} value={c.key}>{t('merge.decisions.intoColumn', { caption: c.caption })}</option>
                    ))}
                    <option value="__none">{t('merge.decisions.leaveColumn')}</option>
                  </select>
                  {undecided && <span className="merge-need">{t('merge.decisions.needed')}</span>}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {spellings.length > 0 && (
        <>
          <p className="muted">{t('merge.decisions.agenciesIntro')}</p>
          <ul className="merge-decision-list">
            {spellings.map((s, i) => (
              <SpellingRow key={s.spelling} id={`${id}-a${i}`} spelling={s} choice={file.agencyChoices[s.spelling]} directory={sorted} onChoose={(c) => onAgency(s.spelling, c)} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** One spelling of the file: what it matched, and the one-click answers (confirm, pick another, add it). */
function SpellingRow({ id, spelling: { spelling, match }, choice, directory, onChoose }: {
  id: string;
  spelling: FileSpelling;
  choice: AgencyChoice | undefined;
  directory: readonly Agency[];
  onChoose: (choice: AgencyChoice | undefined) => void;
}) {
  const { t } = useTranslation();
  const chosen = choice && 'agency' in choice ? directory.find((a) => a.key === choice.agency) : undefined;
  const adding = choice && 'add' in choice ? choice.add : null;
  const suggested = isCertain(match) || needsConfirm(match) ? match.agency : undefined;
  const full = spelledOut(spelling);
  const settled = Boolean(chosen || adding || isCertain(match));
  const name = chosen?.name ?? adding ?? suggested?.name;
  // The list offers the likely entries first (the suggestion, or each candidate of an ambiguous spelling).
  const first = match.kind === 'ambiguous' ? match.candidates : suggested ? [suggested] : [];
  const rest = directory.filter((a) => !first.includes(a));
  const state = chosen || adding ? 'chosen' : isCertain(match) ? 'matched' : 'open';

  return (
    <li className={`merge-spelling is-${state}`} data-testid="merge-spelling" data-spelling={spelling} data-state={state}>
      <span className="merge-spelling-line">
        <q className="merge-spelling-text">{spelling}</q>
        <span aria-hidden="true"> → </span>
        <span className="visually-hidden">{t('merge.decisions.means')}</span>
        {name ? <strong>{name}</strong> : <em>{t('merge.decisions.unknown')}</em>}
        {(adding || chosen || match.kind !== 'none') && (
          <>
            {' '}
            <span className="merge-kind">
              ({adding ? t('merge.decisions.willAdd') : chosen ? t('merge.decisions.chosen') : t(`agencyMatch.kind.${match.kind}`)})
            </span>
          </>
        )}
      </span>
      <span className="merge-spelling-actions">
        {!settled && suggested && (
          <button type="button" className="primary" onClick={() => onChoose({ agency: suggested.key })} data-testid="merge-confirm">
            {t('merge.decisions.confirm', { name: suggested.name })}
          </button>
        )}
        {!settled && match.kind === 'none' && (
          <button type="button" onClick={() => onChoose({ add: full })} data-testid="merge-add">
            {t('merge.decisions.add', { name: full })}
          </button>
        )}
        {!settled && match.kind === 'none' && full !== spelling && (
          <button type="button" onClick={() => onChoose({ add: spelling })}>
            {t('merge.decisions.addAsWritten', { name: spelling })}
          </button>
        )}
        <label className="visually-hidden" htmlFor={id}>{t('merge.decisions.pickFor', { spelling })}</label>
        <select id={id} value={chosen?.key ?? ''} onChange={(e) => onChoose(e.target.value ? { agency: e.target.value } : undefined)} data-testid="merge-pick">
          <option value="">{settled && !chosen ? t('merge.decisions.pickOther') : t('merge.decisions.pick')}</option>
          {[...first, ...rest].map((a) => (
            <option key={a.key} value={a.key}>{a.name}</option>
          ))}
        </select>
        {(chosen || adding) && (
          <button type="button" className="link-button" onClick={() => onChoose(undefined)}>
            {t('merge.decisions.undo')}
          </button>
        )}
      </span>
    </li>
  );
}
