import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rowNumbers, toRoman } from '../../../../electron/core/model/numbering';
import { cellText } from '../../../../electron/core/model/text';
import type { PlanPackage } from '../../../../electron/core/model/types';
import { citationLines } from './citation';
import { Page } from './DocParts';

/** Rows shown at first, and added each time the end of the table scrolls into view: 2,000 rows stay fast. */
const STEP = 100;

/** The appendix on a landscape page: groups I, II … across the table, tasks numbered 1..N across groups. */
export const AppendixPage = memo(function AppendixPage({ pkg, label, root }: { pkg: PlanPackage; label: string; root: HTMLElement | null }) {
  const { t } = useTranslation();
  const { appendix } = pkg;
  const columns = useMemo(() => appendix.columns.filter((c) => !c.hidden), [appendix.columns]);
  const numbers = useMemo(() => rowNumbers(appendix.groups), [appendix.groups]);
  const directory = useMemo(() => new Map(pkg.agencies.map((a) => [a.key, a.name])), [pkg.agencies]);
  const total = numbers.reduce((n, g) => n + g.length, 0);
  const [limit, setLimit] = useState(STEP);
  const sentinel = useRef<HTMLDivElement>(null);
  const totalWidth = columns.reduce((s, c) => s + Math.max(c.width, 1), 0) || 1;
  const numeralColumn = columns[0]?.kind === 'number';

  useEffect(() => {
    const el = sentinel.current;
    if (!el || limit >= total) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setLimit((l) => l + STEP);
    }, { root, rootMargin: '400px' });
    io.observe(el);
    return () => io.disconnect();
  }, [root, limit, total]);

  // Rows up to the limit, in order, with their group rows; groups past the limit wait with their rows.
  const body: ReactNode[] = [];
  let shown = 0;
  appendix.groups.forEach((group, g) => {
    if (shown >= limit) return;
    const numeral = toRoman(g + 1);
    body.push(
      <tr key={`g${group.id ?? g}`} className="pv-group" data-preview-path={`appendix.groups[${g}].title`}>
        {numeralColumn ? (
          <>
            <td className="pv-num">{numeral}</td>
            <td colSpan={columns.length - 1}>{group.title}</td>
          </>
        ) : (
          <td colSpan={columns.length}>
            {numeral}. {group.title}
          </td>
        )}
      </tr>,
    );
    for (let r = 0; r < group.rows.length && shown < limit; r++, shown++) {
      const row = group.rows[r];
      const rowPath = `appendix.groups[${g}].rows[${r}]`;
      body.push(
        <tr key={`r${row.id ?? `${g}-${r}`}`} data-preview-path={rowPath}>
          {columns.map((c) =>
            c.kind === 'number' ? (
              <td key={c.key} className="pv-num">
                {numbers[g][r]}
              </td>
            ) : (
              <td key={c.key} data-preview-path={`${rowPath}.${c.key}`} className={c.role === 'deadline' || c.role === 'note' ? 'pv-center' : undefined}>
                {cellText(row.cells[c.key], directory)}
              </td>
            ),
          )}
        </tr>,
      );
    }
  });

  const citation = citationLines(pkg).appendix;
  return (
    <Page id="appendix" className="pv-landscape" label={label}>
      <div className="pv-title">
        <p className="pv-kind" data-preview-path="appendix.label">
          {appendix.label}
        </p>
        <p className="pv-summary pv-caps" data-preview-path="appendix.title">
          {appendix.title}
        </p>
        {citation && <p className="pv-cite">{citation}</p>}
        <span className="pv-rule pv-rule-short" />
      </div>
      <table className="pv-table">
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: `${((Math.max(c.width, 1) / totalWidth) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.caption}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
      {shown < total && (
        <div ref={sentinel} className="pv-more">
          <span>{t('preview.moreRows', { shown, total })}</span>{' '}
          <button type="button" onClick={() => setLimit(total)}>
            {t('preview.showAll')}
          </button>
        </div>
      )}
    </Page>
  );
});
