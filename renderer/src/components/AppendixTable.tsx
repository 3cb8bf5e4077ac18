import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { rowNumbers, toRoman } from '../../../electron/core/model/numbering';
import { cellText } from '../../../electron/core/model/text';
import type { Agency, Appendix, ColumnDef } from '../../../electron/core/model/types';
import { Lines } from './Field';

/**
 * The appendix task table as printed: the visible columns, a Roman-numeral row per group spanning the
 * table, and tasks numbered 1..N across groups. Numbers are derived, never stored.
 */
export function AppendixTable({ appendix, agencies }: { appendix: Appendix; agencies: readonly Agency[] }) {
  const { t } = useTranslation();
  const columns = useMemo(() => appendix.columns.filter((c) => !c.hidden), [appendix.columns]);
  const numbers = useMemo(() => rowNumbers(appendix.groups), [appendix.groups]);
  const directory = useMemo(() => new Map(agencies.map((a) => [a.key, a.name])), [agencies]);
  const totalWidth = columns.reduce((sum, c) => sum + Math.max(c.width, 1), 0) || 1;
  const rowCount = numbers.reduce((n, g) => n + g.length, 0);
  // The group's numeral sits in the number column when the table starts with one, as in the Word table.
  const numeralColumn = columns[0]?.kind === 'number';

  return (
    <article className="doc-page appendix" data-testid="appendix-view">
      <header className="doc-title-block">
        <p className="doc-kind">{appendix.label}</p>
        <p className="doc-summary">
          <Lines text={appendix.title} />
        </p>
      </header>
      {columns.length === 0 ? (
        <p className="empty">{t('appendix.noColumns')}</p>
      ) : (
        <table className="appendix-table doc" data-testid="appendix-table">
          <caption className="visually-hidden">{t('appendix.caption', { groups: appendix.groups.length, rows: rowCount })}</caption>
          <colgroup>
            {columns.map((c) => (
              <col key={c.key} style={{ width: `${((Math.max(c.width, 1) / totalWidth) * 100).toFixed(2)}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" data-column={c.key}>
                  {c.caption}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {appendix.groups.map((group, g) => {
              const numeral = toRoman(g + 1);
              return [
                <tr key={`g-${group.id ?? g}`} className="group-row" data-testid="appendix-group" data-group-id={group.id}>
                  {numeralColumn ? (
                    <>
                      <th scope="colgroup" className="num">{numeral}</th>
                      <th scope="colgroup" colSpan={columns.length - 1} className="group-title">
                        {group.title}
                      </th>
                    </>
                  ) : (
                    <th scope="colgroup" colSpan={columns.length} className="group-title">
                      {numeral}. {group.title}
                    </th>
                  )}
                </tr>,
                ...(group.rows.length === 0
                  ? [
                      <tr key={`e-${group.id ?? g}`} className="group-empty">
                        <td colSpan={columns.length}>{t('appendix.groupEmpty')}</td>
                      </tr>,
                    ]
                  : []),
                ...group.rows.map((row, r) => (
                  <tr key={`r-${row.id ?? `${g}-${r}`}`} data-testid="appendix-row" data-row-id={row.id}>
                    {columns.map((c) => (
                      <Cell key={c.key} column={c} number={numbers[g][r]} value={cellText(row.cells[c.key], directory)} />
                    ))}
                  </tr>
                )),
              ];
            })}
          </tbody>
        </table>
      )}
      {appendix.groups.length === 0 && <p className="empty">{t('appendix.empty')}</p>}
    </article>
  );
}

function Cell({ column, number, value }: { column: ColumnDef; number: number; value: string }) {
  if (column.kind === 'number') {
    return (
      <td className="num" data-column={column.key} data-testid="row-number">
        {number}
      </td>
    );
  }
  return (
    <td data-column={column.key} className={column.role === 'deadline' || column.role === 'note' ? 'center' : undefined}>
      <Lines text={value} />
    </td>
  );
}
