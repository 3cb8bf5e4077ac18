import { describe, expect, it } from 'vitest';
import { footnoteRuns, insertFootnote, setFootnote } from '../../renderer/src/screens/plan/body/footnotes';
import { normaliseRuns, toggleEmphasis } from '../../renderer/src/screens/plan/body/emphasis';

describe('footnotes on a body paragraph', () => {
  it('inserts a footnote at the caret: the words before it carry the note, the rest keeps the style', () => {
    const runs = [{ text: 'Theo Nghị quyết số 76/NQ-CP, tỉnh', italic: true }];
    const next = insertFootnote(runs, 0, 'Theo Nghị quyết số 76/NQ-CP'.length, ' Nghị quyết  về CCHC 2021-2030 ');
    expect(next).toEqual([
      { text: 'Theo Nghị quyết số 76/NQ-CP', italic: true, footnote: 'Nghị quyết  về CCHC 2021-2030' },
      { text: ', tỉnh', italic: true },
    ]);
    expect(footnoteRuns(next!)).toEqual([0]);
  });

  it('at the end of a run marks that run; at the start of a run marks the run before; nowhere to go is null', () => {
    const runs = [{ text: 'Một ' }, { text: 'hai', bold: true }];
    expect(insertFootnote(runs, 1, 3, 'x')).toEqual([{ text: 'Một ' }, { text: 'hai', bold: true, footnote: 'x' }]);
    expect(insertFootnote(runs, 1, 0, 'x')).toEqual([{ text: 'Một ', footnote: 'x' }, { text: 'hai', bold: true }]);
    expect(insertFootnote(runs, 0, 0, 'x')).toBeNull();
    expect(insertFootnote(runs, 0, 2, '   ')).toBeNull();
    // A run whose end already has a note keeps it after its words when split before them.
    const noted = [{ text: 'abcdef', footnote: 'old' }];
    expect(insertFootnote(noted, 0, 6, 'new')).toBeNull();
    expect(insertFootnote(noted, 0, 3, 'new')).toEqual([{ text: 'abc', footnote: 'new' }, { text: 'def', footnote: 'old' }]);
  });

  it('edits and removes a footnote without touching the text', () => {
    const runs = [{ text: 'abc', footnote: 'old' }, { text: 'def' }];
    expect(setFootnote(runs, 0, ' mới ')).toEqual([{ text: 'abc', footnote: 'mới' }, { text: 'def' }]);
    expect(setFootnote(runs, 0, null)).toEqual([{ text: 'abc' }, { text: 'def' }]);
    expect(setFootnote(runs, 0, '')).toEqual([{ text: 'abc' }, { text: 'def' }]);
  });

  it('bold on other words never moves or drops a footnote (alike runs are joined only after the mark)', () => {
    const runs = [{ text: 'abc', footnote: 'n1' }, { text: 'def' }];
    // Bold then un-bold "de": the runs come back alike, but "abc" keeps its mark after "c".
    const bold = toggleEmphasis(runs, 1, 0, 2, 'bold', (r) => Boolean(r.bold)).runs;
    const back = toggleEmphasis(bold, footnoteRuns(bold).length ? 1 : 0, 0, 2, 'bold', (r) => Boolean(r.bold)).runs;
    expect(back.map((r) => r.text).join('')).toBe('abcdef');
    expect(back[0]).toEqual({ text: 'abc', footnote: 'n1' });
    // Joining a plain run onto a noted one keeps the note at the end of the joined words.
    expect(normaliseRuns([{ text: 'ab' }, { text: 'cd', footnote: 'n2' }])).toEqual([{ text: 'abcd', footnote: 'n2' }]);
    expect(normaliseRuns([{ text: 'ab', footnote: 'n1' }, { text: 'cd' }])).toEqual([{ text: 'ab', footnote: 'n1' }, { text: 'cd' }]);
  });
});
