import { useId, type ReactNode } from 'react';

/** A form row holding a list: the row's label names the group its item fields belong to. */
export function ListRow({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="form-row" role="group" aria-labelledby={id}>
      <span id={id} className="form-row-label">
        {label}
      </span>
      {children}
    </div>
  );
}
