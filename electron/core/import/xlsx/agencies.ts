import type { Agency, Mention } from '../../model/types';
import type { ImportNote } from '../../model/import-report';
import { slug } from '../../model/text';
import { mentionKey, type RoundtripData } from '../../export/xlsx/roundtrip-data';
import { mentionsText } from '../../model/text';
import { cleanAgencyName, splitAgencies, splitContext, type AgencySplit, type SplitContext } from '../../model/agency-split';

/** A cell whose agencies were cut by a guess (", ", " và ", a shared prefix): for the import report. */
export interface GuessedSplit {
  columnKey: string;
  /** The cell's text as the file printed it. */
  printed: string;
  /** The agencies it was read as. */
  names: string[];
  /** The file's row, when the reader knows it. */
  row?: number;
}

/**
 * Builds Mentions and the agency directory from agency cells, cut by the one agency splitter
 * (model/agency-split.ts: at new lines and ";", and at ", "/" và " before what starts like an agency, never
 * inside a known name). Two spellings of a name that differ only in spaces (no-break, doubled) or in how
 * the marks are encoded (NFD) are one entry. Capitals are kept apart ("Truyền thông" / "Truyền Thông"): one
 * entry would change the printed text of one of them; the checker names such pairs for the drafter. Cells of a workbook this program wrote are split exactly as the plan had them
 * (see roundtrip-data.ts).
 */
export class AgencyDirectory {
  private readonly byName = new Map<string, string>();
  private readonly byKey = new Map<string, string>();
  private readonly roundtripNames: Map<string, string>;
  private readonly context: SplitContext;
  private readonly splits = new Map<string, AgencySplit>();
  /** Cells cut by a guess, in reading order. */
  readonly guessed: GuessedSplit[] = [];

  constructor(
    private readonly roundtrip: RoundtripData | null,
    /** Names known to be one agency each (the plan's directory when rows are merged into a plan). */
    knownNames: Iterable<string> = [],
  ) {
    this.roundtripNames = new Map((roundtrip?.agencies ?? []).map((a) => [a.key, a.name]));
    this.context = splitContext([...knownNames, ...this.roundtripNames.values()]);
  }

  /** Agencies in order of first use. */
  agencies(): Agency[] {
    return [...this.byKey].map(([key, name]) => ({ key, name }));
  }

  /** The mentions an agency cell's text makes; `row` (the file's) is kept with a guessed cut for the report. */
  mentions(columnKey: string, text: string, row?: number): Mention[] {
    if (!text) return [];
    const exact = this.roundtrip?.mentions.get(mentionKey(columnKey, text));
    if (exact && exact.every((m) => this.roundtripNames.has(m.agency)) && mentionsText(exact, this.roundtripNames) === text) {
      for (const m of exact) this.keep(m.agency, this.roundtripNames.get(m.agency)!);
      return exact.map((m) => ({ ...m }));
    }
    // Departments repeat the same cell text many times: split each text once.
    let split = this.splits.get(text);
    if (!split) {
      split = splitAgencies(text, this.context);
      this.splits.set(text, split);
    }
    if (split.guessed) this.guessed.push({ columnKey, printed: split.printed, names: split.parts.map((p) => p.name), row });
    return split.parts.map((part, i) => ({ agency: this.keyFor(part.name, i > 0), after: part.after }));
  }

  private keep(key: string, name: string): void {
    if (!this.byKey.has(key)) {
      this.byKey.set(key, name);
      this.byName.set(cleanAgencyName(name), key);
    }
  }

  private keyFor(written: string, insideList: boolean): string {
    // Inside a list a collective name is written `các …`; the directory holds it as `Các …`
    // (mentionsText writes it back in lower case there), so both spellings are one agency.
    const name = insideList && /^các\s/.test(written) ? 'C' + written.slice(1) : written;
    const known = this.byName.get(cleanAgencyName(name)) ?? this.roundtripKey(name);
    if (known) {
      this.keep(known, this.byKey.get(known) ?? this.roundtripNames.get(known) ?? name);
      return known;
    }
    const base = slug(name);
    let key = base;
    for (let n = 2; this.byKey.has(key) || (this.roundtripNames.has(key) && this.roundtripNames.get(key) !== name); n++) {
      key = `${base}-${n}`;
    }
    this.keep(key, name);
    return key;
  }

  private roundtripKey(name: string): string | undefined {
    const k = cleanAgencyName(name);
    for (const [key, n] of this.roundtripNames) if (cleanAgencyName(n) === k) return key;
    return undefined;
  }
}

/** Report notes for the cells whose agencies were cut by a guess. */
export function agencySplitNotes(guessed: readonly GuessedSplit[], captions: ReadonlyMap<string, string>): ImportNote[] {
  return guessed.map((g) => ({
    kind: 'guessed' as const,
    code: 'agencySplit' as const,
    params: { column: captions.get(g.columnKey) ?? g.columnKey, printed: g.printed, names: g.names.join(' | ') },
    row: g.row,
  }));
}
