import type { Agency, Mention } from '../../model/types';
import { slug } from '../../model/text';
import { mentionKey, type RoundtripData } from '../roundtrip-data';
import { mentionsText } from '../../model/text';

/**
 * Builds Mentions and the agency directory from agency cells. A cell is split only where the text plainly
 * says so, at `; `: `Sở Nội vụ và các sở, ban, ngành` stays one name, because splitting at `và` or `,`
 * would cut `Sở Kế hoạch và Đầu tư` and `Các sở, ban, ngành tỉnh` apart. Cells of a workbook this program
 * wrote are split exactly as the plan had them (see roundtrip-data.ts).
 */
export class AgencyDirectory {
  private readonly byName = new Map<string, string>();
  private readonly byKey = new Map<string, string>();
  private readonly roundtripNames: Map<string, string>;

  constructor(private readonly roundtrip: RoundtripData | null) {
    this.roundtripNames = new Map((roundtrip?.agencies ?? []).map((a) => [a.key, a.name]));
  }

  /** Agencies in order of first use. */
  agencies(): Agency[] {
    return [...this.byKey].map(([key, name]) => ({ key, name }));
  }

  mentions(columnKey: string, text: string): Mention[] {
    if (!text) return [];
    const exact = this.roundtrip?.mentions.get(mentionKey(columnKey, text));
    if (exact && exact.every((m) => this.roundtripNames.has(m.agency)) && mentionsText(exact, this.roundtripNames) === text) {
      for (const m of exact) this.keep(m.agency, this.roundtripNames.get(m.agency)!);
      return exact.map((m) => ({ ...m }));
    }
    const parts = text.split('; ');
    return parts.map((part, i) => ({
      agency: this.keyFor(part, i > 0),
      after: i < parts.length - 1 ? '; ' : '',
    }));
  }

  private keep(key: string, name: string): void {
    if (!this.byKey.has(key)) {
      this.byKey.set(key, name);
      this.byName.set(name, key);
    }
  }

  private keyFor(written: string, insideList: boolean): string {
    // Inside a list a collective name is written `các …`; the directory holds it as `Các …`
    // (mentionsText writes it back in lower case there), so both spellings are one agency.
    const name = insideList && /^các\s/.test(written) ? 'C' + written.slice(1) : written;
    const known = this.byName.get(name) ?? this.roundtripKey(name);
    if (known) {
      this.keep(known, name);
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
    for (const [key, n] of this.roundtripNames) if (n === name) return key;
    return undefined;
  }
}
