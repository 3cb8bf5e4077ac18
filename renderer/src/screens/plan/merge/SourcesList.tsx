import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedPlan, RowSource } from '../../../../../electron/core/api/contract';
import { rowNumbers } from '../../../../../electron/core/model/numbering';
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

  const numbers = rowNumbers(pkg.appendix.groups);
  const rows = pkg.appendix.groups.flatMap((g, gi) => g.rows.map((r, ri) => ({ id: r.id, number: numbers[gi][ri] })));
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
