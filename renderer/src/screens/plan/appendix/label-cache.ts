/**
 * Screen texts of the grid's rows, remembered per language. Rows ask for the same labels each time they
 * scroll into view, and i18next's lookup and interpolation were most of a row's mount time (about 2 ms of a
 * 3 ms scroll step at 2,000 rows). A label naming a row's `number` differs from row to row, so it is looked up
 * once with a marker in the number's place and the number is put in here: a row seen for the first time costs
 * no lookup either. Labels with a `count` (plural forms) are looked up per count.
 */

/** The translate function the cache wraps: i18next's `t` (interpolation without escaping). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const MARK = '\u0001';
/** Past this many remembered labels the cache starts again (collapsed rows' counts and the like). */
const MAX_LABELS = 20_000;

/**
 * A cached `t`: same key and values, same text as `t` gives. Make a new one when `t` changes (another
 * language); values must be plain strings and numbers.
 */
export function labelCache(t: Translate): Translate {
  const texts = new Map<string, string>();
  return (key, values) => {
    const byNumber = values !== undefined && 'number' in values && !('count' in values);
    const asked = byNumber ? { ...values, number: MARK } : values;
    const id = asked ? `${key}${MARK}${JSON.stringify(asked)}` : key;
    let out = texts.get(id);
    if (out === undefined) {
      out = asked ? t(key, asked) : t(key);
      if (texts.size >= MAX_LABELS) texts.clear();
      texts.set(id, out);
    }
    return byNumber ? out.replaceAll(MARK, String(values.number)) : out;
  };
}
