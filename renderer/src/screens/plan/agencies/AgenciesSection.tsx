/**
 * The plan's agency directory: every entry with how many cells name it (as lead, cooperating, in all),
 * renamed once for every cell, merged when two entries are one body written two ways, with a hint of the
 * likely duplicates.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyUsage } from '../../../../../electron/core/api/contract';
import { foldForSearch } from '../../../../../electron/core/model/text';
import { api } from '../../../api';
import { EditableText, type EditableTextHandle } from '../../../components/fields/EditableText';
import { StatusMessage } from '../../../components/StatusMessage';
import { errorMessage } from '../../../lib/errors';
import type { SectionProps } from '../types';
import { likelyDuplicates } from './duplicates';
import { MergeConfirm } from './MergeConfirm';
import '../appendix/appendix.css';

export function AgenciesSection({ opened, session }: SectionProps) {
  const { t } = useTranslation();
  const planId = opened.summary.id;
  const [usage, setUsage] = useState<AgencyUsage[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [query, setQuery] = useState('');
  const [merge, setMerge] = useState<{ from: AgencyUsage; into: AgencyUsage } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const newName = useRef<EditableTextHandle>(null);

  useEffect(() => {
    let stale = false;
    api.listAgencies(planId).then((u) => !stale && setUsage(u), (e: unknown) => !stale && setError(e));
    return () => {
      stale = true;
    };
  }, [planId, opened.summary.revision]);

  const duplicates = useMemo(() => (usage ? likelyDuplicates(usage) : []), [usage]);
  const shown = useMemo(() => {
    const q = foldForSearch(query);
    const list = usage ?? [];
    return q ? list.filter((a) => foldForSearch(a.name).includes(q)) : list;
  }, [usage, query]);

  const add = () => {
    const text = (newName.current?.element()?.value ?? '').trim();
    if (!text) return newName.current?.focus();
    session.edit('addAgency', text).then(() => setNote(t('agencies.added', { name: text })), () => undefined);
    const el = newName.current?.element();
    if (el) el.value = '';
  };

  const doMerge = () => {
    if (!merge) return;
    const { from, into } = merge;
    setMerge(null);
    session.edit('mergeAgencies', from.key, into.key).then(() => setNote(t('agencies.merged', { from: from.name, into: into.name })), () => undefined);
  };

  if (error && !usage) return <StatusMessage kind="error">{errorMessage(error, t)}</StatusMessage>;
  if (!usage) return <p className="muted">{t('app.loading')}</p>;

  return (
    <div className="ag-page" data-testid="agencies-view">
      <div className="ag-head">
        <h3>{t('agencies.title', { count: usage.length })}</h3>
        <label className="ag-search">
          <span>{t('agencies.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('agencies.searchPlaceholder')} />
        </label>
        <div className="ag-add">
          <EditableText ref={newName} value="" idleMs={3_600_000} onCommit={() => undefined} aria-label={t('agencies.newName')} placeholder={t('agencies.newName')}
            onKeyCommand={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }} />
          <button type="button" onClick={add}>{t('agencies.add')}</button>
        </div>
      </div>
      {note && <StatusMessage kind="info" onDismiss={() => setNote(null)} dismissLabel={t('action.dismiss')}>{note}</StatusMessage>}
      {duplicates.length > 0 && (
        <section className="ag-dupes" aria-labelledby="ag-dupes-title" data-testid="agency-duplicates">
          <h4 id="ag-dupes-title">{t('agencies.duplicates.title')}</h4>
          <ul>
            {duplicates.map((group) => (
              <li key={group.map((a) => a.key).join('|')}>
                {group.map((a, i) => (
                  <span key={a.key}>
                    {i > 0 && ' · '}“{a.name}” <span className="muted">({t('agencies.uses', { count: a.total })})</span>
                  </span>
                ))}
                {group.slice(1).map((a) => (
                  <button key={a.key} type="button" onClick={() => setMerge({ from: a, into: group[0] })}>
                    {t('agencies.duplicates.merge', { from: a.name, into: group[0].name })}
                  </button>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {usage.length === 0 ? (
        <p className="empty">{t('agencies.empty')}</p>
      ) : (
        <table className="ag-table" data-testid="agencies-table">
          <caption className="visually-hidden">{t('agencies.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agencies.col.name')}</th>
              <th scope="col" className="num">{t('agencies.col.lead')}</th>
              <th scope="col" className="num">{t('agencies.col.cooperate')}</th>
              <th scope="col" className="num">{t('agencies.col.total')}</th>
              <th scope="col">{t('agencies.col.merge')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.key} data-testid="agency-row" data-key={a.key} data-path={`agencies.${a.key}`}>
                <td>
                  <EditableText value={a.name} aria-label={t('agencies.nameOf', { name: a.name })} data-testid="agency-name"
                    onCommit={(v) => {
                      const name = v.trim();
                      if (name && name !== a.name) void session.edit('renameAgency', a.key, name).catch(() => undefined);
                    }} />
                </td>
                <td className="num">{a.lead}</td>
                <td className="num">{a.cooperate}</td>
                <td className="num">{a.total}</td>
                <td>
                  <select aria-label={t('agencies.mergeInto', { name: a.name })} value="" data-testid="merge-into"
                    onChange={(e) => {
                      const into = usage.find((x) => x.key === e.target.value);
                      if (into) setMerge({ from: a, into });
                    }}>
                    <option value="">{t('agencies.mergeChoose')}</option>
                    {usage.filter((x) => x.key !== a.key).map((x) => <option key={x.key} value={x.key}>{x.name}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length === 0 && usage.length > 0 && <p className="empty">{t('agencies.noMatch', { query })}</p>}
      {merge && <MergeConfirm from={merge.from} into={merge.into} onConfirm={doMerge} onCancel={() => setMerge(null)} />}
    </div>
  );
}
