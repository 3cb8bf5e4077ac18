import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { recipientLevel, recipientText } from '../../../../../electron/core/model/rows';
import { EditableText, type EditableTextHandle } from '../../../components/fields/EditableText';
import type { PlanSession } from '../../../state/plan-session';
import { EditableList } from './EditableList';
import { quietly } from './commit';

/** The stored line for a recipient's text at a level: `+ …` for a sub-item (model v2), the text alone otherwise. */
export function recipientLine(text: string, level: 0 | 1): string {
  const bare = recipientText(text);
  return level === 1 ? `+ ${bare}` : bare;
}

/**
 * Nơi nhận with sub-items (model v2): a line is a top-level recipient (printed `- …`) or a sub-item of the
 * line above it (printed `+ …`, the line above then ends with `:`). Tab in a line makes it a sub-item,
 * Shift+Tab a top-level line again, as in lists; the → / ← buttons do the same with the mouse. The field shows
 * the text without its mark, so the drafter never types `+ ` by hand. Each gesture is one `updateListItem`
 * (the typed text and the new level together): one undo step.
 */
export function RecipientList({ list, items, session }: { list: string; items: readonly string[]; session: PlanSession }) {
  const { t } = useTranslation();
  const fields = useRef<Array<EditableTextHandle | null>>([]);
  // The level a line is being moved to, read by its commit so that pending typing lands at the new level.
  const wanted = useRef(new Map<number, 0 | 1>());
  useEffect(() => wanted.current.clear(), [items]);

  const levelOf = (i: number): 0 | 1 => wanted.current.get(i) ?? recipientLevel(items[i] ?? '');
  const canIndent = (i: number) => i > 0 && recipientLevel(items[i]) === 0;
  const canOutdent = (i: number) => recipientLevel(items[i]) === 1;

  const saved = useRef(false);
  const save = (i: number, text: string) => {
    saved.current = true;
    // A line typed with its own `+ ` mark is a sub-item (the first line cannot be one: it has no line above).
    const level = i > 0 && recipientLevel(text) === 1 ? 1 : levelOf(i);
    void quietly(session.edit('updateListItem', list, i, recipientLine(text, level)));
  };

  /** Moves line `i` to `level`: its typed text and the level in one edit. False when it cannot move. */
  const setLevel = (i: number, level: 0 | 1): boolean => {
    if (level === 1 ? !canIndent(i) : !canOutdent(i)) return false;
    wanted.current.set(i, level);
    // Pending typing is committed at the new level (save reads `wanted`): one edit; else the level alone is sent.
    saved.current = false;
    fields.current[i]?.commit();
    if (!saved.current) {
      const text = fields.current[i]?.element()?.value ?? items[i];
      void quietly(session.edit('updateListItem', list, i, recipientLine(text, level)));
    }
    return true;
  };

  return (
    <EditableList<string>
      list={list}
      items={items}
      session={session}
      itemName={(n) => t('decisionForm.list.recipientItem', { n })}
      marker={(i) => (recipientLevel(items[i]) === 1 ? <span className="recipient-sub">+</span> : '-')}
      addLabel={t('decisionForm.list.addRecipient')}
      newItem=""
      testId="recipients"
      renderItem={(item, index, field) => {
        const level = recipientLevel(item);
        return (
          <div className={`recipient-line level-${level}`} data-level={level}>
            <EditableText
              ref={(h) => {
                fields.current[index] = h;
              }}
              className="doc-input small"
              value={recipientText(item)}
              aria-label={level === 1 ? t('decisionForm.recipients.subLabel', { item: field.label }) : field.label}
              data-path={field.path}
              onKeyCommand={(e) => {
                if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
                  // Only when the line can move: otherwise Tab leaves the field as usual (no keyboard trap).
                  if (setLevel(index, e.shiftKey ? 0 : 1)) e.preventDefault();
                  return;
                }
                field.onKeyCommand(e);
              }}
              onCommit={(text) => save(index, text)}
            />
            <button type="button" className="recipient-level" disabled={!canIndent(index)} onClick={() => setLevel(index, 1)}
              aria-label={t('decisionForm.recipients.indent', { item: field.label })} title={t('decisionForm.recipients.indent', { item: field.label })} data-action="indent">
              <span aria-hidden="true">→</span>
            </button>
            <button type="button" className="recipient-level" disabled={!canOutdent(index)} onClick={() => setLevel(index, 0)}
              aria-label={t('decisionForm.recipients.outdent', { item: field.label })} title={t('decisionForm.recipients.outdent', { item: field.label })} data-action="outdent">
              <span aria-hidden="true">←</span>
            </button>
          </div>
        );
      }}
    />
  );
}
