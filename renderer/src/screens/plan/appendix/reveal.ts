/**
 * A place in the appendix asked for from elsewhere (a find hit, the checker): the grid is windowed, so
 * the row may not be in the DOM for goTo() to find. The asker leaves the path here; the grid, mounted now
 * or on its next mount, scrolls to it and focuses it.
 */
let pending: string | null = null;
const EVENT = 'soan:appendix-reveal';

export function requestReveal(path: string): void {
  pending = path;
  window.dispatchEvent(new CustomEvent(EVENT));
}

/** The path waiting to be shown, taken once. */
export function takeReveal(): string | null {
  const p = pending;
  pending = null;
  return p;
}

export function onReveal(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}

/**
 * `appendix.groups[2].rows[4].lead` → { g: 2, path: [4], key: 'lead' }; a sub-row's path goes on with
 * `._rows[i]` (`rows[4]._rows[0]` → path [4, 0]); a group title gives path = null.
 */
export function parseAppendixPath(path: string): { g: number; path: number[] | null; key: string | null } | null {
  const m = /^appendix\.groups\[(\d+)\](?:\.rows\[(\d+)\]((?:\._rows\[\d+\])*)(?:\.([^.[\]]+))?)?/.exec(path);
  if (!m) return null;
  if (m[2] === undefined) return { g: Number(m[1]), path: null, key: null };
  const sub = [...(m[3] ?? '').matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]));
  return { g: Number(m[1]), path: [Number(m[2]), ...sub], key: m[4] ?? null };
}
