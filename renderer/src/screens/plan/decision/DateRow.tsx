import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIsoDate, nd30DateWords } from '../../../../../electron/core/model/dates';
import { dmyToIso, isoToDmy } from '../../../lib/dmy';
import { isComposing } from '../../../lib/keys';
import type { PlanSession } from '../../../state/plan-session';
import { commitField } from './commit';
import { describedBy, FormRow } from './FormRow';

/**
 * The date of issue, typed dd/mm/yyyy whatever the system's locale (no native date input, which follows
 * it), the ND30 wording of what is picked right next to it, and "clear" for an
 * unsigned draft (stored as null). Committed on blur and Enter, not on every change: typing a year digit by
 * digit would otherwise store 0002, 0020, 0202 on the way to 2023.
 */
export function DateRow({ path, value, place, year, unknown = false, session }: {
  path: string;
  value: string | null;
  place: string;
  year: number;
  /** v2: the document was dated but the date is not known: an empty date prints `…`, not the blanks. */
  unknown?: boolean;
  session: PlanSession;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState(isoToDmy(value));
  useEffect(() => {
    if (document.activeElement !== ref.current) setShown(isoToDmy(value));
  }, [value]);

  const parsed = dmyToIso(shown);
  const commit = (text: string) => {
    const iso = dmyToIso(text);
    if (iso === null) return; // not a date yet: shown as such, nothing stored
    const next = iso === '' ? null : iso;
    if (next !== value) void commitField(session, path, next);
    if (iso) setShown(isoToDmy(iso));
  };
  const words = nd30DateWords(parsed && isValidIsoDate(parsed) ? parsed : null, year, unknown);
  const invalid = parsed === null;
  const hint = invalid ? t('dates.invalid') : shown ? undefined : unknown ? t('decisionForm.issuance.dateUnknownNote') : t('decisionForm.issuance.dateBlank');
  return (
    <FormRow id={id} label={t('decisionForm.issuance.date')} hint={hint}>
      <div className="date-line">
        <input
          ref={ref}
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('dates.placeholder')}
          className="date-input"
          value={shown}
          data-path={path}
          aria-invalid={invalid || undefined}
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
