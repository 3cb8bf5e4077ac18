import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import type { PlanSession } from '../../../state/plan-session';

/**
 * The plan's own list of abbreviations the checker does not ask to spell out (`UBND, HĐND`), edited as one
 * comma-separated line. Saving is one edit of the plan (undo takes it back); the list is re-read whenever
 * the plan's revision changes (the finding's "needs no spelling-out" action adds to it too).
 */
export function KnownAbbreviations({ session, planId, revision }: { session: PlanSession; planId: number; revision: number }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    let live = true;
    api.knownAbbreviations(planId).then(
      (list) => live && setText(list.join(', ')),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [planId, revision]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      await session.edit('setKnownAbbreviations', text.split(',').map((s) => s.trim()).filter(Boolean));
    } catch {
      // The session shows the error line.
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="check-abbreviations" aria-labelledby="check-abbr-heading" data-testid="known-abbreviations">
      <h4 id="check-abbr-heading">{t('check.abbrHeading')}</h4>
      <p className="muted" id="check-abbr-hint">{t('check.abbrHint')}</p>
      <form onSubmit={(e) => void save(e)}>
        <input value={text} onChange={(e) => setText(e.target.value)} aria-labelledby="check-abbr-heading" aria-describedby="check-abbr-hint" />
        <button type="submit" disabled={saving}>{t('check.abbrSave')}</button>
      </form>
    </section>
  );
}
