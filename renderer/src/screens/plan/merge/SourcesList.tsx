import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedPlan, RowSource } from '../../../../../electron/core/api/contract';
import type { AppendixRow } from '../../../../../electron/core/model/types';
import { rowLabels } from '../../../../../electron/core/model/rows';
import { api } from '../../../api';
import { formatTimestamp } from '../../../lib/format';

/** "Nguồn": for each row taken from a department's file, its STT, the file, the department and when. */
export function SourcesList({ opened }: { opened: OpenedPlan }) {
  const { t } = useTranslation();
  const [sources, setSources] = useState<Record<number, RowSource> | null>(null);
  const { summary, pkg } = opened;
  useEffect(() => {
    let live = true;
    api.rowSources(summary.id).then(
      (s) => live && setSources(s),
      () => live && setSources({}),
    );
    return () => {
      live = false;
    };
  }, [summary.id, summary.revision]);

  // Every row of the tree, sub-rows too (a department's 1.1 is taken as a sub-row), named by its printed STT.
  const labels = rowLabels(pkg.appendix);
  const rows: { id: number | undefined; number: string }[] = [];
  const walk = (r: AppendixRow): void => {
    rows.push({ id: r.id, number: labels.get(r) ?? '' });
    r.children?.forEach(walk);
  };
  pkg.appendix.groups.forEach((g) => g.rows.forEach(walk));
  const listed = rows.filter((r) => r.id !== undefined && sources?.[r.id]);

  return (
    <section className="merge-sources" aria-labelledby="merge-sources-h" data-testid="merge-sources">
      <h3 id="merge-sources-h">{t('merge.sourcesHeading')}</h3>
      {listed.length === 0 ? (
        <p className="muted">{t('merge.noSources')}</p>
      ) : (
        <ul>
          {listed.map((r) => {
            const s = sources![r.id!];
            return (
              <li key={r.id} data-testid="merge-source">
                {t('merge.source', { number: r.number, file: s.file, department: s.department, when: formatTimestamp(s.takenAt) })}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
