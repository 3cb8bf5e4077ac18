import { useEffect, useRef, type RefObject } from 'react';
import type { EditableTextHandle } from './EditableText';

/**
 * Rich text is one field per run. After Ctrl+B/I splits a run, the runs reload and React makes new fields: the
 * field that holds the changed words gets the focus back, its words selected. Set the returned ref to that run's
 * index before the edit; `runs` is the rich text the fields show (the effect runs when it changes).
 */
export function useRefocusRun(fields: RefObject<Array<EditableTextHandle | null>>, runs: unknown): RefObject<number | null> {
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    const at = refocus.current;
    if (at === null) return;
    refocus.current = null;
    const el = fields.current?.[at]?.element();
    if (el) {
      el.focus();
      el.setSelectionRange(0, el.value.length);
    }
  }, [runs, fields]);
  return refocus;
}
