/**
 * The editor of an agency cell: the agencies already named as chips, each followed by the text written
 * after it ("; " by default, or " và ", " thẩm định"), and a field to add one more, with suggestions from
 * the plan's directory. The typed text is never rewritten: a suggestion is taken only by Enter, Tab or a
 * click. A name not in the directory is added to it on the fly; text with several agencies ("Sở Nội vụ;
 * Sở Tài chính") is split against the directory.
 *
 * Keys as in a spreadsheet: the first Escape closes the suggestions, the next cancels the edit (the cell
 * gets back the agencies it had when the editor opened); Enter on an empty field saves and moves down, Tab
 * right. The editor stays inside its cell; the suggestion list floats above everything (a portal), opens
 * upward when there is no room below, and is never clipped by the grid.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type FocusEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { EditableText, type EditableTextHandle } from '../../../components/fields/EditableText';
import type { Agency, Mention } from '../../../../../electron/core/model/types';
import { lowerCollectivePrefix } from '../../../../../electron/core/model/text';
import { alreadyInCell, pickerOptions, sameAgency, splitAgencyText } from './agency-suggest';
import { isCertain, matchAgency } from '../../../../../electron/core/model/agency-match';
import type { EditorExit } from './grid-keys';
import './agency-cell-editor.css';

export const DEFAULT_SEPARATOR = '; ';

/** The list's tallest height in pixels, and the room kept to the window's edge. */
const LIST_MAX = 240;
const EDGE = 8;

/** Where the floating list goes for a field at `box`: below it, or above when below is short. */
export function listPlacement(box: { top: number; bottom: number; left: number; width: number }, view: { width: number; height: number }, wanted: number): CSSProperties {
  const below = view.height - box.bottom - EDGE;
  const above = box.top - EDGE;
  const need = Math.min(LIST_MAX, wanted);
  const width = Math.max(box.width, 280);
  const left = Math.max(EDGE, Math.min(box.left, view.width - width - EDGE));
  if (below < need && above > below) {
    return { position: 'fixed', left, width, bottom: view.height - box.top + 2, maxHeight: Math.min(LIST_MAX, above) };
  }
  return { position: 'fixed', left, width, top: box.bottom + 2, maxHeight: Math.max(60, Math.min(LIST_MAX, below)) };
}

