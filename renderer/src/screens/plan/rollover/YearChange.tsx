/**
 * Before and after of one rollover change, with the changed part marked: the characters that differ,
 * widened to the whole number or word they sit in ("2024" → "2025", not "4" → "5").
 */
function changedSpan(a: string, b: string): [number, number, number] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const word = /[\p{L}\p{N}]/u;
  while (start > 0 && word.test(a[start - 1])) start--;
  while (endA < a.length && word.test(a[endA]) && endB < b.length && word.test(b[endB])) {
    endA++;
    endB++;
  }
  return [start, endA, endB];
}

export function YearChange({ before, after, side }: { before: string; after: string; side: 'before' | 'after' }) {
  if (before === after) return <span>{side === 'before' ? before : after}</span>;
  const [start, endA, endB] = changedSpan(before, after);
  const text = side === 'before' ? before : after;
  const end = side === 'before' ? endA : endB;
  const Mark = side === 'before' ? 'del' : 'ins';
  return (
    <span className="word-diff">
      {text.slice(0, start)}
      <Mark className="year-mark">{text.slice(start, end)}</Mark>
      {text.slice(end)}
    </span>
  );
}
