/**
 * Find and replace across the whole package (Decision, Plan body, group titles, appendix cells): every hit
 * is listed with its place and context, each with a checkbox; "Replace selected" changes the chosen ones
 * as one undo step. Clicking a hit goes to its place.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindHit, FindQuery } from '../../../../../electron/core/api/contract';
import { api } from '../../../api';
import { EditableText, type EditableTextHandle } from '../../../components/fields/EditableText';
import { StatusMessage } from '../../../components/StatusMessage';
import { errorMessage } from '../../../lib/errors';
import type { PlanSession } from '../../../state/plan-session';
import { requestReveal } from '../appendix/reveal';

export function FindReplace({ planId, session, revision, goTo, autoFocus = false }: {
  planId: number;
  session: PlanSession;
  /** The plan's revision: the hits are looked up again when the plan changes. */
  revision: number;
  goTo: (path: string) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState<FindQuery>({ text: '', loose: true, wholeWord: false });
  const [hits, setHits] = useState<FindHit[] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const findField = useRef<EditableTextHandle>(null);
  const replaceField = useRef<EditableTextHandle>(null);
  const lastQuery = useRef<FindQuery | null>(null);

  useEffect(() => {
    if (autoFocus) findField.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    if (!query.text) {
      setHits(null);
      return;
    }
    let stale = false;
    api.findInPlan(planId, query).then(
      (found) => {
        if (stale) return;
        // A new search chooses every hit; a reload of the same search (after an edit) keeps the choice.
        const fresh = lastQuery.current !== query;
        lastQuery.current = query;
        setHits(found);
        setSelected((prev) => new Set(found.filter((h) => fresh || prev.has(h.id)).map((h) => h.id)));
      },
      (e: unknown) => !stale && setMessage({ kind: 'error', text: errorMessage(e, t) }),
    );
    return () => {
      stale = true;
    };
  }, [planId, query, revision, t]);

  const toggle = (hitId: string, on: boolean) => setSelected((s) => {
    const next = new Set(s);
    if (on) next.add(hitId);
    else next.delete(hitId);
    return next;
  });

  const replace = async () => {
    if (!hits || selected.size === 0) return;
    findField.current?.commit();
    const replacement = replaceField.current?.element()?.value ?? '';
    setBusy(true);
    try {
      const ids = hits.filter((h) => selected.has(h.id)).map((h) => h.id);
      const n = await session.edit('replaceInPlan', query, replacement.normalize('NFC'), ids);
      setMessage({ kind: 'info', text: t('search.replaced', { count: n }) });
      setSelected(new Set());
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e, t) });
    } finally {
      setBusy(false);
    }
  };

  const open = (hit: FindHit) => {
    if (hit.path.startsWith('appendix')) requestReveal(hit.path);
    goTo(hit.path);
  };

  const chosen = hits ? hits.filter((h) => selected.has(h.id)).length : 0;

  return (
    <div className="find-replace" data-testid="find-replace">
      <div className="fr-fields">
        <label htmlFor={`${id}-find`}>{t('search.find')}</label>
        <EditableText
          ref={findField}
          id={`${id}-find`}
          value={query.text}
          idleMs={400}
          placeholder={t('search.findPlaceholder')}
          data-testid="find-text"
          onCommit={(text) => setQuery((q) => ({ ...q, text: text.normalize('NFC') }))}
        />
        <label htmlFor={`${id}-replace`}>{t('search.replaceWith')}</label>
        <EditableText ref={replaceField} id={`${id}-replace`} value="" idleMs={3_600_000} onCommit={() => undefined} data-testid="replace-text" />
        <div className="fr-options">
          <label>
            <input type="checkbox" checked={query.loose ?? true} onChange={(e) => setQuery((q) => ({ ...q, loose: e.target.checked }))} />{' '}
            {t('search.loose')}
          </label>
          <label>
            <input type="checkbox" checked={query.wholeWord ?? false} onChange={(e) => setQuery((q) => ({ ...q, wholeWord: e.target.checked }))} />{' '}
            {t('search.wholeWord')}
          </label>
        </div>
      </div>
      {message && (
        <StatusMessage kind={message.kind} onDismiss={() => setMessage(null)} dismissLabel={t('action.dismiss')}>
          {message.text}
        </StatusMessage>
      )}
      {hits === null ? (
        <p className="muted fr-empty">{t('search.hint')}</p>
      ) : hits.length === 0 ? (
        <p className="empty fr-empty" data-testid="find-none">{t('search.none', { text: query.text })}</p>
      ) : (
        <>
          <div className="fr-bar">
            <span role="status" data-testid="find-count">{t('search.count', { count: hits.length, chosen })}</span>
            <button type="button" onClick={() => setSelected(new Set(hits.map((h) => h.id)))}>{t('search.all')}</button>
            <button type="button" onClick={() => setSelected(new Set())}>{t('search.none_')}</button>
            <button type="button" className="primary" disabled={busy || chosen === 0} onClick={() => void replace()} data-testid="replace-selected">
              {t('search.replaceSelected', { count: chosen })}
            </button>
          </div>
          <ul className="fr-hits" aria-label={t('search.hits')}>
            {hits.map((h) => (
              <li key={h.id} className="fr-hit" data-testid="find-hit" data-path={`search:${h.path}`}>
                <input type="checkbox" checked={selected.has(h.id)} onChange={(e) => toggle(h.id, e.target.checked)}
                  aria-label={t('search.choose', { where: h.where })} />
                <button type="button" className="fr-goto" onClick={() => open(h)} title={t('search.goTo')}>
                  <span className="fr-where">{h.where}</span>
                  <span className="fr-context">
                    {h.before}
                    <mark>{h.match}</mark>
                    {h.after}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
