/** Shows only the tasks of one agency (as lead, cooperating, or either) and/or with a deadline like the typed text. */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../../../electron/core/model/types';
import { EditableText } from '../../../components/fields/EditableText';
import { filterActive, type GridFilter } from './grid-model';

export function FilterBar({ filter, onChange, agencies, deadlineListId, shown, total }: {
  filter: GridFilter;
  onChange: (f: GridFilter) => void;
  agencies: readonly Agency[];
  deadlineListId: string;
  shown: number;
  total: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  const sorted = useMemo(() => [...agencies].sort((a, b) => a.name.localeCompare(b.name, 'vi')), [agencies]);
  return (
    <div className="ax-filter" role="search" aria-label={t('appendix.filter.label')}>
      <label htmlFor={`${id}-agency`}>{t('appendix.filter.agency')}</label>
      <select id={`${id}-agency`} value={filter.agency} onChange={(e) => onChange({ ...filter, agency: e.target.value })} data-testid="filter-agency">
        <option value="">{t('appendix.filter.anyAgency')}</option>
        {sorted.map((a) => (
          <option key={a.key} value={a.key}>{a.name}</option>
        ))}
      </select>
      <select aria-label={t('appendix.filter.scope')} value={filter.scope} onChange={(e) => onChange({ ...filter, scope: e.target.value as GridFilter['scope'] })} data-testid="filter-scope">
        <option value="any">{t('appendix.filter.scopeAny')}</option>
        <option value="lead">{t('appendix.filter.scopeLead')}</option>
        <option value="cooperate">{t('appendix.filter.scopeCooperate')}</option>
      </select>
      <label htmlFor={`${id}-deadline`}>{t('appendix.filter.deadline')}</label>
      <EditableText
        id={`${id}-deadline`}
        className="ax-filter-deadline"
        value={filter.deadline}
        idleMs={250}
        placeholder={t('appendix.filter.deadlinePlaceholder')}
        data-testid="filter-deadline"
        {...({ list: deadlineListId } as object)}
        onCommit={(text) => onChange({ ...filter, deadline: text })}
      />
      {filterActive(filter) && (
        <>
          <button type="button" onClick={() => onChange({ agency: '', scope: 'any', deadline: '' })}>{t('appendix.filter.clear')}</button>
          <span className="ax-filter-count" role="status" data-testid="filter-count">{t('appendix.filter.count', { shown, total })}</span>
        </>
      )}
    </div>
  );
}
