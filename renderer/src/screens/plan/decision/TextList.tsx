import type { ReactNode } from 'react';
import { EditableText } from '../../../components/fields/EditableText';
import type { PlanSession } from '../../../state/plan-session';
import { EditableList } from './EditableList';
import { quietly } from './commit';

/** A list of plain lines (legal bases, recipients): each line an IME-safe field committing updateListItem. */
export function TextList({ list, items, session, itemName, marker, addLabel, multiline, className, testId }: {
  list: string;
  items: readonly string[];
  session: PlanSession;
  itemName: (n: number) => string;
  marker?: (index: number) => ReactNode;
  addLabel: string;
  multiline?: boolean;
  className?: string;
  testId?: string;
}) {
  return (
    <EditableList<string>
      list={list}
      items={items}
      session={session}
      itemName={itemName}
      marker={marker}
      addLabel={addLabel}
      newItem=""
      testId={testId}
      renderItem={(item, index, field) => (
        <EditableText
          className={`doc-input${className ? ` ${className}` : ''}`}
          value={item}
          multiline={multiline}
          aria-label={field.label}
          data-path={field.path}
          onKeyCommand={field.onKeyCommand}
          onCommit={(text) => void quietly(session.edit('updateListItem', list, index, text))}
        />
      )}
    />
  );
}
