/** The command line (runCli in-process, plus one run as a real child process). */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { resolveStorePath, STORE_FILE } from '../../electron/core/paths';
import { UserError } from '../../electron/core/errors';
import { openStore } from '../../electron/core/store/open';
import { listPlans } from '../../electron/core/store/plans';
import { removeTempDirs, tempDir } from './helpers';

const run = promisify(execFile);
/** The repository root, whatever folder the tests are started from. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let dir: string;
let db: string;
let lines: string[];
// In English (--lang en): these tests keep the English wording; the Vietnamese default is tested in cli-lang.test.ts.
const cli = (...argv: string[]) => runCli([...argv, '--db', db, '--lang', 'en'], (line) => lines.push(line));

beforeEach(() => {
  dir = tempDir();
  db = join(dir, 'store.sqlite');
  lines = [];
});
afterEach(removeTempDirs);

async function importSample(): Promise<{ sample: string; id: string }> {
  const sample = join(dir, 's.json');
  await cli('sample', sample);
  lines = [];
  await cli('import', sample);
  return { sample, id: lines.at(-1)! };
}

describe('cli', () => {
  it('sample writes the bundled sample as an exchange file', async () => {
    const out = join(dir, 's.json');
    await cli('sample', out);
    const text = readFileSync(out, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'soan-ke-hoach/plan', version: 2, year: 2024 });
    expect(text).toBe(readFileSync(join(ROOT, 'resources/sample/ke-hoach-cchc-2024-binh-phuoc.json'), 'utf8'));
    expect(lines).toEqual([`Wrote ${out}`]);
  });

  it('import prints the new id alone on its last line; list shows it; export --json gives the same bytes', async () => {
    const { sample, id } = await importSample();
    expect(id).toMatch(/^\d+$/);
    const store = openStore(db);
    try {
      expect(listPlans(store).map((p) => String(p.id))).toEqual([id]);
    } finally {
      store.close();
    }
    lines = [];
    await cli('list');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${id}\\t2024\\t48 rows\\t`));

    const out = join(dir, 't.json');
    await cli('export', id, '--json', out);
    expect(readFileSync(out).equals(readFileSync(sample))).toBe(true);

    // A second import is a second plan.
    lines = [];
    await cli('import', sample);
    expect(Number(lines.at(-1))).toBeGreaterThan(Number(id));
  });

  it('export takes a JSON file as PLAN without touching the store', async () => {
    const sample = join(dir, 's.json');
    await cli('sample', sample);
    const out = join(dir, 'u.json');
    await cli('export', sample, '--json', out);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(sample, 'utf8'));
    expect(existsSync(db)).toBe(false);
  });

  it('reports user mistakes as UserErrors that name the plan, file or command', async () => {
    await expect(cli('export', '999', '--json', join(dir, 'x.json'))).rejects.toThrow(/999/);
    await expect(cli('export', '999', '--json', join(dir, 'x.json'))).rejects.toBeInstanceOf(UserError);
    const missing = join(dir, 'missing.json');
    await expect(cli('import', missing)).rejects.toThrow(new RegExp(`missing\\.json: cannot read the file \\(ENOENT\\)`));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "format": "soan-ke-hoach/plan", ');
    await expect(cli('import', broken)).rejects.toThrow(/broken\.json: not valid JSON/);
    await expect(cli('export', broken, '--json', join(dir, 'y.json'))).rejects.toThrow(/broken\.json/);
    await expect(cli('frobnicate')).rejects.toThrow(/Unknown command "frobnicate"/);
    await expect(cli('frobnicate')).rejects.toBeInstanceOf(UserError);
    await expect(cli('import')).rejects.toBeInstanceOf(UserError);
    await expect(cli('export', '1')).rejects.toThrow(/--json/);
    await expect(cli('export', 'plan.txt', '--json', join(dir, 'z.json'))).rejects.toThrow(/plan\.txt/);
    await expect(runCli(['list', '--db'], () => {})).rejects.toThrow(UserError.coded('cli.needsValue', { option: '--db' }, '--db needs a file name.'));
    await expect(runCli(['list', '--db'], () => {})).rejects.toBeInstanceOf(UserError);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
    // Nothing was imported by the failed calls.
    const store = openStore(db);
    try {
      expect(listPlans(store)).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('resolveStorePath: --db wins over SOAN_KE_HOACH_DB, which wins over the data folder', () => {
    const env = { SOAN_KE_HOACH_DB: join(dir, 'env.sqlite') };
    expect(resolveStorePath(['list'], env, '/data')).toEqual({ path: resolve(dir, 'env.sqlite'), rest: ['list'], legacy: null });
    expect(resolveStorePath(['list', '--db', join(dir, 'arg.sqlite')], env, '/data')).toEqual({ path: resolve(dir, 'arg.sqlite'), rest: ['list'], legacy: null });
    expect(resolveStorePath([`--db=${join(dir, 'eq.sqlite')}`, 'list'], env, '/data').path).toBe(resolve(dir, 'eq.sqlite'));
    expect(resolveStorePath(['list'], {}, '/data').path).toBe(resolve('/data', STORE_FILE));
  });

  it('runCli honours SOAN_KE_HOACH_DB, and --db wins over it', async () => {
    const envDb = join(dir, 'env.sqlite');
    const saved = process.env.SOAN_KE_HOACH_DB;
    process.env.SOAN_KE_HOACH_DB = envDb;
    try {
      await runCli(['list'], () => {});
      expect(existsSync(envDb)).toBe(true);
      const sample = join(dir, 's.json');
      await runCli(['sample', sample], () => {});
      await runCli(['import', sample, '--db', db], () => {});
      const byEnv = openStore(envDb);
      const byArg = openStore(db);
      try {
        expect(listPlans(byEnv)).toHaveLength(0);
        expect(listPlans(byArg)).toHaveLength(1);
      } finally {
        byEnv.close();
        byArg.close();
      }
    } finally {
      if (saved === undefined) delete process.env.SOAN_KE_HOACH_DB;
      else process.env.SOAN_KE_HOACH_DB = saved;
    }
  });

  it('as a real process: a bad call exits non-zero with the message on stderr, in Vietnamese by default', async () => {
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const error = await run(tsx, ['electron/cli/main.ts', 'export', '4242', '--json', join(dir, 'o.json'), '--db', db], { cwd: ROOT }).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(error).not.toBeNull();
    expect(error!.code).toBe(1);
    expect(error!.stderr).toMatch(/^Lỗi: Không tìm thấy kế hoạch \(mã 4242\)\.$/m);
    expect(error!.stdout).toBe('');
    expect(existsSync(join(dir, 'o.json'))).toBe(false);
  });
});
