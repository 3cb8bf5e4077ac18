/**
 * Focuses an element that will appear after the plan reloads (a list item just added). Unlike focusPath it
 * never falls back to an enclosing path: focusing the list's first item instead of the new one would mislead.
 */
export function focusWhenShown(find: () => HTMLElement | null, tries = 180): void {
  const el = find();
  if (el) el.focus();
  else if (tries > 0) requestAnimationFrame(() => focusWhenShown(find, tries - 1));
}

export function byPath(path: string): () => HTMLElement | null {
  return () => document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
}
