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

/** `appendix.groups[2].rows[4].lead` → { g: 2, r: 4, key: 'lead' }; a group title gives r = null. */
export function parseAppendixPath(path: string): { g: number; r: number | null; key: string | null } | null {
  const m = /^appendix\.groups\[(\d+)\](?:\.rows\[(\d+)\](?:\.([^.[\]]+))?)?/.exec(path);
  if (!m) return null;
  return { g: Number(m[1]), r: m[2] === undefined ? null : Number(m[2]), key: m[3] ?? null };
}
