import { useId, type ReactNode } from 'react';

/** A titled group of the form (header, content, closing), labelled by its heading for landmarks and screen readers. */
export function FormSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section className="form-section" aria-labelledby={id} data-testid={testId}>
      <h3 id={id} className="form-section-title">
        {title}
      </h3>
      {children}
    </section>
  );
}
