import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../electron/core/api/contract';
import { LanguageSwitch } from './LanguageSwitch';

/** App name, where the data lives, and the language switch. */
export function AppHeader({ info }: { info: AppInfo | null }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <h1 className="app-name">{t('app.name')}</h1>
      <p className="data-file">
        <span className="data-file-label">{t('app.dataFile')}</span>{' '}
        <code data-testid="data-file" title={info?.dataFile}>
          {info ? info.dataFile : t('app.loading')}
        </code>
      </p>
      <LanguageSwitch />
    </header>
  );
}
