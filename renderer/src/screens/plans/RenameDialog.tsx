import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditableText, type EditableTextHandle } from '../../components/fields/EditableText';
import { Dialog } from '../../components/Dialog';

/**
 * Renames a plan. The name is typed in the IME-safe EditableText (Unikey/EVKey and composition both work);
 * its text is read when the drafter saves, Enter included (never while composing: EditableText filters it).
 */
export function RenameDialog({ title, onRename, onClose }: { title: string; onRename: (title: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<EditableTextHandle>(null);
  const [empty, setEmpty] = useState(false);
  const submit = () => {
    const text = field.current?.element()?.value ?? '';
    if (!text.trim()) setEmpty(true);
    else onRename(text.normalize('NFC').trim());
  };
  return (
    <Dialog
      title={t('plans.renameDialog.title')}
      onClose={onClose}
      testId="rename-dialog"
      actions={
        <>
          <button type="button" className="primary" onClick={submit}>
            {t('plans.renameDialog.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('plans.action.cancel')}
          </button>
        </>
      }
    >
      <label htmlFor={id} className="form-label">
        {t('plans.renameDialog.label')}
      </label>
      <EditableText
        ref={field}
        id={id}
        className="text-input wide"
        value={title}
        data-autofocus
        aria-invalid={empty || undefined}
        aria-describedby={empty ? `${id}-error` : undefined}
        // The dialog saves on its own button; committing on blur would be a second, silent rename.
        onCommit={() => undefined}
        onKeyCommand={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submit();
          }
        }}
      />
      {empty && (
        <p id={`${id}-error`} className="form-error" role="alert">
          {t('plans.renameDialog.empty')}
        </p>
      )}
    </Dialog>
  );
}
