import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { appendixLabel } from '../../../../electron/core/model/pages';
import { allRows, groupLabel, rowLines, rowNumbering } from '../../../../electron/core/model/rows';
import type { AppendixRow } from '../../../../electron/core/model/types';
import { cellText } from '../../../../electron/core/model/text';
import { LANDSCAPE_TABLE_WIDTH, WIDE_TABLE_COLUMNS, appendixColumnWidths, columnAlignment, lineTexts, tableSizeFor } from '../../../../electron/core/model/table-widths';
import type { PlanPackage } from '../../../../electron/core/model/types';
import { citationLines } from './citation';
import { Page } from './DocParts';

/** The DOCX's cell alignment (model: columnAlignment) as the preview's classes; justified is the table's default. */
const ALIGN_CLASS = { center: 'pv-center', justify: undefined, left: 'pv-left' } as const;

/** Rows shown at first, and added each time the end of the table scrolls into view: 2,000 rows stay fast. */
const STEP = 100;

/**
 * The appendix on a landscape page, from the model's printed lines (rows.ts, rowLines) as the DOCX prints it:
 * groups I, II … across the table, lines numbered by the appendix's numbering (`1.`, `1.1.`), a parent row
 * that spans its sub-rows printed once with `rowSpan` (the DOCX's vertical merge), sub-rows indented.
 */
export const AppendixPage = memo(function AppendixPage({ pkg, label, root }: { pkg: PlanPackage; label: string; root: HTMLElement | null }) {
  const { t } = useTranslation();
  const { appendix } = pkg;
  const columns = useMemo(() => appendix.columns.filter((c) => !c.hidden), [appendix.columns]);
  const printed = useMemo(() => rowLines(appendix), [appendix]);
  // Where a click on a line goes: its top-level row (the editor's place for the row and its sub-rows).
  const places = useMemo(() => {
    const out = new Map<AppendixRow, string>();
    for (const v of allRows(appendix.groups)) out.set(v.row, `appendix.groups[${v.group}].rows[${v.path[0]}]`);
    return out;
  }, [appendix.groups]);
  const numbering = rowNumbering(appendix);
  const directory = useMemo(() => new Map(pkg.agencies.map((a) => [a.key, a.name])), [pkg.agencies]);
  const total = printed.reduce((n, g) => n + g.length, 0);
  const [limit, setLimit] = useState(STEP);
  const sentinel = useRef<HTMLDivElement>(null);
  // The DOCX's widths, from the same model function: content-measured for 8 or more columns (every printed
  // line counts, not only the lines shown), else the columns' millimetres; shown as shares of the table.
  const widths = useMemo(
    () => appendixColumnWidths(columns, printed.flatMap((g) => lineTexts(g, directory)), LANDSCAPE_TABLE_WIDTH),
    [columns, printed, directory],
  );
  const totalWidth = widths.reduce((s, w) => s + w, 0) || 1;
  // Wide tables print smaller (the DOCX's table size); narrower ones keep the preview's size.
  const wide = columns.length >= WIDE_TABLE_COLUMNS;
  const numeralColumn = columns[0]?.kind === 'number';
  // Sub-rows printed on their own lines are indented in the first text column, as the grid shows the tree.
  const firstText = columns.findIndex((c) => c.kind !== 'number');

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
    const numeral = groupLabel(numbering, g).replace(/\.$/, '');
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
    const lines = printed[g];
    for (let l = 0; l < lines.length && shown < limit; l++, shown++) {
      const line = lines[l];
      const rowPath = places.get(line.row)!;
      body.push(
        <tr key={`r${line.row.id ?? `${g}-${l}`}`} data-preview-path={rowPath} data-depth={line.depth || undefined}>
          {line.cells.map((c, i) => {
            // A cell continued from a spanning parent is covered by the parent's rowSpan (cut at the shown limit).
            if (c.merge === 'continue') return null;
            const span = c.merge === 'restart' ? Math.min(c.span, lines.length - l, limit - shown) : undefined;
            if (c.column.kind === 'number') {
              return (
                <td key={c.column.key} className="pv-num" rowSpan={span}>
                  {line.label ? `${line.label}.` : ''}
                </td>
              );
            }
            const indent = i === firstText && line.depth > 0 && c.from === line.row ? { paddingLeft: `${4 + line.depth * 10}pt` } : undefined;
            return (
              <td key={c.column.key} rowSpan={span} style={indent} data-preview-path={`${places.get(c.from)}.${c.column.key}`} className={ALIGN_CLASS[columnAlignment(c.column, widths[i])]}>
                {cellText(c.value, directory)}
              </td>
            );
          })}
        </tr>,
      );
    }
  });

  const citation = citationLines(pkg).appendix;
  return (
    <Page id="appendix" className="pv-landscape" label={label}>
      <div className="pv-title">
        <p className="pv-kind" data-preview-path="appendix.label">
          {appendixLabel(pkg)}
        </p>
        <p className="pv-summary pv-caps" data-preview-path="appendix.title">
          {appendix.title}
        </p>
        {citation && <p className="pv-cite">{citation}</p>}
        <span className="pv-rule pv-rule-short" />
      </div>
      <table className="pv-table" data-wide={wide || undefined} style={wide ? { fontSize: `${tableSizeFor(columns.length)}pt` } : undefined}>
        <colgroup>
          {columns.map((c, i) => (
            <col key={c.key} style={{ width: `${((widths[i] / totalWidth) * 100).toFixed(2)}%` }} />
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
