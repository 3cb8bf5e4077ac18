import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIsoDate, nd30DateWords } from '../../../../electron/core/model/dates';
import { isComposing } from '../../lib/keys';
import type { PlanSession } from '../../state/plan-session';
import { commitField } from './commit';
import { describedBy, FormRow } from './FormRow';

/**
 * The date of issue: a date picker, the ND30 wording of what is picked right next to it, and "clear" for an
 * unsigned draft (stored as null). Committed on blur and Enter, not on every change: typing a year digit by
 * digit would otherwise store 0002, 0020, 0202 on the way to 2023.
 */
export function DateRow({ path, value, place, year, session }: {
  path: string;
  value: string | null;
  place: string;
  year: number;
  session: PlanSession;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState(value ?? '');
  useEffect(() => {
    if (document.activeElement !== ref.current) setShown(value ?? '');
  }, [value]);

  const commit = (text: string) => {
    const next = text === '' ? null : text;
    if (next !== value && (next === null || isValidIsoDate(next))) void commitField(session, path, next);
  };
  const words = nd30DateWords(isValidIsoDate(shown) ? shown : null, year);
  const hint = shown ? undefined : t('decisionForm.issuance.dateBlank');
  return (
    <FormRow id={id} label={t('decisionForm.issuance.date')} hint={hint}>
      <div className="date-line">
        <input
          ref={ref}
          id={id}
          type="date"
          className="date-input"
          value={shown}
          min="1945-01-01"
          max="2200-12-31"
          data-path={path}
          aria-describedby={[`${id}-words`, describedBy(id, hint)].filter(Boolean).join(' ')}
          onChange={(e) => setShown(e.currentTarget.value)}
          onBlur={() => commit(shown)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !isComposing(e)) commit(shown);
          }}
        />
        <button
          type="button"
          disabled={!shown && value === null}
          title={t('decisionForm.issuance.clearDateHint')}
          onClick={() => {
            setShown('');
            commit('');
          }}
          data-testid="clear-date"
        >
          {t('decisionForm.issuance.clearDate')}
        </button>
        <span className="printed" id={`${id}-words`}>
          <span className="printed-label">{t('decisionForm.issuance.printedAs')}:</span>{' '}
          <em className="doc pre-wrap" data-testid="doc-date">
            {place ? `${place}, ${words}` : words}
          </em>
        </span>
      </div>
    </FormRow>
  );
}
