/**
 * The editor of an agency cell: the agencies already named as chips, each followed by the text written
 * after it ("; " by default, or " và ", " thẩm định"), and a field to add one more, with suggestions from
 * the plan's directory listed below it. The typed text is never rewritten: a suggestion is taken only by
 * Enter, Tab or a click. A name not in the directory is added to it on the fly.
 */
import { useEffect, useId, useMemo, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EditableText, type EditableTextHandle } from '../../components/fields/EditableText';
import type { Agency, Mention } from '../../../../electron/core/model/types';
import { lowerCollectivePrefix } from '../../../../electron/core/model/text';
import { sameAgency, suggestAgencies } from './agency-suggest';
import type { EditorExit } from './TextCellEditor';

export const DEFAULT_SEPARATOR = '; ';

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
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [known, setKnown] = useState(agencies);
  const input = useRef<EditableTextHandle>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const finished = useRef(false);

  useEffect(() => input.current?.focus(), []);
  // The directory grows when a name is added on the fly; keep both the loaded and the added entries.
  useEffect(() => setKnown((k) => [...agencies, ...k.filter((a) => !agencies.some((b) => b.key === a.key))]), [agencies]);

  const names = useMemo(() => new Map(known.map((a) => [a.key, a.name])), [known]);
  const picked = useMemo(() => new Set(mentions.map((m) => m.agency)), [mentions]);
  const suggestions = useMemo(() => suggestAgencies(known, query, picked), [known, query, picked]);
  const typed = query.trim();
  const exact = typed ? sameAgency(known, typed) : undefined;
  // The last option adds the typed name as a new entry, unless the directory already has it.
  const options: Array<{ kind: 'pick'; agency: Agency } | { kind: 'add'; name: string }> = [
    ...suggestions.map((agency) => ({ kind: 'pick' as const, agency })),
    ...(typed && !exact ? [{ kind: 'add' as const, name: typed }] : []),
  ];
  const open = typed !== '' && options.length > 0;
  const current = Math.min(highlight, options.length - 1);

  const write = (next: Mention[]) => {
    setMentions(next);
    onChange(next);
  };

  const append = (key: string) => {
    if (picked.has(key)) return;
    const next = mentions.map((m, i) => (i === mentions.length - 1 && m.after === '' ? { ...m, after: DEFAULT_SEPARATOR } : m));
    write([...next, { agency: key, after: '' }]);
    const el = input.current?.element();
    if (el) el.value = '';
    setQuery('');
    setHighlight(0);
  };

  const choose = async (index: number) => {
    const option = options[index];
    if (!option) return;
    if (option.kind === 'pick') return append(option.agency.key);
    const key = await addAgency(option.name);
    setKnown((k) => (k.some((a) => a.key === key) ? k : [...k, { key, name: option.name }]));
    append(key);
  };

  const pickTyped = async () => {
    if (exact) return append(exact.key);
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

  const onBlur = (e: FocusEvent) => {
    if (wrap.current && !wrap.current.contains(e.relatedTarget as Node | null)) finish('stay');
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
              onCommit={(text) => write(mentions.map((x, j) => (j === i ? { ...x, after: text } : x)))}
            />
          </li>
        ))}
      </ul>
      <div className="ax-combo">
        <EditableText
          ref={input}
          value=""
          idleMs={3_600_000}
          role="combobox"
          aria-label={t('appendix.agency.input', { cell: label })}
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && current >= 0 ? `${id}-opt-${current}` : undefined}
          placeholder={t('appendix.agency.placeholder')}
          data-testid="agency-input"
          onCommit={() => undefined}
          onInputCapture={(e) => {
            setQuery((e.target as HTMLInputElement).value);
            setHighlight(0);
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
              if (text.trim()) {
                e.preventDefault();
                void pickTyped();
              } else if (e.key === 'Enter') {
                e.preventDefault();
                finish('stay');
              } else {
                e.preventDefault();
                finish(e.shiftKey ? 'prev' : 'next');
              }
            } else if (e.key === 'Escape' && !text) {
              e.preventDefault();
              finish('stay');
            }
          }}
        />
        {open && (
          <ul id={`${id}-list`} role="listbox" className="ax-suggestions" aria-label={t('appendix.agency.suggestions')} data-testid="agency-suggestions">
            {options.map((o, i) => (
              <li
                key={o.kind === 'pick' ? o.agency.key : '__add'}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === current}
                className={i === current ? 'is-current' : undefined}
                // Keep the focus in the field: a click picks without blurring the editor.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => void choose(i)}
              >
                {o.kind === 'pick' ? o.agency.name : t('appendix.agency.addNew', { name: o.name })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
