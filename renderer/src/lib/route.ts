import { useCallback, useEffect, useState } from 'react';

/** Where the app is, kept in the URL hash so reload and Back work (file:// in Electron too). */
export type Route = { view: 'list' } | { view: 'plan'; id: number; section: string };

/** The section is any key of the editor's SECTIONS; an unknown one falls back to the Decision in PlanView. */
export function parseHash(hash: string): Route {
  const m = /^#\/plans\/(\d+)(?:\/([a-z-]+))?$/.exec(hash);
  if (m) return { view: 'plan', id: Number(m[1]), section: m[2] ?? 'decision' };
  return { view: 'list' };
}

export function routeHash(route: Route): string {
  return route.view === 'list' ? '#/' : `#/plans/${route.id}/${route.section}`;
}

export function useRoute(): [Route, (r: Route, replace?: boolean) => void] {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((r: Route, replace = false) => {
    const hash = routeHash(r);
    if (replace) window.history.replaceState(null, '', hash);
    else if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    setRoute(r);
  }, []);
  return [route, go];
}
