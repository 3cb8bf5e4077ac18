/**
 * Characters XML 1.0 cannot hold, and text that is not well-formed Unicode.
 *
 * A DOCX or XLSX is XML: U+FFFE, U+FFFF, the C0 controls other than tab, CR and LF, and lone surrogates make the
 * file not well-formed (Excel then offers to "repair" it). They can reach a plan by a paste or an import, so the
 * Word and Excel exports drop them (`xmlSafeText`). Imports replace what cannot be Unicode text — invalid UTF-8
 * bytes, lone surrogates — with U+FFFD and say how many they replaced (`wellFormedText`), rather than alter it silently.
 */

/** Not allowed in XML 1.0: C0 controls but tab/LF/CR, lone surrogates, U+FFFE and U+FFFF. */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML cannot hold. */
export function xmlSafeText(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

/** Every string inside `value` (objects and arrays, copied) made XML-safe; numbers, booleans and null kept. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafeText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => xmlSafeDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = xmlSafeDeep(v);
    return out as T;
  }
  return value;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with each lone surrogate replaced by U+FFFD, and how many there were. */
export function wellFormedText(text: string): { text: string; replaced: number } {
  let replaced = 0;
  const clean = text.replace(LONE_SURROGATE, () => {
    replaced++;
    return '\uFFFD';
  });
  return { text: clean, replaced };
}
