import { useId, useRef, type KeyboardEvent } from 'react';
import { isComposing } from '../lib/keys';

/**
 * An uncontrolled search field: the browser owns the value, so Unikey/EVKey's Backspace-and-replace
 * edits are never fought; we only read it on every change. Escape clears (unless an IME is composing).
 */
export function SearchBox({ label, placeholder, onQuery }: { label: string; placeholder?: string; onQuery: (q: string) => void }) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (isComposing(e)) return;
    if (e.key === 'Escape' && ref.current && ref.current.value) {
      e.preventDefault();
      ref.current.value = '';
      onQuery('');
    }
  };
  return (
    <div className="search-box">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={ref}
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        onChange={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
