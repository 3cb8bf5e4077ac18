/**
 * Find and replace across the package (see electron/core/search): a query and its hits, as the API carries them.
 */
export interface FindQuery {
  text: string;
  /** Match "cải cách" when "cai cach" is typed, and any case. Default true. */
  loose?: boolean;
  /** Only whole words. Default false. */
  wholeWord?: boolean;
}

export interface FindHit {
  /** Stable within one search: the place and the match's offset. */
  id: string;
  /** The place in the exchange file's path syntax. */
  path: string;
  /** Where, for people: "Phụ lục, dòng 12 (Thời gian hoàn thành)". */
  where: string;
  /** Some context before the match, the match, and some after. */
  before: string;
  match: string;
  after: string;
}
