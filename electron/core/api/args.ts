/**
 * The building blocks of the API's argument schemas (valibot), and the one translation of a failed check into
 * the one coded error `api.badArgument`. methods.ts composes these into each method's argument list.
 *
 * Every schema here carries an *expectation code* as its valibot message ('id', 'text', 'list' …): the failed
 * check's first issue becomes `api.badArgument` with the argument's path (`setCell#4[0].after`) and that code,
 * which the catalogue turns into plain words (`errors.api.expected.<code>`). Two checks keep their own coded
 * errors: a reserved key (`key.reserved`, model/keys.ts) and a year outside the plan years (`plan.badYear`).
 *
 * Security: objects of a fixed shape refuse unknown fields (strictObject checks its entries by own property, so
 * `constructor` and `__proto__` are unknown too); open records (cells by column key) refuse reserved keys
 * before valibot's record (which would skip `__proto__` silently) sees them; text and lists have size limits.
 */
import * as v from 'valibot';
import { UserError, badYearError, reservedKeyError } from '../errors';
import { IMPORT_BASE64_MAX_CHARS, IMPORT_TEXT_MAX_CHARS } from '../files/input-guard';
import { isReservedKey } from '../model/keys';
import { isPlanYear } from '../model/year';
import { BODY_KINDS, COLUMN_KINDS, COLUMN_ROLES, type CellValue, type ColumnDef, type Mention, type RichText, type Run } from '../model/types';
import type { FindQuery } from '../model/find-replace';
import type { AgencyChoice, TakeTarget } from '../model/merge';
import type { BodyNodeInput, CompareSide, FixOp, IssueInput, ListItem, NewPeriod, PeriodPatch } from './shapes';
import { REPORT_FIELDS, REPORT_LISTS, STATUS_FIELDS, TASK_STATUSES, type StatusPatch, type TrackingFilter, type UploadedFile } from '../model/tracking';

/** What an argument should have been, as a code the catalogue words (`errors.api.expected.<code>`). */
export const EXPECTATIONS = {
  id: 'expected an id',
  wholeNumber: 'expected a whole number',
  number: 'expected a number',
  text: 'expected text',
  trueFalse: 'expected true or false',
  list: 'expected a list',
  object: 'expected an object',
  cells: 'expected cells',
  oneOf: 'expected one of {{options}}',
  unknownField: 'unknown field',
  missing: 'missing',
  fileId: 'expected the id of an exported file',
  base64: 'expected file bytes (base64)',
  fileText: 'expected the file text (at most 60 MB)',
  value: 'expected a value',
  argumentList: 'expected a list of arguments',
  atMostArguments: 'takes at most {{max}} arguments',
  planEdit: 'expected an edit of a plan',
} as const;
export type Expectation = keyof typeof EXPECTATIONS;

/** The one coded error of a bad argument: `path` names it (`renamePlan#2`, `addColumn#3.width`). */
export function badArgumentError(path: string, expected: Expectation, extra: Record<string, string | number> = {}): UserError {
  const words = EXPECTATIONS[expected].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(extra[name] ?? ''));
  return UserError.coded('api.badArgument', { path, expected, ...extra }, `Invalid argument ${path}: ${words}.`);
}

/** A schema of one argument (or part of one): what it accepts is its TypeScript type. */
export type Arg<T = unknown> = v.GenericSchema<T>;

const isExpectation = (message: string): message is Expectation => Object.prototype.hasOwnProperty.call(EXPECTATIONS, message);

