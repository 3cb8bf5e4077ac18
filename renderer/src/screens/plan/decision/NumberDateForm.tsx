import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentNumber } from '../../../../../electron/core/model/dates';
import type { Issuance } from '../../../../../electron/core/model/types';
import type { PlanSession } from '../../../state/plan-session';
import { DateRow } from './DateRow';
import { TextRow } from './TextRow';
import { quietly } from './commit';

/**
 * Number, symbol and date of issue, with the `Số: …` and place-date lines as they will be printed, and whether an
 * empty number or date is "not yet assigned" (the blanks left for the signer) or "issued but not known" (`…`).
 * `base`: decision or plan.issuance.
 */
export function NumberDateForm({ base, issuance, place, year, session }: {
  base: 'decision' | 'plan.issuance';
  issuance: Issuance;
  place: string;
  year: number;
  session: PlanSession;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="number-symbol">
        <TextRow
          path={`${base}.number`}
          label={t('decisionForm.issuance.number')}
          value={issuance.number}
          session={session}
          inputMode="numeric"
          hint={t('decisionForm.issuance.numberHint')}
          validate={(text) => (/^\d{0,10}$/.test(text.trim()) ? null : t('decisionForm.issuance.numberInvalid'))}
          className="short"
        />
        <TextRow
          path={`${base}.symbol`}
          label={t('decisionForm.issuance.symbol')}
          value={issuance.symbol}
          session={session}
          hint={t('decisionForm.issuance.symbolHint')}
          validate={(text) => (/^[^\s/]{0,50}$/.test(text.trim()) ? null : t('decisionForm.issuance.symbolInvalid'))}
          className="short"
        />
        <p className="printed form-row-aside">
          <span className="printed-label">{t('decisionForm.issuance.printedAs')}:</span>{' '}
          {/* The blanks of an unsigned draft are spaces: keep them visible. */}
          <span className="doc pre-wrap" data-testid="doc-number">
            {documentNumber(issuance.number, issuance.symbol, issuance.numberUnknown)}
          </span>
        </p>
      </div>
      <DateRow path={`${base}.date`} value={issuance.date} place={place} year={year} unknown={issuance.dateUnknown} session={session} />
      <UnknownFlags base={base} issuance={issuance} session={session} />
    </>
  );
}

/**
 * The two "unknown" flags (model v2) as check boxes: an old plan's number or date that was given but cannot be
 * read (a scan, a lost copy) prints `…` instead of the blanks left for the signer. Each click is one
 * `setField` edit of the option (true, or removed), one undo step. A filled number or date is printed as
 * written, so its flag is shown disabled.
 */
function UnknownFlags({ base, issuance, session }: { base: 'decision' | 'plan.issuance'; issuance: Issuance; session: PlanSession }) {
  const { t } = useTranslation();
  // The box shows the click at once; the stored value takes over when the plan reloads (or the edit is refused).
  const [shown, setShown] = useState<Partial<Record<'numberUnknown' | 'dateUnknown', boolean>>>({});
  useEffect(() => setShown({}), [issuance.numberUnknown, issuance.dateUnknown]);
  const flag = (field: 'numberUnknown' | 'dateUnknown', on: boolean, filled: boolean, testId: string) => (
    <label className={`unknown-flag${filled ? ' is-disabled' : ''}`}>
      <input
        type="checkbox"
        checked={shown[field] ?? on}
        disabled={filled && !on}
        data-path={`${base}.${field}`}
        data-testid={testId}
        onChange={(e) => {
          const checked = e.currentTarget.checked;
          setShown((s) => ({ ...s, [field]: checked }));
          void quietly(session.edit('setField', `${base}.${field}`, checked ? 'true' : '')).then(() => setShown((s) => ({ ...s, [field]: undefined })));
        }}
      />{' '}
      {t(`decisionForm.issuance.${field}`)}
    </label>
  );
  return (
    <div className="form-row unknown-flags" role="group" aria-label={t('decisionForm.issuance.unknownHeading')}>
      <span className="form-row-label">{t('decisionForm.issuance.unknownHeading')}</span>
      <div className="form-row-control">
        {flag('numberUnknown', Boolean(issuance.numberUnknown), issuance.number.trim() !== '', 'number-unknown')}
        {flag('dateUnknown', Boolean(issuance.dateUnknown), issuance.date !== null, 'date-unknown')}
        <p className="hint">{t('decisionForm.issuance.unknownHint')}</p>
      </div>
    </div>
  );
}
