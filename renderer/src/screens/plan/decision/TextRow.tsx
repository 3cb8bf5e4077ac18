import { useId, useState, type HTMLAttributes } from 'react';
import { EditableText } from '../../../components/fields/EditableText';
import type { PlanSession } from '../../../state/plan-session';
import { commitField } from './commit';
import { describedBy, FormRow } from './FormRow';

/**
 * A labelled text field of the package (`decision.summary`, `issuer.place` …), committed through the session.
 * `validate` words a problem the store would refuse anyway, in the UI's language, and keeps the edit back.
 */
export function TextRow({ path, label, value, session, multiline, hint, validate, onCommit, className, inputMode, testId }: {
  path: string;
  label: string;
  value: string;
  session: PlanSession;
  multiline?: boolean;
  hint?: string;
  validate?: (text: string) => string | null;
  /** Instead of setField (the plan's title goes through renamePlan). */
  onCommit?: (text: string) => void;
  className?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  testId?: string;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const commit = (text: string) => {
    const problem = validate?.(text) ?? null;
    setError(problem);
    if (problem) return;
    if (onCommit) onCommit(text);
    else void commitField(session, path, text);
  };
  return (
    <FormRow id={id} label={label} hint={hint} error={error} className={className} testId={testId}>
      <EditableText
        id={id}
        className="doc-input"
        value={value}
        multiline={multiline}
        inputMode={inputMode}
        data-path={path}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onCommit={commit}
      />
    </FormRow>
  );
}
