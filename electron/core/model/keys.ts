/**
 * Keys a plan uses as property names (column keys in rows' cells, agency keys, field names) must never be names
 * every JavaScript object already has (`constructor`, `toString`, `__proto__` …): `row.cells['constructor']` would
 * find Object's constructor function on a row that has no such cell, and exports, versions, duplicate and rollover
 * would then fail on it. Such keys are refused where keys come in (the exchange schema, the API validator, the
 * store's edits), key generators add a suffix instead (`slug`), and lookups use own properties only.
 */

/** Every name Object.prototype carries: `constructor`, `__proto__`, `toString`, `valueOf`, `hasOwnProperty` … */
export const RESERVED_KEYS: readonly string[] = Object.getOwnPropertyNames(Object.prototype).sort();

/** Whether `key` is a name every object already has (and so may not be a key of a plan). */
export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.includes(key);
}

/** A key from a generator that must not be reserved: `constructor` → `constructor-1`. */
export function unreservedKey(key: string): string {
  return isReservedKey(key) ? `${key}-1` : key;
}

/** The value an object holds itself under `key`, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
