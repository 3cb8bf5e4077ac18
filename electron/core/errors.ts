import { hasMessage, translate, withProblemLines, type MessageLang } from './model/messages';

/** Values filled into a coded error's translation (`{{file}}`, `{{id}}` …). */
export type ErrorParams = Record<string, string | number>;

/**
 * A problem the user can fix (a bad file, a field, an unknown id). Its message is shown as is:
 * it names the file, field or row. Anything else that is thrown is a bug.
 *
 * A coded error (`UserError.coded`) also carries a `code` such as `plan.notFound` and its `params`: the UI and the
 * command line show the catalogue's text of the code (`errors.<code>` in electron/core/model/messages) in their
 * language (`errorText`); the English message is for logs.
 */
export class UserError extends Error {
  /** Stable id of the kind of problem, for the UI's translation; absent on uncoded errors. */
  code?: string;
  /** Values the translation fills in. */
  params?: ErrorParams;

  constructor(
    message: string,
    /** Machine-readable list of problems, for import reports: `appendix.groups[2].rows[4].lead: …`. */
    readonly problems: string[] = [],
    coded?: { code: string; params?: ErrorParams },
  ) {
    super(message);
    this.name = 'UserError';
    if (coded) {
      this.code = coded.code;
      this.params = coded.params ?? {};
    }
  }

  /** A UserError the UI can translate: `code` keys `errors.<code>`; `message` (English) is the fallback. */
  static coded(code: string, params: ErrorParams, message: string, problems: string[] = []): UserError {
    return new UserError(message, problems, { code, params });
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

/**
 * What a person reads for `e` in `lang`: the catalogue's `errors.<code>` with the error's values, else its
 * message. Problems the error lists (a bad exchange file's fields) are in the translation's `{{problems}}`.
 */
export function errorText(e: UserError, lang: MessageLang = 'vi'): string {
  if (e.code && hasMessage(`errors.${e.code}`, lang)) {
    const values = withProblemLines(e.params ?? {}, (key, v) => translate(key, v, lang));
    return translate(`errors.${e.code}`, values, lang);
  }
  return e.message;
}

/**
 * `e` with its message set to the catalogue's Vietnamese text: for a refusal whose message was always Vietnamese
 * and whose details are themselves coded (`whyKey`), so the log says what the person read.
 */
export function withCatalogueMessage(e: UserError): UserError {
  e.message = errorText(e, 'vi');
  return e;
}

/** A year outside MIN_PLAN_YEAR..MAX_PLAN_YEAR (model/year.ts). */
export function badYearError(year: unknown): UserError {
  return UserError.coded('plan.badYear', { year: String(year) }, `${String(year)} is not a plan year (1945 to 2200).`);
}

/** More appendix rows than one plan may hold (model/limits.ts): `count` is how many there would be. */
export function tooManyRowsError(count: number, max: number): UserError {
  return UserError.coded(
    'appendix.tooManyRows',
    { count, max },
    `The appendix would have ${count} rows; a plan holds at most ${max}. Split it into several plans; nothing was changed.`,
  );
}

/** A key every JavaScript object already has (`constructor`, `toString` …) may not name a column, a cell or an agency (model/keys.ts). */
export function reservedKeyError(key: string, where = ''): UserError {
  return UserError.coded(
    'key.reserved',
    { key, where },
    `${where ? `${where}: ` : ''}"${key}" cannot be a key: every object already has a "${key}". Choose another (for example "${key}-1").`,
  );
}
