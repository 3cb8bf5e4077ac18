/**
 * The live preview beside the editor: the Decision, the Plan and the appendix as they will print
 * (Times New Roman, A4 widths scaled to the pane), read-only. It shows the session's state, so it follows
 * every committed edit. A click on anything goes to the field it shows (data-preview-path → goTo).
 */
import { useEffect, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanPackage } from '../../../../electron/core/model/types';
import { appendixPrinted } from '../../../../electron/core/model/pages';
import { AppendixPage } from './AppendixPage';
import { NumberingSelect } from './NumberingSelect';
import { DecisionPage } from './DecisionPage';
import { PlanPage } from './PlanPage';
import './preview.css';

/** A4 text widths at 96 dpi: the pages are laid out at print size, then zoomed to the pane. */
const PORTRAIT_PX = (210 / 25.4) * 96;
const LANDSCAPE_PX = (297 / 25.4) * 96;

type PageKey = 'decision' | 'plan' | 'appendix';

function pageOfSection(section: string): PageKey {
  if (section === 'appendix' || section === 'agencies') return 'appendix';
  if (section === 'decision') return 'decision';
  return 'plan';
}

export function PreviewPane({ pkg, goTo, section, onOption }: {
  pkg: PlanPackage;
  goTo: (path: string) => void;
  section: string;
  /** Stores a v2 option (numbering styles) as JSON through setField; without it the selector is not shown. */
  onOption?: (field: string, json: string) => void;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(600);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setRoot(el);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  const jump = (page: PageKey) => {
    const box = scroller.current;
    const el = box?.querySelector<HTMLElement>(`[data-preview-page="${page}"]`);
    // Measured on screen: offsetTop does not account for the pages' zoom.
    if (el && box) box.scrollTo({ top: box.scrollTop + el.getBoundingClientRect().top - box.getBoundingClientRect().top - 8 });
  };

  // Changing the editor's tab brings its page into view, unless the change came from a click in here.
  const wanted = pageOfSection(section);
  const fromClick = useRef(false);
  useEffect(() => {
    if (!fromClick.current) jump(wanted);
    fromClick.current = false;
  }, [wanted]);

  const onClick = (e: MouseEvent) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-preview-path]');
    const path = target?.dataset.previewPath;
    if (!path) return;
    fromClick.current = true;
    goTo(path);
  };

  const usable = Math.max(200, width - 24);
  const zoom = (px: number) => ({ zoom: Math.min(1, usable / px) });
  const pages: PageKey[] = pkg.decision ? ['decision', 'plan', 'appendix'] : ['plan', 'appendix'];

  return (
    <aside className="preview-pane" aria-label={t('preview.label')} data-testid="preview">
      <div className="preview-bar">
        <span className="preview-hint">{t('preview.hint')}</span>
        {onOption && <NumberingSelect pkg={pkg} onOption={onOption} />}
        <span role="group" aria-label={t('preview.jump')} className="preview-jump">
          {pages.map((p) => (
            <button key={p} type="button" onClick={() => jump(p)}>
              {t(`preview.pages.${p}`)}
            </button>
          ))}
        </span>
      </div>
      {/* Mouse clicks go to a field; keyboard users edit in the editor, the pane only scrolls. */}
      <div ref={scroller} className="preview-scroll" tabIndex={0} role="document" onClick={onClick}>
        {pkg.decision && (
          <div style={zoom(PORTRAIT_PX)}>
            <DecisionPage decision={pkg.decision} issuer={pkg.issuer} year={pkg.year} label={t('preview.pages.decision')} />
          </div>
        )}
        <div style={zoom(PORTRAIT_PX)}>
          <PlanPage pkg={pkg} label={t('preview.pages.plan')} />
        </div>
        {/* A plan with no appendix rows prints no appendix (model/pages.ts), here as in the DOCX. */}
        {appendixPrinted(pkg) && (
          <div style={zoom(LANDSCAPE_PX)}>
            <AppendixPage pkg={pkg} label={t('preview.pages.appendix')} root={root} />
          </div>
        )}
      </div>
    </aside>
  );
}
