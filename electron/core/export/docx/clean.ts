import { nfc } from '../../model';

/**
 * Characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/FFFF, unpaired surrogates) and the
 * C1 controls that only come from mangled copy-paste: Word refuses a file holding any of the first kind,
 * so they are dropped rather than escaped.
 */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Every string goes through here before it reaches the document: line ends unified to "\n", tabs
 * turned into spaces (a tab would jump to Word's default tab stops and break justified lines),
 * illegal characters dropped, and the rest normalised to precomposed Unicode (NFC) so that
 * letters typed as base + combining marks print with the font's own glyphs.
 */
export function clean(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  return nfc(String(text).replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(ILLEGAL, ''));
}

/** A cleaned string split into its lines ("\n" is how the model marks a line break). */
export function lines(text: string | null | undefined): string[] {
  return clean(text).split('\n');
}
