import type { CSSProperties } from 'react';
import type { RichText } from '../../../electron/core/model/types';

/** Runs as written: `bold`/`italic` undefined inherit the paragraph's style (a heading is bold). */
export function RichTextView({ text }: { text: RichText }) {
  return (
    <>
      {text.map((run, i) => {
        if (run.bold === undefined && run.italic === undefined) return <span key={i}>{run.text}</span>;
        const style: CSSProperties = {};
        if (run.bold !== undefined) style.fontWeight = run.bold ? 700 : 400;
        if (run.italic !== undefined) style.fontStyle = run.italic ? 'italic' : 'normal';
        return (
          <span key={i} style={style}>
            {run.text}
          </span>
        );
      })}
    </>
  );
}
