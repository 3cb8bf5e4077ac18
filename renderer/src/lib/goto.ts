import type { TextRange } from '../../../electron/core/model/findings';

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

/**
 * Selects `[start, end)` of an element's plain text: the value of an input or textarea, or the text nodes
 * of a rich-text (contenteditable) element in document order (the joined runs the checker read). Offsets
 * are UTF-16, `end` exclusive; a range past the text's end selects nothing. Returns whether it selected.
 */
export function selectTextRange(el: HTMLElement, range: TextRange): boolean {
  const { start, end } = range;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    if (end > el.value.length || start > end) return false;
    el.setSelectionRange(start, end);
    return true;
  }
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const dom = document.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.nodeValue?.length ?? 0;
    // The start goes in the node that holds it; a start at a node's end goes to the next node (unless empty range at the end).
    if (!started && start < at + len) {
      dom.setStart(node, start - at);
      started = true;
    }
    if (started && end <= at + len) {
      dom.setEnd(node, end - at);
      const sel = window.getSelection();
      if (!sel) return false;
      sel.removeAllRanges();
      sel.addRange(dom);
      return true;
    }
    at += len;
  }
  return false;
}

/**
 * Focuses (or scrolls to) the element of a path once it is on screen; tries the nearest enclosing path too.
 * With a `range` (a checker finding's words) and the exact path found, selects those words in it.
 */
export function focusPath(path: string, range?: TextRange, tries = 20): void {
  const candidates = [path];
  for (let p = path; /[.[]/.test(p); ) {
    p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    candidates.push(p);
  }
  const find = () => {
    for (const c of candidates) {
      const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(c)}"]`);
      if (el) return { el, exact: c === path };
    }
    return null;
  };
  const found = find();
  if (found) {
    const el = found.el;
    el.scrollIntoView({ block: 'center' });
    const focusable = el.matches('input, textarea, select, button, [tabindex], [contenteditable]')
      ? el
      : el.querySelector<HTMLElement>('input, textarea, select, button, [tabindex], [contenteditable]');
    const target = focusable ?? el;
    target.focus({ preventScroll: true });
    if (range && found.exact) selectTextRange(target, range);
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 1200);
  } else if (tries > 0) {
    requestAnimationFrame(() => focusPath(path, range, tries - 1));
  }
}