/** `base` + the issue's path: `.field` for object keys, `[3]` for list items. */
function pathOf(base: string, issue: v.BaseIssue<unknown>): string {
  let path = base;
  for (const item of issue.path ?? []) path += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`;
  return path;
}

/** The first issue of a failed check as the error the user sees. */
export function issueError(base: string, issue: v.BaseIssue<unknown>): UserError {
  // A value none of a union's options took (text or a list of runs): when one option got further into the
  // value than the others (a list whose item is wrong), that option's problem is the one to name.
  if (issue.type === 'union' && issue.issues?.length) {
    const deepest = issue.issues.reduce((a, b) => ((b.path?.length ?? 0) > (a.path?.length ?? 0) ? b : a));
    if (deepest.path?.length) return issueError(base, { ...deepest, path: [...(issue.path ?? []), ...deepest.path] });
  }
  const path = pathOf(base, issue);
  if (issue.message === 'reservedKey') return reservedKeyError(String(issue.input), path);
  if (issue.message === 'year') return badYearError(issue.input);
  if (issue.type === 'strict_object' && issue.expected === 'never') return badArgumentError(path, 'unknownField');
  if (issue.type === 'strict_object' && issue.input === undefined && issue.path?.length) return badArgumentError(path, 'missing');
  // A choice, or the `kind` of a variant (takeProposal's target): name the values it may take.
  if (issue.message === 'oneOf' || (issue.type === 'variant' && issue.path?.length)) {
    return badArgumentError(path, 'oneOf', { options: (issue.expected ?? '').replace(/^\((.*)\)$/, '$1').replace(/ \| /g, ', ') });
  }
  return badArgumentError(path, isExpectation(issue.message) ? issue.message : 'value');
}

/** Checks `value` against `schema`; throws the first problem as a coded UserError naming `path`. */
export function checkArg(schema: Arg, value: unknown, path: string): void {
  const result = v.safeParse(schema, value, { abortEarly: true, abortPipeEarly: true });
  if (!result.success) throw issueError(path, result.issues[0]);
}

/** Longest text one argument may carry (a paragraph, a cell, a name). */
export const MAX_TEXT = 2_000_000;
/** An exchange file travels as one string; the exchange reader refuses anything over the import limit with a clear message. */
export const MAX_FILE_TEXT = IMPORT_TEXT_MAX_CHARS;
/** A .docx/.xlsx of up to the import limit (files/input-guard.ts), in base64. */
export const MAX_BASE64 = IMPORT_BASE64_MAX_CHARS;

/** A store id: a whole number from 1. */
export const id: Arg<number> = v.pipe(v.number('id'), v.safeInteger('id'), v.minValue(1, 'id'));
/** A 0-based position among siblings. */
export const int: Arg<number> = v.pipe(v.number('wholeNumber'), v.safeInteger('wholeNumber'));
export const number: Arg<number> = v.pipe(v.number('number'), v.finite('number'));
export const text: Arg<string> = v.pipe(v.string('text'), v.maxLength(MAX_TEXT, 'text'));
export const bool: Arg<boolean> = v.boolean('trueFalse');
/** A plan year: the one rule of model/year.ts, refused with the coded `plan.badYear` naming the year. */
export const year: Arg<number> = v.pipe(int, v.check((y: number) => isPlanYear(y), 'year'));
/** The id of an exported file (a UUID main made); only main knows which path it stands for. */
export const fileId: Arg<string> = v.pipe(v.string('fileId'), v.regex(/^[0-9a-f-]{36}$/, 'fileId'));
export const base64: Arg<string> = v.pipe(v.string('base64'), v.maxLength(MAX_BASE64, 'base64'), v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'));
/** An exchange file's whole text. */
export const fileText: Arg<string> = v.pipe(v.string('fileText'), v.maxLength(MAX_FILE_TEXT, 'fileText'));
/** A column, field or agency key: never a name every object already has (`constructor`, `__proto__` …). */
export const key: Arg<string> = v.pipe(text, v.check((k) => !isReservedKey(k), 'reservedKey'));

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T): Arg<T[number]> => v.picklist(values, 'oneOf');
export const optional = <T>(schema: Arg<T>): Arg<T | undefined> => v.optional(schema);
export const nullable = <T>(schema: Arg<T>): Arg<T | null> => v.nullable(schema);
export const listOf = <T>(item: Arg<T>, max = 10_000): Arg<T[]> => v.pipe(v.array(item, 'list'), v.maxLength(max, 'list'));
/** An object of exactly these fields (unknown ones refused); `v.optional` entries may be left out. */
export const shape = <E extends v.ObjectEntries>(entries: E) => v.strictObject(entries, 'object');

/**
 * An object of any keys whose values pass `value` (cells by column key): each key is a `key` (reserved names
 * refused with their own message), checked on the object's own keys before valibot's record sees them.
 */
export function record<T>(value: Arg<T>, expected: Expectation = 'cells'): Arg<Record<string, T>> {
  return v.pipe(
    v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), expected),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const input = dataset.value as Record<string, unknown>;
      for (const k of Object.keys(input)) {
        const issues = v.safeParse(key, k).issues;
        if (issues) {
          addIssue({ message: issues[0].message, input: k, path: [{ type: 'object', origin: 'key', input, key: k, value: input[k] }] });
          return;
        }
      }
    }),
    v.record(v.string(), value, expected),
  ) as unknown as Arg<Record<string, T>>;
}

/** An argument the definition takes as it is (its own method checks it further: editPlan, applyFix). */
export const anything: Arg<unknown> = v.unknown();

// The shapes of the model, each tied to its TypeScript type by the `Arg<…>` annotation: a schema that drifts
// from the type it checks fails to compile.
// v2: a run may carry the text of its footnote (body paragraphs, articles).
export const run: Arg<Run> = shape({ text, bold: optional(bool), italic: optional(bool), footnote: optional(text) });
export const richText: Arg<RichText> = listOf(run, 5000);
export const listItem: Arg<ListItem> = v.union([text, richText], 'text');
export const mention: Arg<Mention> = shape({ agency: text, after: text });
export const cellValue: Arg<CellValue> = v.union([text, listOf(mention, 200)], 'text');
export const cells: Arg<Record<string, CellValue>> = record(cellValue);
export const bodyNode: Arg<BodyNodeInput> = shape({ kind: oneOf(BODY_KINDS), heading: bool, text: richText });
export const bodyPatch: Arg<Partial<BodyNodeInput>> = shape({ kind: optional(oneOf(BODY_KINDS)), heading: optional(bool), text: optional(richText) });
export const column: Arg<ColumnDef> = shape({
  key,
  caption: text,
  kind: oneOf(COLUMN_KINDS),
  role: nullable(oneOf(COLUMN_ROLES)),
  width: number,
  hidden: bool,
});
export const columnPatch: Arg<Partial<Pick<ColumnDef, 'caption' | 'width' | 'hidden' | 'role'>>> = shape({
  caption: optional(text),
  width: optional(number),
  hidden: optional(bool),
  role: optional(nullable(oneOf(COLUMN_ROLES))),
});
export const findQuery: Arg<FindQuery> = shape({ text, loose: optional(bool), wholeWord: optional(bool) });
export const takeTarget: Arg<TakeTarget> = v.variant('kind', [
  shape({ kind: v.literal('new', 'oneOf'), groupId: id, index: int, parentId: optional(id) }),
  shape({ kind: v.literal('replace', 'oneOf'), rowId: id }),
], 'object');
/** How the drafter settled a department's spelling of an agency: a directory entry, or a new entry to add. */
export const agencyChoice: Arg<AgencyChoice> = v.union([shape({ agency: text }), shape({ add: text })], 'object');
/** A side of a comparison: a plan, as it is now (versionId null) or as one of its versions. */
export const compareSide: Arg<CompareSide> = shape({ planId: id, versionId: nullable(id) });
/** A fix's op: its own arguments are checked again, as the call they are, when it runs (service.ts). */
export const fixOp: Arg<FixOp> = shape({
  method: text,
  args: listOf(v.union([v.string(), v.number(), v.null(), v.looseObject({}), v.array(v.unknown())], 'value'), 20),
});

// #23, the year after the signature.
/** A file given with its name (a return workbook, a signed PDF), its bytes in base64. */
export const uploadedFile: Arg<UploadedFile> = shape({ name: text, base64 });
export const issueInput: Arg<IssueInput> = shape({ number: text, date: text, symbol: optional(text), pdf: optional(uploadedFile) });
export const periodPatch: Arg<PeriodPatch> = shape({ label: optional(text), from: optional(text), cutoff: optional(text), due: optional(text), returnsDue: optional(text) });
export const newPeriod: Arg<NewPeriod> = shape({ year, label: text, from: text, cutoff: text, due: text, returnsDue: optional(text) });
export const unitPatch: Arg<{ name?: string; agencies?: string[] }> = shape({ name: optional(text), agencies: optional(listOf(key, 500)) });
export const taskStatus = oneOf(TASK_STATUSES);
/** A percentage, 0..100, or null (none). */
export const progress: Arg<number | null> = nullable(v.pipe(int, v.minValue(0, 'wholeNumber'), v.maxValue(100, 'wholeNumber')));
export const statusPatch: Arg<StatusPatch> = shape({
  status: optional(taskStatus),
  progress: optional(progress),
  result: optional(text),
  evidence: optional(text),
  difficulties: optional(text),
  note: optional(text),
});
export const statusFields = listOf(oneOf(STATUS_FIELDS), STATUS_FIELDS.length);
export const trackingFilter: Arg<TrackingFilter> = shape({
  agency: optional(key),
  groupId: optional(id),
  status: optional(oneOf([...TASK_STATUSES, 'unreported'])),
  overdue: optional(bool),
});
/** Where a proposed task goes: new at `index` in a group (under `parentId`, a row of that group). */
export const newRowTarget: Arg<Extract<TakeTarget, { kind: 'new' }>> = shape({ kind: v.literal('new', 'oneOf'), groupId: id, index: int, parentId: optional(id) });
export const reportField = oneOf(REPORT_FIELDS);
export const reportList = oneOf(REPORT_LISTS);
