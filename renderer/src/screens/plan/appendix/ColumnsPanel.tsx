/**
 * The appendix's columns as a list: rename, width (mm, as printed), show/hide, reorder, remove, and add
 * a new one. Columns are data: a wider framework (Sản phẩm, Kinh phí) is just more entries here.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { slug } from '../../../../../electron/core/model/text';
import type { ColumnDef, ColumnKind } from '../../../../../electron/core/model/types';
import { EditableText, type EditableTextHandle } from '../../../components/fields/EditableText';
import type { PlanSession } from '../../../state/plan-session';
import { MIN_MM } from './GridHeader';

export function newColumnKey(caption: string, taken: readonly ColumnDef[]): string {
  const base = slug(caption);
  let key = base;
  for (let n = 2; taken.some((c) => c.key === key); n++) key = `${base}-${n}`;
  return key;
}

export function ColumnsPanel({ columns, session, onClose }: { columns: readonly ColumnDef[]; session: PlanSession; onClose: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ColumnKind>('text');
  const caption = useRef<EditableTextHandle>(null);

  const add = () => {
    const text = (caption.current?.element()?.value ?? '').trim();
    if (!text) return caption.current?.focus();
    void session.edit('addColumn', columns.length, { key: newColumnKey(text, columns), caption: text, kind, role: null, width: 30, hidden: false });
    const el = caption.current?.element();
    if (el) el.value = '';
  };

  return (
    <section className="ax-columns" aria-labelledby="ax-columns-title" data-testid="columns-panel">
      <div className="ax-columns-head">
        <h3 id="ax-columns-title">{t('appendix.columns.title')}</h3>
        <button type="button" onClick={onClose}>{t('appendix.columns.close')}</button>
      </div>
      <table className="ax-columns-table">
        <thead>
          <tr>
            <th scope="col">{t('appendix.columns.caption')}</th>
            <th scope="col">{t('appendix.columns.kind')}</th>
            <th scope="col">{t('appendix.columns.width')}</th>
            <th scope="col">{t('appendix.columns.visible')}</th>
            <th scope="col">{t('appendix.columns.order')}</th>
            <th scope="col"><span className="visually-hidden">{t('appendix.columns.remove')}</span></th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c, i) => (
            <tr key={c.key} data-testid="column-item" data-column={c.key}>
              <td>
                <EditableText value={c.caption} aria-label={t('appendix.columns.captionOf', { n: i + 1 })}
                  onCommit={(v) => v.trim() && void session.edit('updateColumn', c.key, { caption: v })} />
              </td>
              <td>{t(`appendix.columns.kinds.${c.kind}`)}</td>
              <td>
                <EditableText className="ax-width" value={String(c.width)} inputMode="numeric" aria-label={t('appendix.columns.widthOf', { caption: c.caption })}
                  onCommit={(v) => {
                    const mm = Math.round(Number(v.replace(',', '.')));
                    if (Number.isFinite(mm) && mm >= MIN_MM) void session.edit('updateColumn', c.key, { width: mm });
                  }} />
              </td>
              <td>
                <input type="checkbox" key={String(c.hidden)} defaultChecked={!c.hidden} aria-label={t('appendix.columns.showOf', { caption: c.caption })}
                  onChange={(e) => void session.edit('updateColumn', c.key, { hidden: !e.target.checked })} />
              </td>
              <td className="ax-order">
                <button type="button" disabled={i === 0} aria-label={t('appendix.columns.left', { caption: c.caption })}
                  onClick={() => void session.edit('moveColumn', c.key, i - 1)}>↑</button>
                <button type="button" disabled={i === columns.length - 1} aria-label={t('appendix.columns.right', { caption: c.caption })}
                  onClick={() => void session.edit('moveColumn', c.key, i + 1)}>↓</button>
              </td>
              <td>
                <button type="button" aria-label={t('appendix.columns.removeOf', { caption: c.caption })}
                  onClick={() => window.confirm(t('appendix.columns.confirmRemove', { caption: c.caption })) && void session.edit('removeColumn', c.key)}>
                  {t('appendix.columns.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="ax-columns-add">
        <EditableText ref={caption} value="" aria-label={t('appendix.columns.newCaption')} placeholder={t('appendix.columns.newCaption')}
          onCommit={() => undefined} idleMs={3_600_000}
          onKeyCommand={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }} />
        <select aria-label={t('appendix.columns.newKind')} value={kind} onChange={(e) => setKind(e.target.value as ColumnKind)}>
          <option value="text">{t('appendix.columns.kinds.text')}</option>
          <option value="agencies">{t('appendix.columns.kinds.agencies')}</option>
          <option value="number">{t('appendix.columns.kinds.number')}</option>
        </select>
        <button type="button" onClick={add}>{t('appendix.columns.add')}</button>
      </div>
    </section>
  );
}
