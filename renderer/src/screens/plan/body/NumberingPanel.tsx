/**
 * The body's numbering style per level (model v2 `plan.numbering`): for each level (Mục, Khoản, Điểm, gạch
 * đầu dòng, dấu cộng) its label format (I, 1, a, -, +, none), the decimal path (`1.1.`) and what follows the
 * number (`.` or `)`). Each change is one `setField('plan.numbering', …)` edit, one undo step; the editor's
 * labels, the preview and the DOCX all print from it. Back to Nghị định 30's `I.`/`1.`/`a)` stores no style.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ND30_NUMBERING, formatLabel, levelStyle, numberingPreset } from '../../../../../electron/core/model/numbering';
import { LABEL_FORMATS, type BodyNumbering, type LabelFormat, type LevelStyle } from '../../../../../electron/core/model/types';
import type { PlanSession } from '../../../state/plan-session';

const LEVELS = ['part', 'item', 'point', 'dash', 'plus'] as const;
type Level = (typeof LEVELS)[number];

/** The numbering with one level's style replaced; a numbering equal to ND30's is stored as none (''). */
export function withLevel(numbering: BodyNumbering | null | undefined, level: Level, style: LevelStyle): string {
  const next: BodyNumbering = { ...ND30_NUMBERING, ...(numbering ?? {}), [level]: style };
  return numberingPreset(next) === 'nd30' ? '' : JSON.stringify(next);
}

/** A sensible suffix when the format changes: `a)` for letters, `I.`/`1.` for numbers, nothing for marks. */
function suffixFor(format: LabelFormat, old: LevelStyle): LevelStyle['suffix'] {
  if (format === 'dash' || format === 'plus' || format === 'none') return '';
  if (old.format === format) return old.suffix;
  return format === 'alpha' ? ')' : '.';
}

export function NumberingPanel({ numbering: stored, session }: { numbering: BodyNumbering | null | undefined; session: PlanSession }) {
  const { t } = useTranslation();
  const id = useId();
  // The choice shows at once; the stored style takes over when the plan reloads (or the edit is refused).
  const [shown, setShown] = useState<BodyNumbering | null | undefined>(undefined);
  useEffect(() => setShown(undefined), [stored]);
  const set = (value: string) => {
    setShown(value ? (JSON.parse(value) as BodyNumbering) : null);
    void session.edit('setField', 'plan.numbering', value).catch(() => setShown(undefined));
  };
  const numbering = shown === undefined ? stored : shown;
  return (
    <details className="body-numbering" data-testid="body-numbering">
      <summary>{t('body.numbering.title')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('body.numbering.level')}</th>
            <th scope="col">{t('body.numbering.format')}</th>
            <th scope="col">{t('body.numbering.suffix')}</th>
            <th scope="col">{t('body.numbering.path')}</th>
            <th scope="col">{t('body.numbering.example')}</th>
          </tr>
        </thead>
        <tbody>
          {LEVELS.map((level) => {
            const style = levelStyle(level, numbering);
            const numbered = style.format === 'roman' || style.format === 'decimal' || style.format === 'alpha';
            const name = t(`body.kind.${level}`);
            return (
              <tr key={level} data-level={level}>
                <th scope="row" id={`${id}-${level}`}>
                  {name}
                </th>
                <td>
                  <select
                    aria-label={t('body.numbering.formatOf', { level: name })}
                    value={style.format}
                    data-testid={`numbering-${level}`}
                    onChange={(e) => {
                      const format = e.currentTarget.value as LabelFormat;
                      set(withLevel(numbering, level, { format, suffix: suffixFor(format, style), ...(format === 'decimal' && style.path ? { path: true } : {}) }));
                    }}
                  >
                    {LABEL_FORMATS.map((f) => (
                      <option key={f} value={f}>
                        {t(`body.numbering.formats.${f}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={t('body.numbering.suffixOf', { level: name })}
                    value={style.suffix}
                    disabled={!numbered}
                    onChange={(e) => set(withLevel(numbering, level, { ...style, suffix: e.currentTarget.value as LevelStyle['suffix'] }))}
                  >
                    <option value=".">.</option>
                    <option value=")">)</option>
                    <option value="">{t('body.numbering.noSuffix')}</option>
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('body.numbering.pathOf', { level: name })}
                    checked={style.format === 'decimal' && Boolean(style.path)}
                    disabled={style.format !== 'decimal' || level === 'part'}
                    data-testid={`numbering-${level}-path`}
                    onChange={(e) => set(withLevel(numbering, level, { ...style, path: e.currentTarget.checked }))}
                  />
                </td>
                <td className="doc">{[0, 1].map((i) => formatLabel(style, i, style.path && level !== 'part' ? [1] : [])).join('  ') || '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" disabled={numberingPreset(numbering) === 'nd30'} onClick={() => set('')} data-testid="numbering-reset">
        {t('body.numbering.reset')}
      </button>
    </details>
  );
}
