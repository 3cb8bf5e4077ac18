import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isComposing } from '../../lib/keys';
import { Dialog } from '../Dialog';

export const MIN_YEAR = 1945;
export const MAX_YEAR = 2200;

export function parseYear(text: string): number | null {
  const year = Number(text.trim());
  return /^\d{4}$/.test(text.trim()) && year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/** Asks the year of a new blank plan; drafters prepare next year's plan, so that is the default. */
export function NewBlankDialog({ onCreate, onClose }: { onCreate: (year: number) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(String(new Date().getFullYear() + 1));
  const [invalid, setInvalid] = useState(false);
  const submit = () => {
    const year = parseYear(text);
    if (year === null) setInvalid(true);
    else onCreate(year);
  };
  return (
    <Dialog
      title={t('plans.newBlankDialog.title')}
      onClose={onClose}
      testId="new-blank-dialog"
      actions={
        <>
          <button type="button" className="primary" onClick={submit}>
            {t('plans.newBlankDialog.create')}
          </button>
          <button type="button" onClick={onClose}>
            {t('plans.action.cancel')}
          </button>
        </>
      }
    >
      <label htmlFor={id} className="form-label">
        {t('plans.newBlankDialog.year')}
      </label>
      <input
        id={id}
        className="year-input"
        type="number"
        min={MIN_YEAR}
        max={MAX_YEAR}
        step={1}
        value={text}
        data-autofocus
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setInvalid(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !isComposing(e)) submit();
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {t('plans.newBlankDialog.yearHint')}
      </p>
      {invalid && (
        <p id={`${id}-error`} className="form-error" role="alert">
          {t('plans.newBlankDialog.yearInvalid')}
        </p>
      )}
    </Dialog>
  );
}
