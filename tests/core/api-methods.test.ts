/**
 * One definition per API method (electron/core/api/methods.ts): the method list, the service, the preload and the
 * HTTP host offer the same set of methods, and every argument of every method is checked, the checks generated
 * from the definitions themselves (a valid call made from each schema, then each argument given a wrong type).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { join } from 'node:path';
import { build } from 'esbuild';
import { API_METHODS, METHODS, PLAN_EDIT_METHODS, type ApiMethod } from '../../electron/core/api/methods';
import { validateCall } from '../../electron/core/api/validate';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { startHost, TOKEN_HEADER, type RunningHost } from '../../electron/core/host/http-host';
import type { SoanApi } from '../../electron/core/api/contract';
import type { Db } from '../../electron/core/store/open';
import { UserError } from '../../electron/core/errors';
import { removeTempDirs, tempDir, tempStore } from './helpers';

const root = join(import.meta.dirname, '..', '..');

/** A schema as valibot builds it: what the generator below reads. */
interface Schema {
  type: string;
  message?: string;
  pipe?: Schema[];
  options?: Schema[] | string[];
  literal?: unknown;
  entries?: Record<string, Schema>;
  wrapped?: Schema;
}

/** A value the schema accepts, made from the schema alone. */
function sample(schema: Schema): unknown {
  const has = (message: string) => (schema.pipe ?? []).some((item) => item.message === message);
  switch (schema.type) {
    case 'number':
      return has('year') ? 2025 : 1;
    case 'string':
      return has('fileId') ? '00000000-0000-4000-8000-000000000000' : 'x';
    case 'boolean':
      return true;
    case 'picklist':
      return (schema.options as string[])[0];
    case 'literal':
      return schema.literal;
    case 'optional':
      return undefined;
    case 'nullable':
      return null;
    case 'strict_object':
      return Object.fromEntries(Object.entries(schema.entries!).filter(([, e]) => e.type !== 'optional').map(([k, e]) => [k, sample(e)]));
    case 'array':
      return [];
    case 'union':
    case 'variant':
      return sample((schema.options as Schema[])[0]);
    case 'custom':
      // editPlan's method name, or an open record of cells.
      return schema.message === 'planEdit' ? 'setCell' : {};
    case 'unknown':
      return null;
  }
  throw new Error(`no sample for a ${schema.type} schema`);
}

/** The schema inside `optional(…)` and `nullable(…)`: what a value given must be. */
const unwrap = (schema: Schema): Schema => (schema.type === 'optional' || schema.type === 'nullable' ? unwrap(schema.wrapped!) : schema);

/** A value of another JSON type than the schema's values (a number for text, text for anything else). */
const wrongFor = (schema: Schema): unknown => (typeof sample(unwrap(schema)) === 'string' ? 42 : 'not-this');

