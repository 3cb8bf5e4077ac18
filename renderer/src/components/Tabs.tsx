import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDef<K extends string> {
  key: K;
  label: string;
}

/**
 * WAI-ARIA tabs: one tab stop, arrows (↑/↓ on a vertical rail)/Home/End move between tabs (and select them),
 * the panel follows. Only the selected panel is rendered.
 */
export function Tabs<K extends string>({ label, tabs, selected, onSelect, orientation = 'horizontal', children }: {
  label: string;
  /** `vertical`: a rail of sections at the left, every one in view and one click away. */
  orientation?: 'horizontal' | 'vertical';
  tabs: readonly TabDef<K>[];
  selected: K;
  onSelect: (key: K) => void;
  children: ReactNode;
}) {
  const base = useId();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const tabId = (k: K) => `${base}-tab-${k}`;
  const panelId = `${base}-panel`;

  const panelRef = useRef<HTMLDivElement>(null);

  // A newly selected part starts at its top, not where the previous one was scrolled to.
  useEffect(() => {
    panelRef.current?.scrollTo(0, 0);
  }, [selected]);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    let next = -1;
    const forward = orientation === 'vertical' ? 'ArrowDown' : 'ArrowRight';
    const backward = orientation === 'vertical' ? 'ArrowUp' : 'ArrowLeft';
    if (e.key === forward) next = (i + 1) % tabs.length;
    else if (e.key === backward) next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const key = tabs[next].key;
    onSelect(key);
    refs.current.get(key)?.focus();
  };

  return (
    <div className={orientation === 'vertical' ? 'tabs tabs-vertical' : 'tabs'}>
      <div className="tab-list" role="tablist" aria-label={label} aria-orientation={orientation}>
        {tabs.map((tab, index) => (
          <button
            key={tab.key}
            ref={(el) => {
              if (el) refs.current.set(tab.key, el);
              else refs.current.delete(tab.key);
            }}
            id={tabId(tab.key)}
            type="button"
            role="tab"
            aria-selected={tab.key === selected}
            aria-controls={panelId}
            tabIndex={tab.key === selected ? 0 : -1}
            onClick={() => onSelect(tab.key)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div ref={panelRef} className="tab-panel" role="tabpanel" id={panelId} aria-labelledby={tabId(selected)} tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
