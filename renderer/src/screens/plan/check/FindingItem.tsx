import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../../electron/core/api/contract';
import type { PlanPackage } from '../../../../../electron/core/model/types';
import { placeLabel } from '../../../lib/place-label';

/**
 * One finding: the whole text is a button that jumps to the place; a finding with a mechanical fix has a
 * "Sửa" button whose accessible name says what it will do, and shows its before/after text beside it.
 */
export function FindingItem({ finding, pkg, onGo, onFix, fixing }: {
  finding: Finding;
  pkg: PlanPackage;
  onGo: () => void;
  onFix: () => void;
  fixing: boolean;
}) {
  const { t } = useTranslation();
  const place = placeLabel(finding.path, pkg, t);
  return (
    <li className={`finding finding-${finding.severity}`} data-testid="finding" data-rule={finding.rule} data-finding-path={finding.path}>
      <button type="button" className="finding-go" onClick={onGo} title={t('check.goHint')}>
        <span className="finding-place">{place}</span>
        <span className="finding-message">{finding.message}</span>
        {finding.excerpt && <q className="finding-excerpt">{finding.excerpt}</q>}
      </button>
      {finding.fix && (
        <div className="finding-fix">
          <span className="finding-fix-label">{finding.fix.label}</span>
          {finding.fix.preview && (
            // What the fix will write, before it is pressed: the same stretch of text before and after.
            <span className="finding-preview" data-testid="fix-preview">
              <del title={t('check.previewBefore')}>{finding.fix.preview.before}</del>
              <span aria-hidden="true"> → </span>
              <ins title={t('check.previewAfter')}>{finding.fix.preview.after}</ins>
            </span>
          )}
          <button type="button" onClick={onFix} disabled={fixing} aria-label={t('check.fixNamed', { label: finding.fix.label })}>
            {t('check.fix')}
          </button>
        </div>
      )}
    </li>
  );
}
