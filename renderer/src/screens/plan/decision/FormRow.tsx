import type { ReactNode } from 'react';

/** ids of a control's hint and error, for aria-describedby. */
export function describedBy(id: string, hint?: ReactNode, error?: ReactNode): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** One row of the form: a real <label> for the control, then the control, its hint and its error. */
export function FormRow({ id, label, hint, error, children, className, testId }: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div className={`form-row${className ? ` ${className}` : ''}`} data-testid={testId}>
      <label className="form-row-label" htmlFor={id}>
        {label}
      </label>
      <div className="form-row-control">
        {children}
        {hint && (
          <p id={`${id}-hint`} className="hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
