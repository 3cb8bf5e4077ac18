import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanPeriod } from '../../../../../electron/core/model/types';
import { parseYear } from '../../plans/NewBlankDialog';
import { isComposing } from '../../../lib/keys';
import type { PlanSession } from '../../../state/plan-session';
import { quietly } from './commit';
import { describedBy, FormRow } from './FormRow';
import { TextRow } from './TextRow';

/**
 * The plan's own name (for the list), its year (renamePlan, setPlanYear) and its period (model v2: a plan over
 * several years, 2021–2030, which the checker, the deadlines and the rollover then read).
 */
export function PlanInfoFields({ title, year, period, session }: { title: string; year: number; period: PlanPeriod | null | undefined; session: PlanSession }) {
  const { t } = useTranslation();
  return (
    <>
      <TextRow
        path="title"
        label={t('decisionForm.planInfo.title')}
        value={title}
        session={session}
        validate={(text) => (text.trim() ? null : t('decisionForm.planInfo.titleEmpty'))}
        onCommit={(text) => void quietly(session.edit('renamePlan', text))}
        className="chrome-input"
      />
      <YearRow year={year} session={session} />
      <PeriodRow year={year} period={period} session={session} />
    </>
  );
}

function YearRow({ year, session }: { year: number; session: PlanSession }) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(String(year));
  const [invalid, setInvalid] = useState(false);
  // Show the stored year when it changes elsewhere (undo, another window), unless the drafter is typing one.
  useEffect(() => {
    if (document.activeElement !== ref.current) setText(String(year));
  }, [year]);
  const commit = () => {
    const next = parseYear(text);
    setInvalid(next === null);
    if (next !== null && next !== year) void quietly(session.edit('setPlanYear', next));
  };
  const error = invalid ? t('decisionForm.planInfo.yearInvalid') : null;
  return (
    <FormRow id={id} label={t('decisionForm.planInfo.year')} error={error}>
      <input
        ref={ref}
        id={id}
        type="number"
        className="year-input"
        min={1945}
        max={2200}
        value={text}
        data-path="year"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, undefined, error)}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !isComposing(e)) commit();
        }}
      />
    </FormRow>
  );
}

/**
 * The last year of a plan over a period ("Giai đoạn 2021 – [2030]"). The period starts in the plan's year (the
 * store's rule), so only its end is typed; empty, or the plan's year: a one-year plan (the option removed).
 * One `setField('period', …)` edit, one undo step.
 */
function PeriodRow({ year, period, session }: { year: number; period: PlanPeriod | null | undefined; session: PlanSession }) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const stored = period && period.to > period.from ? String(period.to) : '';
  const [text, setText] = useState(stored);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (document.activeElement !== ref.current) setText(stored);
  }, [stored]);
  const commit = () => {
    const raw = text.trim();
    if (raw === '') {
      setProblem(null);
      if (stored) void quietly(session.edit('setField', 'period', ''));
      return;
    }
    const to = parseYear(raw);
    if (to === null || to < year || to - year > 50) {
      setProblem(t('decisionForm.planInfo.periodInvalid', { year, max: year + 50 }));
      return;
    }
    setProblem(null);
    const next = to === year ? '' : String(to);
    if (next !== stored) void quietly(session.edit('setField', 'period', to === year ? '' : JSON.stringify({ from: year, to })));
  };
  const hint = stored ? t('decisionForm.planInfo.periodPrinted', { from: year, to: stored }) : t('decisionForm.planInfo.periodHint');
  return (
    <FormRow id={id} label={t('decisionForm.planInfo.period')} hint={hint} error={problem}>
      <span className="period-input">
        <span aria-hidden="true">{year} –</span>{' '}
        <input
          ref={ref}
          id={id}
          type="number"
          className="year-input"
          min={year}
          max={year + 50}
          value={text}
          placeholder={t('decisionForm.planInfo.periodPlaceholder')}
          data-path="period"
          data-testid="period-to"
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy(id, hint, problem)}
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !isComposing(e)) commit();
          }}
        />
      </span>
    </FormRow>
  );
}
