import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../commands';
import { Dialog } from './Dialog';

/** F1: every shortcut of the editor, grouped by where it works, in the UI's language. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const groups = ['all', 'grid', 'body', 'decision'] as const;
  return (
    <Dialog title={t('help.title')} onClose={onClose} testId="help-dialog"
      actions={<button type="button" className="primary" data-autofocus onClick={onClose}>{t('action.dismiss')}</button>}>
      {groups.map((g) => (
        <section key={g} className="help-group">
          <h3>{t(`help.where.${g}`)}</h3>
          <table className="help-keys">
            <tbody>
              {SHORTCUTS.filter((s) => s.where === g).map((s) => (
                <tr key={`${s.keys}-${s.what}`}>
                  {/* Each alternative whole on its line: a long list of keys wraps between them, not inside one. */}
                  <th scope="row">{s.keys.split(', ').map((k, i) => <span key={k}>{i > 0 && ', '}<kbd>{k}</kbd></span>)}</th>
                  <td>{t(`help.keys.${s.what}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Dialog>
  );
}
