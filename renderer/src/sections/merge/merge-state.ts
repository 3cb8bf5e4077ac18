/**
 * The merge desk's state: every file read, and for each proposal whether it is still pending, taken or
 * left, with the drafter's edits to its cells. Kept in the section (not the store): until taken, a
 * proposal is only a suggestion.
 */
import type { MergeFile } from '../../../../electron/core/api/contract';
import type { AppendixGroup } from '../../../../electron/core/model/types';
import { foldForSearch } from '../../../../electron/core/model/text';

export type Proposal = MergeFile['proposals'][number];
export type ProposalState = 'pending' | 'taken' | 'left';

export interface DeskProposal {
  key: string;
  proposal: Proposal;
  state: ProposalState;
  /** Cells to take, by the plan's column keys; starts as the file's and follows the drafter's edits. */
  cells: Record<string, string>;
}

export interface DeskFile {
  key: string;
  fileName: string;
  department: string;
  warnings: string[];
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
