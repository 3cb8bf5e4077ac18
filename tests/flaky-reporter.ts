/**
 * A vitest reporter that writes every test that passed only after a retry (vitest's `flaky` diagnostic) to
 * `test-results/vitest-flaky.json`, as `["tests/core/x.test.ts › suite › name", …]`. `npm test` (run-all.ts)
 * counts each of them as a failure and names it: a test that needs a retry to pass is a bug in the test or the code.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

/** Where run-all.ts reads the list; relative to the repository root. */
export const VITEST_FLAKY_FILE = join('test-results', 'vitest-flaky.json');

export default class FlakyReporter implements Reporter {
  private readonly flaky: string[] = [];
  private root = process.cwd();

  onInit(ctx: { config: { root: string } }): void {
    this.root = ctx.config.root;
  }

  onTestCaseResult(testCase: TestCase): void {
    const d = testCase.diagnostic();
    if (d?.flaky || (testCase.result().state === 'passed' && (d?.retryCount ?? 0) > 0)) {
      this.flaky.push(`${relative(this.root, testCase.module.moduleId)} › ${testCase.fullName}`);
    }
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>): void {
    const file = join(this.root, VITEST_FLAKY_FILE);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(this.flaky, null, 1) + '\n');
  }
}
