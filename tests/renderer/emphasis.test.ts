import { describe, expect, it } from 'vitest';
import { normaliseRuns, toggleEmphasis } from '../../renderer/src/screens/plan/body/emphasis';

const plainBold = (r: { bold?: boolean }) => r.bold ?? false;
const headingBold = (r: { bold?: boolean }) => r.bold ?? true;

describe('emphasis on a selection', () => {
  it('bolds the selected words only, splitting the run', () => {
    const { runs, at } = toggleEmphasis([{ text: 'cải cách hành chính năm 2024' }], 0, 9, 19, 'bold', plainBold);
    expect(runs).toEqual([{ text: 'cải cách ' }, { text: 'hành chính', bold: true }, { text: ' năm 2024' }]);
    expect(at).toBe(1);
  });

  it('un-bolding a bold word between plain runs keeps the text whole and the word plain', () => {
    const { runs } = toggleEmphasis([{ text: 'a ' }, { text: 'b', bold: true }, { text: ' c' }], 1, 0, 1, 'bold', plainBold);
    // The middle becomes bold: false, unlike its neighbours' absent flag: three runs stay, none lost.
    expect(runs.map((r) => r.text).join('')).toBe('a b c');
    expect(runs[1]).toEqual({ text: 'b', bold: false });
  });

  it('an empty selection toggles the whole run', () => {
    expect(toggleEmphasis([{ text: 'abc' }], 0, 1, 1, 'italic', () => false).runs).toEqual([{ text: 'abc', italic: true }]);
  });

  it('in a heading, the unselected words keep following the kind', () => {
    const { runs } = toggleEmphasis([{ text: 'MỤC ĐÍCH' }], 0, 0, 3, 'bold', headingBold);
    expect(runs).toEqual([{ text: 'MỤC', bold: false }, { text: ' ĐÍCH' }]);
  });

  it('a selection at the start of a later run is found after the join', () => {
    const { runs, at } = toggleEmphasis([{ text: 'x', bold: true }, { text: 'yz' }], 1, 0, 1, 'bold', plainBold);
    expect(runs).toEqual([{ text: 'xy', bold: true }, { text: 'z' }]);
    expect(at).toBe(0);
  });

  it('normalises: empty runs dropped, alike neighbours joined, one empty run kept', () => {
    expect(normaliseRuns([{ text: '' }, { text: 'a' }, { text: 'b' }])).toEqual([{ text: 'ab' }]);
    expect(normaliseRuns([{ text: '', bold: true }])).toEqual([{ text: '', bold: true }]);
  });
});
