/**
 * Text typed but not yet handed to the store (a field's idle commit has not fired yet). Fields register
 * a commit here while they hold such text; `commitPendingText()` runs them all at once: before the page
 * goes away (pagehide, beforeunload), before the desktop window closes, and on a section switch.
 */
const pending = new Set<() => void>();

/** Registers a field's commit while it holds uncommitted text; returns the function that removes it. */
export function holdPendingText(commit: () => void): () => void {
  pending.add(commit);
  return () => pending.delete(commit);
}

/** Commits every field's pending text now (each commit sends its edit). Returns how many there were. */
export function commitPendingText(): number {
  const all = [...pending];
  pending.clear();
  for (const commit of all) commit();
  return all.length;
}
