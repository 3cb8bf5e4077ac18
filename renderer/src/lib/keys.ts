import type { KeyboardEvent } from 'react';

/**
 * True while an input method is composing (IME composition, or the 229 key code some send):
 * Enter, Tab and Escape then belong to the input method, not to us (nd30-format.md, Vietnamese typing).
 */
export function isComposing(e: KeyboardEvent): boolean {
  return e.nativeEvent.isComposing || e.keyCode === 229;
}