export function AgencyCellEditor({ value, agencies, label, onChange, addAgency, onDone }: {
  value: Mention[];
  agencies: readonly Agency[];
  label: string;
  onChange: (mentions: Mention[]) => void;
  addAgency: (name: string) => Promise<string>;
  onDone: (exit: EditorExit) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [mentions, setMentions] = useState(value);
  const mentionsRef = useRef(value);
  const initial = useRef(value);
  const [query, setQuery] = useState('');
  const [dismissed, setDismissed] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const [known, setKnown] = useState(agencies);
  const [place, setPlace] = useState<CSSProperties | null>(null);
  /** The agencies a pick named that the cell already had: said once ("đã có"), nothing added. */
  const [already, setAlready] = useState<string[]>([]);
  const input = useRef<EditableTextHandle>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const finished = useRef(false);

  // Layout effect: the field holds the focus before the keydown that opened the editor ends, so that a
  // typed first letter lands in it.
  useLayoutEffect(() => {
    input.current?.element()?.focus({ preventScroll: true });
    // The editor scrolls inside its cell: show the field being typed in, below the chips.
    const pop = wrap.current?.parentElement;
    if (pop) pop.scrollTop = pop.scrollHeight;
  }, []);
  // The directory grows when a name is added on the fly; keep both the loaded and the added entries.
  useEffect(() => setKnown((k) => [...agencies, ...k.filter((a) => !agencies.some((b) => b.key === a.key))]), [agencies]);

  const names = useMemo(() => new Map(known.map((a) => [a.key, a.name])), [known]);
  const picked = useMemo(() => new Set(mentions.map((m) => m.agency)), [mentions]);
  const suggestions = useMemo(() => pickerOptions(known, query, picked), [known, query, picked]);
  const typed = query.trim();
  const exact = typed ? sameAgency(known, typed) : undefined;
  // The directory has the typed name written another way ("sở tư pháp", "Sở Thông tin & Truyền thông"): no new entry.
  const certain = useMemo(() => {
    const m = typed ? matchAgency(typed, known) : null;
    return m && isCertain(m) ? m.agency : undefined;
  }, [typed, known]);
  // The last option adds the typed name as a new entry, unless the directory already has it.
  const options: Array<{ kind: 'pick'; agency: Agency; have: boolean } | { kind: 'add'; name: string }> = [
    ...suggestions.map(({ agency, have }) => ({ kind: 'pick' as const, agency, have })),
    ...(typed && !exact && !certain ? [{ kind: 'add' as const, name: typed }] : []),
  ];
  const open = typed !== '' && options.length > 0 && !dismissed;
  const current = Math.min(highlight, options.length - 1);

  // The floating list follows its field (the grid scrolls, the window resizes).
  useLayoutEffect(() => {
    if (!open) return setPlace(null);
    const reposition = () => {
      const el = input.current?.element();
      if (!el) return;
      const r = el.getBoundingClientRect();
      setPlace(listPlacement(r, { width: window.innerWidth, height: window.innerHeight }, options.length * 28 + 8));
    };
    reposition();
    window.addEventListener('scroll', reposition, true);
    window.addEventListener('resize', reposition);
    return () => {
      window.removeEventListener('scroll', reposition, true);
      window.removeEventListener('resize', reposition);
    };
  }, [open, options.length]);

  const write = (next: Mention[]) => {
    mentionsRef.current = next;
    setMentions(next);
    onChange(next);
  };

  const clearField = () => {
    const el = input.current?.element();
    if (el) el.value = '';
    setQuery('');
    setHighlight(0);
    setDismissed(false);
  };

  const appendKeys = (keys: string[]) => {
    const have = new Set(mentionsRef.current.map((m) => m.agency));
    let next = [...mentionsRef.current];
    const skipped: string[] = [];
    for (const key of keys) {
      if (have.has(key)) {
        skipped.push(names.get(key) ?? key);
        continue;
      }
      have.add(key);
      next = next.map((m, i) => (i === next.length - 1 && m.after === '' ? { ...m, after: DEFAULT_SEPARATOR } : m));
      next.push({ agency: key, after: '' });
    }
    if (next.length !== mentionsRef.current.length) write(next);
    setAlready(skipped);
    clearField();
  };

  const keyFor = async (name: string): Promise<string> => {
    const key = await addAgency(name);
    setKnown((k) => (k.some((a) => a.key === key) ? k : [...k, { key, name }]));
    return key;
  };

  const choose = async (index: number) => {
    const option = options[index];
    if (!option) return;
    // An option marked "đã có" is in the cell: appendKeys adds nothing and says so.
    if (option.kind === 'pick') return appendKeys([option.agency.key]);
    appendKeys([await keyFor(option.name)]);
  };

  /** Takes what is typed: the exact entry, the highlighted suggestion, or several agencies split apart. */
  const pickTyped = async (text: string) => {
    const many = splitAgencyText(known, text);
    if (many.length > 1) {
      const keys: string[] = [];
      for (const m of many) {
        const there = 'agency' in m ? alreadyInCell(known, m.agency.name, picked) : alreadyInCell(known, m.name, picked);
        keys.push(there ? there.key : 'agency' in m ? m.agency.key : await keyFor(m.name));
      }
      return appendKeys(keys);
    }
    const there = alreadyInCell(known, text.trim(), picked);
    if (there) return appendKeys([there.key]);
    if (exact) return appendKeys([exact.key]);
    if (certain) return appendKeys([certain.key]);
    await choose(current < 0 ? 0 : current);
  };

  const remove = (i: number) => {
    const next = mentions.filter((_, j) => j !== i);
    // The text after the removed last agency is dropped with it, so the cell does not end in "; ".
    if (i === mentions.length - 1 && next.length > 0 && next[next.length - 1].after === DEFAULT_SEPARATOR) next[next.length - 1] = { ...next[next.length - 1], after: '' };
    write(next);
    input.current?.focus();
  };

  const finish = (exit: EditorExit) => {
    if (finished.current) return;
    finished.current = true;
    onDone(exit);
  };

  const cancel = () => {
    if (JSON.stringify(mentionsRef.current) !== JSON.stringify(initial.current)) onChange(initial.current);
    finish('stay');
  };

  const onBlur = (e: FocusEvent) => {
    if (finished.current || (wrap.current && wrap.current.contains(e.relatedTarget as Node | null))) return;
    // A name typed and not yet taken is taken now: nothing typed is lost by clicking away.
    const text = input.current?.element()?.value ?? '';
    if (text.trim()) void pickTyped(text);
    finish('blur');
  };

  return (
    <div ref={wrap} className="ax-agency-editor" onBlur={onBlur} role="group" aria-label={label}>
      <ul className="ax-chips" aria-label={t('appendix.agency.picked')}>
        {mentions.map((m, i) => (
          <li key={`${m.agency}-${i}`} className="ax-chip">
            <span className="ax-chip-name">{i > 0 ? lowerCollectivePrefix(names.get(m.agency) ?? m.agency) : (names.get(m.agency) ?? m.agency)}</span>
            <button type="button" className="ax-chip-remove" aria-label={t('appendix.agency.remove', { name: names.get(m.agency) ?? m.agency })} onClick={() => remove(i)}>
              ×
            </button>
            <EditableText
              className="ax-chip-after"
              value={m.after}
              aria-label={t('appendix.agency.after', { name: names.get(m.agency) ?? m.agency })}
              title={t('appendix.agency.afterHint')}
              onCommit={(text) => write(mentionsRef.current.map((x, j) => (j === i ? { ...x, after: text } : x)))}
            />
          </li>
        ))}
        <li className="ax-combo">
          <EditableText
            ref={input}
            value=""
            idleMs={3_600_000}
            escapeReverts={false}
            role="combobox"
            aria-label={t('appendix.agency.input', { cell: label })}
            aria-expanded={open}
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={open && current >= 0 ? `${id}-opt-${current}` : undefined}
            placeholder={mentions.length ? undefined : t('appendix.agency.placeholder')}
            data-testid="agency-input"
            onCommit={() => undefined}
            onInputCapture={(e) => {
              setAlready([]);
              setQuery((e.target as HTMLInputElement).value);
              setHighlight(0);
              setDismissed(false);
            }}
            onKeyUp={(e) => setQuery((e.target as HTMLInputElement).value)}
            onKeyCommand={(e, text) => {
              if (e.key === 'ArrowDown' && open) {
                e.preventDefault();
                setHighlight((h) => Math.min(h + 1, options.length - 1));
              } else if (e.key === 'ArrowUp' && open) {
                e.preventDefault();
                setHighlight((h) => Math.max(h - 1, 0));
              } else if (e.key === 'Enter' || e.key === 'Tab') {
                e.preventDefault();
                if (text.trim()) void pickTyped(text);
                else if (e.key === 'Enter') finish(e.shiftKey ? 'up' : 'down');
                else finish(e.shiftKey ? 'prev' : 'next');
              } else if (e.key === 'Escape') {
                e.preventDefault();
                if (open) setDismissed(true);
                else cancel();
              } else if (e.key === 'Backspace' && text === '' && mentionsRef.current.length > 0) {
                // Backspace on the empty field takes back the last agency, as in a tag field.
                e.preventDefault();
                remove(mentionsRef.current.length - 1);
              }
            }}
          />
        </li>
      </ul>
      {already.length > 0 && (
        <p className="ax-agency-have" role="status" data-testid="agency-have">
          {t('appendix.agency.alreadyThere', { names: already.join('; ') })}
        </p>
      )}
      {open && place && createPortal(
        <ul id={`${id}-list`} role="listbox" className="ax-suggestions" style={place} aria-label={t('appendix.agency.suggestions')} data-testid="agency-suggestions">
          {options.map((o, i) => (
            <li
              key={o.kind === 'pick' ? o.agency.key : '__add'}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === current}
              aria-disabled={o.kind === 'pick' && o.have ? true : undefined}
              data-have={o.kind === 'pick' && o.have ? '' : undefined}
              className={[i === current ? 'is-current' : '', o.kind === 'pick' && o.have ? 'is-have' : ''].filter(Boolean).join(' ') || undefined}
              // Keep the focus in the field: a click picks without blurring the editor.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void choose(i)}
            >
              {o.kind === 'pick' ? (o.have ? t('appendix.agency.have', { name: o.agency.name }) : o.agency.name) : t('appendix.agency.addNew', { name: o.name })}
            </li>
          ))}
        </ul>,
        document.body,
      )}
    </div>
  );
}
