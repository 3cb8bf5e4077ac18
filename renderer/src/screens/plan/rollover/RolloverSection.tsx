import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { StatusMessage } from '../../../components/StatusMessage';
import { errorMessage } from '../../../lib/errors';
import { placeLabel } from '../../../lib/place-label';
import type { SectionProps } from '../types';
import { ProposalRow } from './ProposalRow';
import { useBarHeight } from './use-bar-height';
import { useRolloverProposals, validYear } from './use-rollover';
import './rollover.css';
import { nextPlanYear } from '../../../../../electron/core/model/rollover';

/**
 * "Next year's plan from this one": every proposed change of year, reviewed one by one, then a new plan
 * built from the accepted ones (the opened plan is never touched).
 */
export function RolloverSection({ opened }: SectionProps) {
  const { t } = useTranslation();
  const id = useId();
  const { pkg, summary } = opened;
  // A period plan's next plan is the next period (2021–2030 → 2031), a one-year plan's next year.
  const [yearText, setYearText] = useState(String(nextPlanYear(pkg)));
  const year = Number(yearText);
  const { proposals, error } = useRolloverProposals(summary.id, year, summary.revision);
  // Rejected rather than accepted ids: a new proposal list starts fully accepted, as drafters expect.
  const [rejected, setRejected] = useState<ReadonlySet<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<unknown>(null);
  const { panel, bar } = useBarHeight<HTMLElement, HTMLDivElement>();

  const changes = useMemo(() => proposals?.filter((p) => p.mode === 'change') ?? [], [proposals]);
  const acceptedCount = changes.filter((p) => !rejected.has(p.id)).length;

  const toggle = (pid: string, on: boolean) =>
    setRejected((r) => {
      const next = new Set(r);
      if (on) next.delete(pid);
      else next.add(pid);
      return next;
    });

  const create = async () => {
    setCreating(true);
    setCreateError(null);
    try {
      const accepted = changes.filter((p) => !rejected.has(p.id)).map((p) => p.id);
      const plan = await api.applyRollover(summary.id, year, accepted);
      window.location.hash = `#/plans/${plan.id}/decision`;
    } catch (e) {
      setCreateError(e);
      setCreating(false);
    }
  };

  return (
    <section ref={panel} className="rollover-panel" aria-labelledby={`${id}-h`} data-testid="rollover-panel">
      <h3 id={`${id}-h`}>{t('rollover.heading')}</h3>
      <p className="muted">{t('rollover.intro', { from: pkg.year })}</p>
      <div ref={bar} className="ro-controls">
        <label htmlFor={`${id}-year`}>{t('rollover.year')}</label>
        <input
          id={`${id}-year`}
          type="number"
          inputMode="numeric"
          min={1900}
          max={2200}
          value={yearText}
          onChange={(e) => setYearText(e.target.value)}
          aria-invalid={!validYear(year)}
          data-testid="rollover-year"
        />
        <button type="button" onClick={() => setRejected(new Set())} disabled={!changes.length}>
          {t('rollover.acceptAll')}
        </button>
        <button type="button" onClick={() => setRejected(new Set(changes.map((p) => p.id)))} disabled={!changes.length}>
          {t('rollover.acceptNone')}
        </button>
        <span className="ro-count" aria-live="polite" data-testid="rollover-count">
          {t('rollover.acceptedCount', { accepted: acceptedCount, total: changes.length })}
        </span>
        <button type="button" className="primary" onClick={() => void create()} disabled={!validYear(year) || !proposals || creating} data-testid="rollover-create">
          {t('rollover.create', { year: validYear(year) ? year : '…' })}
        </button>
      </div>
      {!validYear(year) && <p className="field-error">{t('rollover.badYear')}</p>}
      {error != null && <StatusMessage kind="error">{errorMessage(error, t)}</StatusMessage>}
      {createError != null && <StatusMessage kind="error">{errorMessage(createError, t)}</StatusMessage>}
      {validYear(year) && !proposals && !error && <p className="muted">{t('app.loading')}</p>}
      {proposals && proposals.length === 0 && <p className="muted">{t('rollover.none')}</p>}
      {proposals && proposals.length > 0 && (
        <table className="rollover-table">
          <caption className="visually-hidden">{t('rollover.tableCaption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rollover.col.accept')}</th>
              <th scope="col">{t('rollover.col.place')}</th>
              <th scope="col">{t('rollover.col.before')}</th>
              <th scope="col">{t('rollover.col.after')}</th>
              <th scope="col">{t('rollover.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {proposals.map((p) => (
              <ProposalRow key={p.id} proposal={p} place={placeLabel(p.path, pkg, t)} accepted={!rejected.has(p.id)} onToggle={(on) => toggle(p.id, on)} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