function refusal(method: string, args: unknown[]): UserError {
  try {
    validateCall(method, args);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error(`${method}(${JSON.stringify(args)}) was accepted`);
}

const argsOf = (method: ApiMethod) => METHODS[method].args as unknown as readonly Schema[];
const validCall = (method: ApiMethod) => argsOf(method).map(sample);

describe('every argument of every method is checked (generated from the definitions)', () => {
  it.each(API_METHODS)('%s', (method) => {
    const valid = validCall(method);
    expect(() => validateCall(method, valid), `${method}(${JSON.stringify(valid)})`).not.toThrow();
    argsOf(method).forEach((schema, i) => {
      const wrong = [...valid];
      wrong[i] = wrongFor(schema);
      const e = refusal(method, wrong);
      expect(e.code, `${method}#${i + 1} = ${JSON.stringify(wrong[i])}`).toBe('api.badArgument');
      expect(String(e.params?.path)).toMatch(new RegExp(`^${method}#${i + 1}\\b`));
      if (schema.type !== 'optional') {
        // Left out (and every argument after it).
        expect(refusal(method, valid.slice(0, i)).params?.path, `${method} without #${i + 1}`).toBe(`${method}#${i + 1}`);
      }
      // Each field of an object argument, given a wrong type, is named too.
      const inner = unwrap(schema);
      for (const [field, entry] of Object.entries(inner.type === 'strict_object' ? inner.entries! : {})) {
        const object = { ...(sample(inner) as object), [field]: wrongFor(entry) };
        const withField = [...valid];
        withField[i] = object;
        expect(refusal(method, withField).params?.path, `${method}#${i + 1}.${field}`).toBe(`${method}#${i + 1}.${field}`);
      }
    });
    // One argument too many.
    expect(refusal(method, [...valid, ...new Array(argsOf(method).length - valid.length).fill(undefined), 1]).params).toMatchObject({ expected: 'atMostArguments' });
  });

  it('edits take the plan id first', () => {
    expect(PLAN_EDIT_METHODS.length).toBeGreaterThan(30);
    for (const method of PLAN_EDIT_METHODS) expect(refusal(method, ['1', ...validCall(method).slice(1)]).params?.path).toBe(`${method}#1`);
  });
});

describe('the method list, the service, the preload and the host offer the same methods', () => {
  let db: Db;
  let service: SoanApi;
  let host: RunningHost;

  beforeAll(async () => {
    db = tempStore().db;
    service = createService(db, { info: { version: 'test', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
    host = await startHost({ api: service, staticDir: tempDir() });
  });
  afterAll(async () => {
    await host.close();
    db.close();
    removeTempDirs();
  });

  it('the service implements exactly the listed methods', () => {
    expect(Object.keys(service).sort()).toEqual([...API_METHODS].sort());
    expect(new Set(API_METHODS).size).toBe(API_METHODS.length);
  });

  it('the preload (bundled as the app bundles it) exposes exactly the listed methods, each one invoke', async () => {
    const bundle = await build({ entryPoints: [join(root, 'electron/preload/index.ts')], bundle: true, format: 'cjs', platform: 'node', external: ['electron'], write: false, logLevel: 'silent' });
    const exposed: Record<string, Record<string, unknown>> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => (exposed[key] = value) },
      ipcRenderer: { invoke: async (...args: unknown[]) => (invoked.push(args), { result: null }) },
    };
    const module = { exports: {} };
    runInNewContext(bundle.outputFiles[0].text, { require: () => electron, module, exports: module.exports });
    expect(Object.keys(exposed)).toEqual(['soan']);
    expect(Object.keys(exposed.soan).sort()).toEqual([...API_METHODS].sort());
    await (exposed.soan.setCell as (...a: unknown[]) => Promise<unknown>)(1, 2, 'task', 'x');
    expect(invoked).toEqual([['soan:setCell', 1, 2, 'task', 'x']]);
  });

  it('the host routes every listed method to its check, and nothing else', async () => {
    const post = async (method: string, body: string) => {
      const res = await fetch(`${host.url}api/${method}`, { method: 'POST', headers: { [TOKEN_HEADER]: host.token, 'content-type': 'application/json' }, body });
      return { status: res.status, json: (await res.json()) as { code?: string; params?: Record<string, unknown> } };
    };
    for (const method of API_METHODS) {
      // Not a list of arguments: the method's own check answers (a method the host did not know would be refused as unknown).
      const reply = await post(method, '{"0": 1}');
      expect(reply.status, method).toBe(400);
      expect(reply.json, method).toMatchObject({ code: 'api.badArgument', params: { path: method, expected: 'argumentList' } });
    }
    for (const name of ['dropDatabase', 'constructor', '__proto__', 'toString']) {
      expect((await post(name, '[]')).json, name).toMatchObject({ code: 'api.unknownMethod' });
    }
    // And a listed method, well called, runs.
    expect((await post('listPlans', '[]')).status).toBe(200);
  });
});

describe('the command line', () => {
  it('runs its commands through the service: it wires no store, reader or writer of its own', () => {
    const imports = ts.preProcessFile(readFileSync(join(root, 'electron/cli/main.ts'), 'utf8'), true, true).importedFiles.map((f) => f.fileName);
    expect(imports).toContain('../core/api/service');
    // Opening the store, taking its lock and choosing where the service's tasks run (this thread: jobs/direct) stay
    // the CLI's (it is the shell); plans, edits, files in and out are the service's.
    const wiring = imports.filter((m) => /core\/(store\/(?!open$|lock$)|exchange|xlsx|docx|docx-import|merge|sample|jobs\/(?!direct$)|search|compare)/.test(m));
    expect(wiring).toEqual([]);
  });
});
