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

type TextField = HTMLInputElement | HTMLTextAreaElement;
const isField = (el: Element): el is TextField => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;

/**
 * Selects `[start, end)` of the plain text of the place shown by `el` (the element carrying its data-path),
 * focusing what holds the words. The place's text is, in order: the value of `el` when it is an input or
 * textarea; else the values of its run fields (`[data-run]`, one per formatting run of a body paragraph:
 * the joined runs the checker read); else its only text field; else its text nodes (a contenteditable). Offsets are UTF-16, `end`
 * exclusive. Words across two run fields are selected up to the end of the first (a selection cannot span
 * two fields). Returns whether it selected.
 */
export function selectTextRange(el: HTMLElement, range: TextRange): boolean {
  const { start, end } = range;
  if (start > end) return false;
  const inside = (selector: string) => Array.from(el.querySelectorAll<HTMLElement>(selector)).filter(isField);
  const runFields = inside('[data-run]');
  // A cell or row whose one text field holds the place's text (an appendix cell) counts as that field.
  const only = inside('input, textarea');
  const runs = isField(el) ? [el] : runFields.length > 0 ? runFields : only.length === 1 ? only : [];
  if (runs.length > 0) {
    let at = 0;
    for (const field of runs) {
      const len = field.value.length;
      // A start at a field's end belongs to the next field, unless the range is empty there.
      if (start < at + len || (start === end && start === at + len)) {
        field.focus({ preventScroll: true });
        field.setSelectionRange(start - at, Math.min(end, at + len) - at);
        return true;
      }
      at += len;
    }
    return false;
  }
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const dom = document.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.nodeValue?.length ?? 0;
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
    if (range && found.exact) selectTextRange(el, range);
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 1200);
  } else if (tries > 0) {
    requestAnimationFrame(() => focusPath(path, range, tries - 1));
  }
}
