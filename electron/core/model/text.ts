import type { Agency, CellValue, Mention, RichText } from './types';
import { unreservedKey } from './keys';
import { wellFormedText } from './xml-text';

/** Text is stored and exported in precomposed Unicode (NFC), whatever the input method sent. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Every string of a parsed document (at any depth of arrays and plain objects) in NFC, with lone surrogates
 * replaced by U+FFFD; returns a copy and leaves `value` as it was. Input methods and macOS write NFD, Word keeps
 * what it was sent. `repairs.replaced`, when given, is increased by the number of characters replaced, so the
 * import can say how many places it changed (model/xml-text.ts). Keys are kept as written.
 */
export function deepNfc<T>(value: T, repairs?: { replaced: number }): T {
  if (typeof value === 'string') {
    const { text, replaced } = wellFormedText(value);
    if (repairs) repairs.replaced += replaced;
    return text.normalize('NFC') as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => deepNfc(v, repairs)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty, not `out[k] =`: a parsed "__proto__" key stays a key and never becomes the copy's prototype.
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: deepNfc(v, repairs), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}

export function plainText(rich: RichText): string {
  return rich.map((r) => r.text).join('');
}

/**
 * The text of an agency cell as printed. A collective name that starts with "Các" ("Các sở, ban, ngành tỉnh")
 * is written "các" inside a list, as Vietnamese grammar wants, so the directory holds one entry for both.
 */
export function mentionsText(mentions: readonly Mention[], agencies: ReadonlyMap<string, string> | readonly Agency[]): string {
  const names = agencies instanceof Map ? agencies : new Map((agencies as readonly Agency[]).map((a) => [a.key, a.name]));
  return mentions
    .map((m, i) => {
      const name = names.get(m.agency) ?? m.agency;
      return (i > 0 ? lowerCollectivePrefix(name) : name) + m.after;
    })
    .join('');
}

export function lowerCollectivePrefix(name: string): string {
  return /^Các\s/.test(name) ? 'c' + name.slice(1) : name;
}

/** A cell's printed text, whatever its kind. */
export function cellText(value: CellValue | undefined, agencies: ReadonlyMap<string, string> | readonly Agency[]): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : mentionsText(value, agencies);
}

/** Folds Vietnamese text for search: `cải cách` and `cai cach` both become `cai cach`. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * An ASCII key for an agency name or a file name: `Sở Nội vụ` → `so-noi-vu`. At most 80 characters, so a
 * long collective name ("Các sở, ban, ngành tỉnh; UBND các huyện, …") still makes a key the exchange schema
 * accepts (100), with room for a "-N" suffix.
 */
export function slug(text: string): string {
  // "Constructor" must not give `constructor`, a name every object already has (model/keys.ts).
  return unreservedKey(foldForSearch(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 80).replace(/-+$/, '') || 'x');
}
