import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EditableText, type EditableTextHandle } from '../../../components/fields/EditableText';

/** The names drafters give versions most often, offered as one-click fills and as suggestions. */
const SUGGESTIONS = ['Dự thảo xin ý kiến', 'Bản trình ký'];

/** Names and saves a version of the plan as it is now. */
export function SaveVersionForm({ onSave, busy }: { onSave: (name: string) => Promise<boolean>; busy: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<EditableTextHandle>(null);
  const [missing, setMissing] = useState(false);

  const fill = (name: string) => {
    const el = field.current?.element();
    if (el) el.value = name;
    setMissing(false);
    field.current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const el = field.current?.element();
    const name = el?.value.trim() ?? '';
    if (!name) {
      setMissing(true);
      field.current?.focus();
      return;
    }
    if ((await onSave(name)) && el) el.value = '';
  };

  return (
    <form className="version-save" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('versions.saveHeading')}</h3>
      <div className="version-save-row">
        <label htmlFor={`${id}-name`}>{t('versions.name')}</label>
        <EditableText
          ref={field}
          id={`${id}-name`}
          value=""
          // The name is read on submit; nothing is stored while typing.
          onCommit={() => setMissing(false)}
          list={`${id}-suggest`}
          placeholder={SUGGESTIONS[0]}
          aria-invalid={missing}
          aria-describedby={missing ? `${id}-missing` : undefined}
          data-testid="version-name"
        />
        <datalist id={`${id}-suggest`}>
          {SUGGESTIONS.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button type="submit" className="primary" disabled={busy}>
          {t('versions.save')}
        </button>
      </div>
      <p className="version-suggest">
        <span className="muted">{t('versions.suggest')}</span>
        {SUGGESTIONS.map((s) => (
          <button key={s} type="button" className="link-button" onClick={() => fill(s)}>
            {s}
          </button>
        ))}
      </p>
      {missing && (
        <p id={`${id}-missing`} className="field-error" role="alert">
          {t('versions.nameMissing')}
        </p>
      )}
    </form>
  );
}
