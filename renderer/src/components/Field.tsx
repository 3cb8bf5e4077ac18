import type { ReactNode } from 'react';

/** One labelled field of a document: the label in the chrome's font, the value as printed. */
export function Field({ label, children, testId, className }: { label: string; children: ReactNode; testId?: string; className?: string }) {
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <dt className="field-label">{label}</dt>
      <dd className="field-value doc" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** Text with "\n" line breaks kept. */
export function Lines({ text }: { text: string }) {
  return <span className="pre-line">{text}</span>;
}

/** What an empty field shows. */
export function Empty({ label }: { label: string }) {
  return <span className="empty-value">{label}</span>;
}
