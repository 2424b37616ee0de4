import { workspaceRoot } from '@nx/devkit';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const RULE = '@nx/enforce-module-boundaries';

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/**
 * Lints `code` as if it were the file at `path` (relative to the workspace root), with the
 * workspace's own ESLint CLI and config: the same check `nx lint` runs. A child process, because
 * the flat config is an ES module that jest's VM cannot import.
 */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const eslint = join(workspaceRoot, 'node_modules/.bin/eslint');
  const run = spawnSync(eslint, ['--stdin', '--stdin-filename', path, '--format', 'json'], {
    cwd: workspaceRoot,
    input: code,
    encoding: 'utf8',
  });
  if (!run.stdout) throw new Error(`eslint failed: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as { messages: LintMessage[] }[];
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('module boundaries (nx lint)', () => {
  it('given an app importing another app, then lint fails', async () => {
    const errors = await boundaryErrors(
      'apps/token/src/boundary-probe.ts',
      "import { bootstrap } from '../../registration/src/main';\nexport const probe = bootstrap;\n",
    );

    expect(errors).toEqual([
      expect.stringContaining('cannot be imported by a relative or absolute path'),
    ]);
  });

  it('given contracts importing a framework, then lint fails', async () => {
    const errors = await boundaryErrors(
      'libs/contracts/src/boundary-probe.ts',
      "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n",
    );

    expect(errors).toEqual([expect.stringContaining('@nestjs/common')]);
  });

  it('given contracts importing an infrastructure lib, then lint fails', async () => {
    const errors = await boundaryErrors(
      'libs/contracts/src/boundary-probe.ts',
      "import { connectMongo } from '@extapps/mongo';\nexport const probe = connectMongo;\n",
    );

    expect(errors).toEqual([expect.stringContaining('"type:contracts" can only depend on')]);
  });

  it('given production code of a lib importing the test harness, then lint fails', async () => {
    const errors = await boundaryErrors(
      'libs/mongo/src/boundary-probe.ts',
      "import * as infra from '@extapps/infra';\nexport const probe = infra;\n",
    );

    expect(errors).toEqual([expect.stringContaining('"type:infra" can only depend on')]);
  });

  it('given an app importing libs, then lint passes', async () => {
    const errors = await boundaryErrors(
      'apps/token/src/boundary-probe.ts',
      "import { Topics } from '@extapps/contracts';\nimport { connectMongo } from '@extapps/mongo';\nexport const probe = [Topics, connectMongo];\n",
    );

    expect(errors).toEqual([]);
  });

  it('given a test file of a lib importing the test harness, then lint passes', async () => {
    const errors = await boundaryErrors(
      'libs/mongo/src/boundary-probe.int-spec.ts',
      "import * as infra from '@extapps/infra';\nexport const probe = infra;\n",
    );

    expect(errors).toEqual([]);
  });
});
