/**
 * The grid's column headers: drag a header onto another to reorder (or Alt+←/→ on it), drag its right
 * edge to resize (or ←/→ on the edge): the width is stored in millimetres, as printed.
 */
import { useRef, useState, type DragEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '../../../../../electron/core/model/types';

/** Screen pixels per printed millimetre: the grid is laid out like the page, only larger. */
export const PX_PER_MM = 4;
export const HANDLE_WIDTH = 40;
export const MIN_MM = 8;
export const HEADER_HEIGHT = 32;
const COLUMN_TYPE = 'text/x-soan-column';

export function columnPx(c: ColumnDef): number {
  return Math.max(MIN_MM, c.width) * PX_PER_MM;
}

export function GridHeader({ columns, all, onMove, onResize }: {
  /** Visible columns, in order. */
  columns: readonly ColumnDef[];
  /** All columns (hidden included): moves are positions among these. */
  all: readonly ColumnDef[];
  onMove: (key: string, index: number) => void;
  onResize: (key: string, widthMm: number) => void;
}) {
  const { t } = useTranslation();
  // While a resize drag runs, the new width shows at once; it is stored when the drag ends.
  const [live, setLive] = useState<{ key: string; mm: number } | null>(null);
  const drag = useRef<{ key: string; x: number; mm: number } | null>(null);

  const moveBy = (c: ColumnDef, dir: -1 | 1) => {
    const v = columns.indexOf(c) + dir;
    if (v < 0 || v >= columns.length) return;
    onMove(c.key, all.indexOf(columns[v]));
  };

  const onHeadKey = (e: KeyboardEvent, c: ColumnDef) => {
    if (!e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    moveBy(c, e.key === 'ArrowLeft' ? -1 : 1);
  };

  const onDrop = (e: DragEvent, target: ColumnDef) => {
    const key = e.dataTransfer.getData(COLUMN_TYPE);
    (e.currentTarget as HTMLElement).classList.remove('drop-before', 'drop-after');
    if (!key || key === target.key) return;
    e.preventDefault();
    onMove(key, all.findIndex((c) => c.key === target.key));
  };

  const startResize = (e: PointerEvent, c: ColumnDef) => {
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    drag.current = { key: c.key, x: e.clientX, mm: c.width };
    setLive({ key: c.key, mm: c.width });
  };
  const moveResize = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    setLive({ key: d.key, mm: Math.max(MIN_MM, Math.round(d.mm + (e.clientX - d.x) / PX_PER_MM)) });
  };
  const endResize = (e: PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    const mm = Math.max(MIN_MM, Math.round(d.mm + (e.clientX - d.x) / PX_PER_MM));
    setLive(null);
    if (mm !== d.mm) onResize(d.key, mm);
  };

  return (
    <div className="ax-head" role="row" style={{ height: HEADER_HEIGHT }}>
      <div className="ax-th ax-handle-col" role="columnheader" style={{ width: HANDLE_WIDTH }}>
        <span className="visually-hidden">{t('appendix.grid.handleColumn')}</span>
      </div>
      {columns.map((c) => {
        const mm = live?.key === c.key ? live.mm : c.width;
        return (
          <div
            key={c.key}
            className="ax-th"
            role="columnheader"
            data-column={c.key}
            style={{ width: Math.max(MIN_MM, mm) * PX_PER_MM }}
            tabIndex={0}
            draggable
            aria-label={t('appendix.grid.columnHeader', { caption: c.caption })}
            title={`${c.caption}\n${t('appendix.grid.columnHint')}`}
            onKeyDown={(e) => onHeadKey(e, c)}
            onDragStart={(e) => {
              e.dataTransfer.setData(COLUMN_TYPE, c.key);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes(COLUMN_TYPE)) return;
              e.preventDefault();
              e.currentTarget.classList.add('drop-before');
            }}
            onDragLeave={(e) => e.currentTarget.classList.remove('drop-before', 'drop-after')}
            onDrop={(e) => onDrop(e, c)}
          >
            <span className="ax-th-caption">{c.caption}</span>
            <span
              className="ax-resize"
              role="separator"
              aria-orientation="vertical"
              aria-label={t('appendix.grid.resize', { caption: c.caption, mm })}
              aria-valuenow={mm}
              tabIndex={0}
              data-testid={`resize-${c.key}`}
              onPointerDown={(e) => startResize(e, c)}
              onPointerMove={moveResize}
              onPointerUp={endResize}
              onDragStart={(e) => e.preventDefault()}
              onKeyDown={(e) => {
                if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
                e.preventDefault();
                e.stopPropagation();
                onResize(c.key, Math.max(MIN_MM, c.width + (e.key === 'ArrowLeft' ? -2 : 2)));
              }}
            />
          </div>
        );
      })}
    </div>
  );
}
