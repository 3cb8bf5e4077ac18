import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Comparison } from '../../../../../electron/core/api/contract';
import { WordDiff } from '../../../components/diff/WordDiff';

type RowChange = Comparison['rows'][number];

/** Marks beside the status words (never instead of them). */
const MARK: Record<RowChange['status'], string> = { same: '=', added: '+', removed: '−', moved: '↕', changed: '✎' };

function where(side: RowChange['before'], t: TFunction): string {
  return side ? t('versions.rowAt', { number: side.number, group: side.group }) : '—';
}

/** Where the row is: one place when it stayed, "before → after" when its number or group changed. */
function placeOf(r: RowChange, t: TFunction): string {
  const [a, b] = [where(r.before, t), where(r.after, t)];
  if (r.status === 'added') return b;
  if (r.status === 'removed' || a === b) return a;
  return `${a} → ${b}`;
}

/** The appendix rows that differ between the two sides, each with the word diff of its changed cells (captions by column key). */
export function RowChanges({ rows, captions }: { rows: RowChange[]; captions: Readonly<Record<string, string>> }) {
  const { t } = useTranslation();
  const changed = rows.filter((r) => r.status !== 'same');
  if (changed.length === 0) return <p className="muted">{t('versions.noRowChanges')}</p>;
  const caption = (key: string) => captions[key] ?? key;
  return (
    <ul className="row-changes">
      {changed.map((r, i) => (
        <li key={i} className={`row-change status-${r.status}`} data-testid="row-change" data-status={r.status}>
          <p className="row-change-head">
            <span className="status-tag">
              <span aria-hidden="true">{MARK[r.status]} </span>
              {t(`versions.status.${r.status}`)}
            </span>
            <span>
              {placeOf(r, t)}
            </span>
            {r.score !== undefined && r.status !== 'same' && r.score < 1 && (
              <span className="muted">{t('versions.score', { percent: Math.round(r.score * 100) })}</span>
            )}
          </p>
          {Object.keys(r.cells).length > 0 && (
            <dl className="cell-diffs">
              {Object.entries(r.cells).map(([key, ops]) => (
                <div key={key} data-testid="cell-diff" data-column={key}>
                  <dt>{caption(key)}</dt>
                  <dd>
                    <WordDiff ops={ops} />
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ul>
  );
}
