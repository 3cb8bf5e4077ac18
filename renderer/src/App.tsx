import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../electron/core/api/contract';
import { api } from './api';
import { AppHeader } from './components/AppHeader';
import { PlansList } from './components/PlansList';
import { PlanView } from './components/PlanView';
import { StatusMessage } from './components/StatusMessage';
import { errorMessage } from './lib/errors';
import { useRoute } from './lib/route';

export function App() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [infoError, setInfoError] = useState<string | null>(null);
  const [route, go] = useRoute();

  useEffect(() => {
    api.appInfo().then(setInfo, (e: unknown) => setInfoError(errorMessage(e, t)));
    // Once per start; a language switch does not ask again.
  }, []);

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // The hash is the route: move focus without touching it.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <AppHeader info={info} />
      <main id="main" className="app-main" tabIndex={-1}>
        {infoError && <StatusMessage kind="error">{infoError}</StatusMessage>}
        {route.view === 'list' ? (
          <PlansList onOpen={(id) => go({ view: 'plan', id, section: 'decision' })} />
        ) : (
          <PlanView
            key={route.id}
            planId={route.id}
            section={route.section}
            onSection={(section) => go({ ...route, section }, true)}
            onBack={() => go({ view: 'list' })}
          />
        )}
      </main>
    </div>
  );
}
