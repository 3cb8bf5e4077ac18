/**
 * The merge desk's state: every file read, and for each proposal whether it is still pending, taken or
 * left, with the drafter's edits to its cells. Kept in the section (not the store): until taken, a
 * proposal is only a suggestion.
 */
import type { MergeFile } from '../../../../../electron/core/api/contract';
import type { AppendixGroup } from '../../../../../electron/core/model/types';
import { foldForSearch } from '../../../../../electron/core/model/text';
import { allRows } from '../../../../../electron/core/model/rows';
import type { CodedMessage } from '../../../../../electron/core/model/messages';

export type Proposal = MergeFile['proposals'][number];
export type ProposalState = 'pending' | 'taken' | 'left';

export interface DeskProposal {
  key: string;
  proposal: Proposal;
  state: ProposalState;
  /** Cells to take, by the plan's column keys; starts as the file's and follows the drafter's edits. */
  cells: Record<string, string>;
  /** The plan's row it became, once taken (its sub-rows are then taken under it). */
  rowId?: number;
}

export interface DeskFile {
  key: string;
  fileName: string;
  department: string;
  /** The reader's coded warnings (`importWarning.*`), worded by the UI's language. */
  warnings: CodedMessage[];
  proposals: DeskProposal[];
  /** The year the file's table is for, when it is not the plan's. */
  otherYear: number | null;
}

export function deskFile(file: MergeFile, key: string): DeskFile {
  return {
    key,
    otherYear: file.otherYear,
    fileName: file.fileName,
    department: file.department,
    warnings: file.warnings,
    proposals: file.proposals.map((p, i) => ({ key: `${key}:${i}`, proposal: p, state: 'pending', cells: { ...p.cells } })),
  };
}

/** Group titles compared without case, marks or a leading Roman numeral ("II. Cải cách TTHC"). */
function foldTitle(title: string): string {
  return foldForSearch(title.replace(/^\s*[IVXLC]+[.)]\s*/i, '')).trim();
}

/** The group a new row goes to by default: the one titled like the proposal's group, else the last. */
export function defaultGroupId(groups: readonly AppendixGroup[], proposalGroup: string): number | undefined {
  const wanted = foldTitle(proposalGroup);
  const same = groups.find((g) => foldTitle(g.title) === wanted);
  return (same ?? groups[groups.length - 1])?.id;
}

/**
 * Where a new sub-row of the file goes to keep the file's tree: after the last sub-row of the plan's row its parent
 * matches, or of the row its parent became when taken. Null for a top-level row, or while its parent is neither.
 */
export function subRowTarget(
  file: Pick<DeskFile, 'proposals'>,
  item: DeskProposal,
  groups: readonly AppendixGroup[],
): { groupId: number; parentId: number; index: number } | null {
  const parent = item.proposal.parent;
  if (!parent) return null;
  const parentId = parent.rowId ?? file.proposals[parent.proposal]?.rowId;
  if (parentId === undefined) return null;
  const found = allRows(groups).find((v) => v.row.id === parentId);
  const groupId = found ? groups[found.group].id : undefined;
  if (!found || groupId === undefined) return null;
  return { groupId, parentId, index: found.row.children?.length ?? 0 };
}

/**
 * How deep a proposal sits in the file's row tree: 0 for a top-level row, 1 for a sub-row, 2 for a sub-row's
 * sub-row (followed through the parents' proposals; a broken or looping link stops the count).
 */
export function proposalDepth(file: Pick<DeskFile, 'proposals'>, item: DeskProposal): number {
  const seen = new Set<number>();
  let depth = 0;
  for (let link = item.proposal.parent; link && !seen.has(link.proposal); link = file.proposals[link.proposal]?.proposal.parent) {
    seen.add(link.proposal);
    if (!file.proposals[link.proposal]) break;
    depth += 1;
  }
  return depth;
}
