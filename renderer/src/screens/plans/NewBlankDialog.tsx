import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isComposing } from '../../lib/keys';
import { Dialog } from '../../components/Dialog';
import { EditableText, type EditableTextHandle } from '../../components/fields/EditableText';

export const MIN_YEAR = 1945;
export const MAX_YEAR = 2200;

export function parseYear(text: string): number | null {
  const year = Number(text.trim());
  return /^\d{4}$/.test(text.trim()) && year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/** Where a new plan is issued: the province (or city) and the place written before the date. */
export interface NewPlanPlace {
  province: string;
  place: string;
}

/**
 * The issuer's name block for a province or centrally-run city: "Bình Phước" → "ỦY BAN NHÂN DÂN\nTỈNH
 * BÌNH PHƯỚC"; "Thành phố Hồ Chí Minh" → "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH".
 */
export function issuerName(province: string): string {
  const p = province.normalize('NFC').trim().replace(/\s+/g, ' ');
  const unit = /^(thành phố|tp\.?)\s/i.test(p) ? p.replace(/^(thành phố|tp\.?)\s+/i, 'Thành phố ') : /^tỉnh\s/i.test(p) ? p : `Tỉnh ${p}`;
  return `ỦY BAN NHÂN DÂN\n${unit.toLocaleUpperCase('vi')}`;
}

/**
 * Asks the year of a new blank plan (drafters prepare next year's plan, so that is the default), the
 * province and the place, so that the new plan opens with its issuer already written.
 */
export function NewBlankDialog({ onCreate, onClose }: { onCreate: (year: number, where: NewPlanPlace) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(String(new Date().getFullYear() + 1));
  const [invalid, setInvalid] = useState(false);
  const province = useRef<EditableTextHandle>(null);
  const place = useRef<EditableTextHandle>(null);
  const submit = () => {
    const year = parseYear(text);
    if (year === null) return setInvalid(true);
    const p = (province.current?.element()?.value ?? '').normalize('NFC').trim();
    const at = (place.current?.element()?.value ?? '').normalize('NFC').trim();
    onCreate(year, { province: p, place: at || p.replace(/^(thành phố|tỉnh)\s+/i, (m) => (/^tỉnh/i.test(m) ? '' : m)) });
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
      <label htmlFor={`${id}-province`} className="form-label">{t('newPlan.province')}</label>
      <EditableText ref={province} id={`${id}-province`} className="text-input wide" value="" placeholder={t('newPlan.provinceHint')}
        data-testid="new-plan-province" onCommit={() => undefined}
        onKeyCommand={(e) => { if (e.key === 'Enter') { e.preventDefault(); submit(); } }} />
      <label htmlFor={`${id}-place`} className="form-label">{t('newPlan.place')}</label>
      <EditableText ref={place} id={`${id}-place`} className="text-input wide" value="" placeholder={t('newPlan.placeHint')}
        data-testid="new-plan-place" onCommit={() => undefined}
        onKeyCommand={(e) => { if (e.key === 'Enter') { e.preventDefault(); submit(); } }} />
    </Dialog>
  );
}
