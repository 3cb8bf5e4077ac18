import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A small modal dialog on the native <dialog>: showModal() keeps focus inside it, makes the page behind inert
 * and sends Escape as "cancel" (which a composing IME keeps for itself), so no focus-trap code of our own.
 */
export function Dialog({ title, children, actions, onClose, testId }: {
  title: string;
  children: ReactNode;
  actions: ReactNode;
  onClose: () => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // showModal() focuses the first control; a dialog may name a safer one (Cancel before "erase for good").
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        // React owns whether the dialog is shown: close through the parent's state.
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">{actions}</div>
    </dialog>
  );
}
