/**
 * Which rows of a plan's appendix have their sub-rows folded away: view state of this window (never stored in
 * the plan), kept per plan in sessionStorage so that it survives leaving the appendix section and coming back
 * (and a reload of the window), and is forgotten when the window closes. Another window has its own.
 */
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';

const PREFIX = 'soan.appendix.folded.';

/** The minimal Storage this needs (sessionStorage in the app; a map in the tests). */
type FoldStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): FoldStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // Storage refused (a locked-down browser): the fold state then lasts only while the section is shown.
    return null;
  }
}

/** The folded row ids kept for plan `planId`; an empty set when none are kept or the kept text is not a list of ids. */
export function readFolded(planId: number, store: FoldStorage | null = storage()): ReadonlySet<number> {
  try {
    const kept: unknown = JSON.parse(store?.getItem(PREFIX + planId) ?? '[]');
    return new Set(Array.isArray(kept) ? kept.filter((id): id is number => Number.isInteger(id)) : []);
  } catch {
    return new Set();
  }
}

/** Keeps the folded row ids of plan `planId` (none: the entry is removed). Never throws (storage full or refused). */
export function writeFolded(planId: number, rows: ReadonlySet<number>, store: FoldStorage | null = storage()): void {
  try {
    if (rows.size === 0) store?.removeItem(PREFIX + planId);
    else store?.setItem(PREFIX + planId, JSON.stringify([...rows]));
  } catch {
    // A view preference that cannot be kept is not worth a message.
  }
}

/** `useState` of the folded rows of plan `planId`, starting from and kept in this window's memory of them. */
export function useFoldedRows(planId: number): [ReadonlySet<number>, Dispatch<SetStateAction<ReadonlySet<number>>>] {
  const [folded, setFolded] = useState<ReadonlySet<number>>(() => readFolded(planId));
  useEffect(() => writeFolded(planId, folded), [planId, folded]);
  return [folded, setFolded];
}
