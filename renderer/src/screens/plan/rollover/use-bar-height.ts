import { useEffect, useRef } from 'react';

/**
 * Keeps `--ro-bar` on the panel equal to the sticky control bar's height, so the table's sticky header sits
 * right under the bar however the bar wraps (narrow windows, English labels).
 */
export function useBarHeight<P extends HTMLElement, B extends HTMLElement>() {
  const panel = useRef<P>(null);
  const bar = useRef<B>(null);
  useEffect(() => {
    const b = bar.current;
    if (!b || typeof ResizeObserver === 'undefined') return;
    const update = () => panel.current?.style.setProperty('--ro-bar', `${b.offsetHeight}px`);
    const observer = new ResizeObserver(update);
    observer.observe(b);
    update();
    return () => observer.disconnect();
  }, []);
  return { panel, bar };
}
