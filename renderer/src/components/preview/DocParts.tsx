/**
 * The pieces the Decision and the Plan share, set as Nghị định 30 prints them: the two-column header,
 * the title block, rich runs, and the closing (Nơi nhận beside the signature). Every element that shows a
 * field carries that field's exchange path in data-preview-path; the pane turns a click into goTo(path).
 * The text here is document text: Vietnamese whatever the UI language.
 */
import type { CSSProperties, ReactNode } from 'react';
import { recipientLinesPrinted, signerBlock } from '../../../../electron/core/model/pages';
import { MOTTO, NATIONAL_TITLE, RECIPIENTS_LABEL } from '../../../../electron/core/model/nd30-text';
import type { Issuance, Issuer, RichText } from '../../../../electron/core/model/types';

/** Numbers a document's footnotes 1, 2 … in reading order, as Word does. One per page, made on each render. */
export class FootnoteCounter {
  private n = 0;
  next(): number {
    return ++this.n;
  }
}

/** Rich text; a run with a footnote (model v2) is followed by its number, raised, its text on hover. */
export function Runs({ text, bold, notes }: { text: RichText; bold?: boolean; notes?: FootnoteCounter }) {
  return (
    <>
      {text.map((run, i) => {
        const style: CSSProperties = {};
        const b = run.bold ?? bold;
        if (b !== undefined) style.fontWeight = b ? 700 : 400;
        if (run.italic !== undefined) style.fontStyle = run.italic ? 'italic' : 'normal';
        const note = run.footnote?.trim();
        return (
          <span key={i} style={style}>
            {run.text}
            {note && notes && (
              <sup className="pv-footnote" title={note}>
                {notes.next()}
              </sup>
            )}
          </span>
        );
      })}
    </>
  );
}

/** Left: parent body, issuing body (with its short line), `Số:`. Right: national title, motto, place-date. */
export function DocHeader({ issuer, numberLine, placeDate, base }: {
  issuer: Issuer;
  numberLine?: string;
  placeDate?: string;
  /** Path of the issuance the number and date belong to (`decision`, `plan.issuance`). */
  base?: string;
}) {
  return (
    <div className="pv-header">
      <div className="pv-header-left">
        {issuer.parentBody && (
          <p className="pv-parent" data-preview-path="issuer.parentBody">
            {issuer.parentBody}
          </p>
        )}
        <p className="pv-issuer" data-preview-path="issuer.name">
          {issuer.name}
        </p>
        <span className="pv-rule pv-rule-third" />
        {numberLine && (
          <p className="pv-number" data-preview-path={`${base}.number`}>
            {numberLine}
          </p>
        )}
      </div>
      <div className="pv-header-right">
        {/* A no-break space before the last word, as the DOCX sets it: `VIỆT NAM` wraps as a whole. */}
        <p className="pv-nation">{NATIONAL_TITLE.replace(/ NAM$/, '\u00a0NAM')}</p>
        <p className="pv-motto">
          <span>{MOTTO}</span>
        </p>
        {placeDate && (
          <p className="pv-place-date" data-preview-path={`${base}.date`}>
            {placeDate}
          </p>
        )}
      </div>
    </div>
  );
}

export function TitleBlock({ kind, summary, summaryPath, extra, extraPath }: {
  kind: string;
  summary: string;
  summaryPath: string;
  extra?: string | null;
  extraPath?: string;
}) {
  return (
    <div className="pv-title">
      <p className="pv-kind">{kind}</p>
      <p className="pv-summary" data-preview-path={summaryPath}>
        {summary}
      </p>
      {extra && (
        <p className="pv-cite" data-preview-path={extraPath}>
          {extra}
        </p>
      )}
      <span className="pv-rule pv-rule-short" />
    </div>
  );
}

/**
 * Nơi nhận (left, small) level with the signature block (right). The recipients are the printed lines of
 * the model's page description: `- VP UBND tỉnh:` / `+ Cổng TTĐT tỉnh;`, punctuation fixed per level and
 * `Lưu: VT.` added when missing, exactly as the DOCX prints them.
 */
export function Closing({ issuance, base }: { issuance: Issuance; base: string }) {
  const signer = signerBlock(issuance.signer);
  const printed = recipientLinesPrinted(issuance.recipients).lines;
  return (
    <div className="pv-closing">
      <div className="pv-recipients">
        <p className="pv-recipients-label">{RECIPIENTS_LABEL}</p>
        {printed.map((r, i) => (
          <p key={i} className={r.level === 1 ? 'pv-recipient-sub' : undefined} data-preview-path={`${base}.recipients`}>
            {r.mark} {r.text}
          </p>
        ))}
      </div>
      <div className="pv-signer">
        <p data-preview-path={`${base}.signer.title`}>{signer.title}</p>
        {signer.deputy.map((line, i) => (
          <p key={i} data-preview-path={`${base}.signer.deputyTitle`}>
            {line}
          </p>
        ))}
        <div className="pv-sign-space" />
        <p data-preview-path={`${base}.signer.name`}>{signer.name}</p>
      </div>
    </div>
  );
}

export function Page({ id, className, children, label }: { id: string; className?: string; children: ReactNode; label: string }) {
  return (
    <article className={`pv-page${className ? ` ${className}` : ''}`} data-preview-page={id} aria-label={label}>
      {children}
    </article>
  );
}
