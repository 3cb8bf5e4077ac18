import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYear } from '../../components/plans/NewBlankDialog';
import { isComposing } from '../../lib/keys';
import type { PlanSession } from '../../state/plan-session';
import { quietly } from './commit';
import { describedBy, FormRow } from './FormRow';
import { TextRow } from './TextRow';

/** The plan's own name (for the list) and year: not printed, kept on the plan itself (renamePlan, setPlanYear). */
export function PlanInfoFields({ title, year, session }: { title: string; year: number; session: PlanSession }) {
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
