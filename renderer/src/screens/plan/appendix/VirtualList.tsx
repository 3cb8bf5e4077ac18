/**
 * A small windowing list: only the items in view (plus a margin) are in the DOM, so a 2,000-row plan
 * scrolls and types as fast as a 50-row one. Heights are known per item (fixed per kind), so offsets are
 * one prefix sum and the visible range is two binary searches: no measuring, no jumping.
 */
import { flushSync } from 'react-dom';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export interface VirtualListHandle {
  /** Scrolls just enough to show item `index` below the sticky header. */
  scrollToIndex(index: number): void;
  element(): HTMLDivElement | null;
}

interface Props {
  heights: readonly number[];
  renderItem: (index: number, top: number) => ReactNode;
  /** Rendered first inside the scroller; give it `position: sticky` to keep it in view. */
  header?: ReactNode;
  headerHeight: number;
  /** Pixels of items kept rendered above and below the view. */
  overscan?: number;
  className?: string;
  minWidth?: number;
  innerProps?: React.HTMLAttributes<HTMLDivElement>;
  outerProps?: React.HTMLAttributes<HTMLDivElement>;
  /** An item kept rendered even out of view (the one being edited or focused), or -1. */
  pinned?: number;
}

function firstAtOrAfter(offsets: readonly number[], y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const VirtualList = forwardRef<VirtualListHandle, Props>(function VirtualList(
  { heights, renderItem, header, headerHeight, overscan = 400, className, minWidth, innerProps, outerProps, pinned = -1 },
  ref,
) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const frame = useRef(0);

  const offsets = useMemo(() => {
    const out = new Array<number>(heights.length + 1);
    out[0] = 0;
    for (let i = 0; i < heights.length; i++) out[i + 1] = out[i] + heights[i];
    return out;
  }, [heights]);
  const total = offsets[heights.length];

  const measure = useCallback(() => {
    const el = scroller.current;
    if (el) setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
  }, []);

  useLayoutEffect(() => {
    measure();
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  // One state update per frame at most, however many scroll events arrive. Rendered at once (flushSync), in
  // this frame's animation callbacks: left to React's scheduler, the rows of the new position were rendered in a
  // task after this frame was painted, so the frame that showed the scroll showed the rows of the old one.
  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => flushSync(measure));
  };

  useImperativeHandle(ref, () => ({
    scrollToIndex(index: number) {
      const el = scroller.current;
      if (!el || index < 0 || index >= heights.length) return;
      const top = offsets[index];
      const bottom = offsets[index + 1];
      const viewTop = el.scrollTop;
      const viewBottom = el.scrollTop + el.clientHeight - headerHeight;
      if (top < viewTop) el.scrollTop = top;
      else if (bottom > viewBottom) el.scrollTop = bottom - (el.clientHeight - headerHeight);
      measure();
    },
    element: () => scroller.current,
  }), [heights.length, offsets, headerHeight, measure]);

  const from = heights.length ? firstAtOrAfter(offsets, Math.max(0, view.top - overscan)) : 0;
  const to = heights.length ? firstAtOrAfter(offsets, view.top + view.height + overscan) : -1;
  const items: ReactNode[] = [];
  if (pinned >= 0 && pinned < from && pinned < heights.length) items.push(renderItem(pinned, offsets[pinned]));
  for (let i = from; i <= to && i < heights.length; i++) items.push(renderItem(i, offsets[i]));
  if (pinned > to && pinned < heights.length) items.push(renderItem(pinned, offsets[pinned]));

  return (
    <div {...outerProps} ref={scroller} className={className} onScroll={onScroll}>
      <div style={{ minWidth }}>
        {header}
        <div {...innerProps} style={{ position: 'relative', height: total, ...innerProps?.style }}>
          {items}
        </div>
      </div>
    </div>
  );
});
