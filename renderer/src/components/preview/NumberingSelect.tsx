/**
 * The numbering styles chosen for the plan (model v2), a minimal selector beside the preview: the body's
 * labels (I./1./a) of Nghị định 30, decimal 1.1.1., Roman over decimal, none) and the appendix's row numbers
 * (continuous, per group, hierarchical 1.1, none) and the first row number (start at N). The choice is stored through setField as JSON and the
 * preview and the DOCX both print from it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BODY_NUMBERING_PRESETS, numberingPreset, type BodyNumberingPreset } from '../../../../electron/core/model/numbering';
import { rowNumbering } from '../../../../electron/core/model/rows';
import { ROW_NUMBERING_STYLES, type PlanPackage, type RowNumberingStyle } from '../../../../electron/core/model/types';

const BODY_PRESETS = Object.keys(BODY_NUMBERING_PRESETS) as BodyNumberingPreset[];

export function NumberingSelect({ pkg, onOption }: { pkg: PlanPackage; onOption: (field: string, json: string) => void }) {
  const { t } = useTranslation();
  const body = numberingPreset(pkg.plan.numbering);
  const rows = rowNumbering(pkg.appendix);
  return (
    <span className="preview-numbering">
      <label>
        {t('preview.numbering.body')}{' '}
        <select
          data-testid="numbering-body"
          value={body ?? 'custom'}
          onChange={(e) => {
            const preset = e.target.value as BodyNumberingPreset;
            // ND30 is the default: stored as no style at all, so a v1 plan stays as it was.
            onOption('plan.numbering', preset === 'nd30' ? '' : JSON.stringify(BODY_NUMBERING_PRESETS[preset]));
          }}
        >
          {BODY_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`preview.numbering.bodyStyles.${p}`)}
            </option>
          ))}
          {body === null && <option value="custom">{t('preview.numbering.custom')}</option>}
        </select>
      </label>{' '}
      <label>
        {t('preview.numbering.rows')}{' '}
        <select
          data-testid="numbering-rows"
          value={rows.style}
          onChange={(e) => {
            const style = e.target.value as RowNumberingStyle;
            onOption('appendix.numbering', style === 'continuous' && rows.start === 1 ? '' : JSON.stringify({ ...(rows.start !== 1 ? { start: rows.start } : {}), style }));
          }}
        >
          {ROW_NUMBERING_STYLES.map((s) => (
            <option key={s} value={s}>
              {t(`preview.numbering.rowStyles.${s}`)}
            </option>
          ))}
        </select>
      </label>{' '}
      {rows.style !== 'none' && <StartInput start={rows.start} onStart={(start) => onOption('appendix.numbering', start === 1 && rows.style === 'continuous' ? '' : JSON.stringify({ ...(start !== 1 ? { start } : {}), style: rows.style }))} />}
    </span>
  );
}

/**
 * The first row number ("start at N": an appendix that continues another's numbering). Committed on blur and
 * Enter (typing 12 must not store 1 on the way); a number outside 0–100000 is refused with its message.
 */
function StartInput({ start, onStart }: { start: number; onStart: (start: number) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(String(start));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    if (document.activeElement !== ref.current) setText(String(start));
  }, [start]);
  const commit = () => {
    const n = Number(text.trim());
    const ok = /^\d{1,6}$/.test(text.trim()) && n <= 100000;
    setBad(!ok);
    if (ok && n !== start) onStart(n);
  };
  return (
    <label title={bad ? t('preview.numbering.startInvalid') : undefined}>
      {t('preview.numbering.start')}{' '}
      <input
        ref={ref}
        type="number"
        min={0}
        max={100000}
        className="numbering-start"
        data-testid="numbering-start"
        value={text}
        aria-invalid={bad || undefined}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
