/**
 * A problem the user can fix (a bad file, a field, an unknown id). Its message is shown as is:
 * it names the file, field or row. Anything else that is thrown is a bug.
 */
export class UserError extends Error {
  constructor(
    message: string,
    /** Machine-readable list of problems, for import reports: `appendix.groups[2].rows[4].lead: …`. */
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
