/**
 * Places of a plan are named by the exchange file's paths (`decision.legalBases[2]`,
 * `plan.body[3].children[0]`, `appendix.groups[1].rows[4].lead`). Every editable element carries its path
 * in `data-path`, so the preview, the checker and find-and-replace can jump to it.
 */
export function sectionOfPath(path: string): string {
  if (path.startsWith('plan.body')) return 'body';
  if (path.startsWith('appendix')) return 'appendix';
  if (path.startsWith('agencies')) return 'agencies';
  return 'decision';
}

/** Focuses (or scrolls to) the element of a path once it is on screen; tries the nearest enclosing path too. */
export function focusPath(path: string, tries = 20): void {
  const candidates = [path];
  for (let p = path; /[.[]/.test(p); ) {
    p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    candidates.push(p);
  }
  const find = () => {
    for (const c of candidates) {
      const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(c)}"]`);
      if (el) return el;
    }
    return null;
  };
  const el = find();
  if (el) {
    el.scrollIntoView({ block: 'center' });
    const focusable = el.matches('input, textarea, select, button, [tabindex], [contenteditable]')
      ? el
      : el.querySelector<HTMLElement>('input, textarea, select, button, [tabindex], [contenteditable]');
    (focusable ?? el).focus({ preventScroll: true });
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 1200);
  } else if (tries > 0) {
    requestAnimationFrame(() => focusPath(path, tries - 1));
  }
}
