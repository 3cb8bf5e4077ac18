import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../../electron/core/api/contract';
import { StatusMessage } from '../../../components/StatusMessage';
import { errorMessage } from '../../../lib/errors';
import type { SectionProps } from '../types';
import { FindingItem } from './FindingItem';
import { KnownAbbreviations } from './KnownAbbreviations';
import { useFindings } from './use-findings';
import './check.css';

type Severity = Finding['severity'];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/** Icons beside the words, never instead of them: severity must not depend on colour or shape alone. */
const ICON: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };

/** The format checker: findings by severity; a click jumps to the place; mechanical ones can be fixed here. */
export function CheckSection({ opened, session, goTo }: SectionProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { findings, error, running } = useFindings(session.planId, opened.summary.revision, lang);
  const [fixing, setFixing] = useState(false);

  // A fix is one edit through the session: the saved mark, the error line and undo all follow it.
  const fix = async (f: Finding) => {
    if (!f.fix) return;
    setFixing(true);
    try {
      await session.edit('applyFix', f.fix.ops);
    } catch {
      // The session shows the error line.
    } finally {
      setFixing(false);
    }
  };

  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, findings?.filter((f) => f.severity === s).length ?? 0])) as Record<Severity, number>;

  return (
    <section className="check-panel" aria-labelledby="check-heading" data-testid="check-panel" aria-busy={running}>
      <div className="check-head">
        <h3 id="check-heading">{t('check.heading')}</h3>
        {findings && (
          <p className="check-counts" data-testid="check-counts" aria-live="polite">
            {SEVERITIES.map((s) => (
              <span key={s} className={`count-badge sev-${s}`} data-severity={s}>
                <span aria-hidden="true">{ICON[s]} </span>
                {t(`check.count.${s}`, { count: counts[s] })}
              </span>
            ))}
          </p>
        )}
        {running && <span className="muted">{t('check.running')}</span>}
      </div>
      {error != null && <StatusMessage kind="error">{errorMessage(error, t)}</StatusMessage>}
      {findings && findings.length === 0 && (
        <p className="check-empty" data-testid="check-empty">
          <span aria-hidden="true">✔ </span>
          {t('check.empty')}
        </p>
      )}
      {findings &&
        SEVERITIES.filter((s) => counts[s] > 0).map((s) => (
          <section key={s} className={`check-group sev-${s}`} aria-labelledby={`check-${s}`} data-testid={`check-group-${s}`}>
            <h4 id={`check-${s}`}>
              <span aria-hidden="true">{ICON[s]} </span>
              {t(`check.severity.${s}`)} ({counts[s]})
            </h4>
            <ul className="finding-list">
              {findings
                .filter((f) => f.severity === s)
                .map((f, i) => (
                  <FindingItem key={`${f.rule}:${f.path}:${i}`} finding={f} pkg={opened.pkg} onGo={() => goTo(f.path, f.range)} onFix={() => void fix(f)} fixing={fixing} />
                ))}
            </ul>
          </section>
        ))}
      <KnownAbbreviations session={session} planId={session.planId} revision={opened.summary.revision} />
    </section>
  );
}
