/**
 * The merge desk's state: every file read, and for each proposal whether it is still pending, taken or
 * left, with the drafter's edits to its cells. Kept in the section (not the store): until taken, a
 * proposal is only a suggestion.
 */
import type { MergeFile } from '../../../../../electron/core/api/contract';
import type { Agency, AppendixGroup, ColumnDef } from '../../../../../electron/core/model/types';
import type { AgencyChoice } from '../../../../../electron/core/model/merge';
import { choiceKey, readAgencyCell, takenText, type AgencyReading } from '../../../../../electron/core/model/merge-take';
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
  /** The file's columns the plan has no column for (captions), and where the drafter put each: a column key, or null (left out). */
  unplacedColumns: string[];
  columnChoices: Record<string, string | null>;
  /** How the drafter settled each agency spelling of the file (by choiceKey), for every row of it. */
  agencyChoices: Record<string, AgencyChoice>;
}

export function deskFile(file: MergeFile, key: string): DeskFile {
  return {
    key,
    otherYear: file.otherYear,
    fileName: file.fileName,
    department: file.department,
    warnings: file.warnings,
    proposals: file.proposals.map((p, i) => ({ key: `${key}:${i}`, proposal: p, state: 'pending', cells: { ...p.cells } })),
    unplacedColumns: file.unplacedColumns,
    columnChoices: {},
    agencyChoices: {},
  };
}

/** The cells a take sends: the file's own (as edited), and the text of each unplaced column the drafter put somewhere. */
export function takeCells(file: Pick<DeskFile, 'columnChoices'>, item: DeskProposal): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [caption, text] of Object.entries(item.proposal.unplaced ?? {})) {
    const key = file.columnChoices[caption];
    if (key) placed[key] = placed[key] ? `${placed[key]}\n${text}` : text;
  }
  return { ...placed, ...item.cells };
}

/** One cell of a card as the take will store it: the text, and for an agency cell how each agency was read. */
export interface CardCell {
  key: string;
  caption: string;
  /** The text the plan will print in the cell after the take (an agency not yet settled: its spelling). */
  stored: string;
  readings?: AgencyReading[];
}

/** Every cell a take of `item` writes, in the plan's column order. */
export function cardCells(file: Pick<DeskFile, 'columnChoices' | 'agencyChoices'>, item: DeskProposal, columns: readonly ColumnDef[], directory: readonly Agency[]): CardCell[] {
  const cells = takeCells(file, item);
  return columns
    .filter((c) => Object.prototype.hasOwnProperty.call(cells, c.key))
    .map((c) => {
      if (c.kind !== 'agencies') return { key: c.key, caption: c.caption, stored: cells[c.key] };
      const readings = readAgencyCell(cells[c.key], directory, file.agencyChoices);
      return { key: c.key, caption: c.caption, stored: takenText(readings), readings };
    });
}

/** What still keeps `item` from being taken: agency spellings to settle, unplaced columns (with text here) to decide. */
export function blockers(file: Pick<DeskFile, 'columnChoices' | 'agencyChoices'>, item: DeskProposal, columns: readonly ColumnDef[], directory: readonly Agency[]): { agencies: string[]; columns: string[] } {
  const agencies = new Set<string>();
  for (const cell of cardCells(file, item, columns, directory)) for (const r of cell.readings ?? []) if (!r.taken) agencies.add(choiceKey(r.spelling));
  const undecided = Object.keys(item.proposal.unplaced ?? {}).filter((caption) => !Object.prototype.hasOwnProperty.call(file.columnChoices, caption));
  return { agencies: [...agencies], columns: undecided };
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
