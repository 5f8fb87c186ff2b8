import { expect } from 'chai';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

// The dependency rules must actually fire: lint a would-be core/adapter file and read the verdict. (Here,
// not in core's tests: it reads the lint configuration from disk, and a test of core touches no file.)
const configPath = new URL('../../../eslint.config.js', import.meta.url).href;

const lint = async (filePath: string, code: string): Promise<string[]> => {
  const { hexagonRules } = (await import(configPath)) as { hexagonRules: Linter.Config[] };
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [{ languageOptions: { parser: tseslint.parser } }, ...hexagonRules],
  });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.startsWith('no-restricted-') === true)
    .map((m) => m.message);
};

describe('the hexagon dependency rules', function () {
  this.timeout(60_000);

  it('reject an I/O module, a framework and a workspace package in core', async () => {
    const messages = await lint(
      'packages/core/src/leak.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import Koa from 'koa';",
        "import { x } from '@airbyte-provisioner/adapter-http';",
        'export const y = [readFileSync, Koa, x];',
      ].join('\n'),
    );
    expect(messages).to.have.length(3);
    expect(messages.join(' '))
      .to.match(/core does no I\/O/)
      .and.match(/no framework/)
      .and.match(/no other workspace/);
  });

  it('accept fp-ts, io-ts and yaml in core', async () => {
    const messages = await lint(
      'packages/core/src/fine.ts',
      "import * as t from 'io-ts';\nimport { pipe } from 'fp-ts/lib/function.js';\nimport { parse } from 'yaml';\nexport const z = [t, pipe, parse];",
    );
    expect(messages).to.deep.equal([]);
  });

  it('reject an adapter importing another adapter', async () => {
    const http = await lint(
      'packages/adapter-http/src/leak.ts',
      "import { x } from '@airbyte-provisioner/adapter-airbyte';\nexport const y = x;",
    );
    const airbyte = await lint(
      'packages/adapter-airbyte/src/leak.ts',
      "import { x } from '@airbyte-provisioner/adapter-http';\nexport const y = x;",
    );
    expect(http).to.have.length(1);
    expect(airbyte).to.have.length(1);
  });

  it('reject what an import rule alone misses in core: a path into another package, a module loaded at run time, any Node built-in, I/O, clock and randomness globals, also through globalThis', async () => {
    const leaks = [
      "import { x } from '../../../adapter-http/src/index.js';",
      "import { y } from '../../cli/src/main.js';",
      "import { createRequire } from 'module';",
      "import { StringDecoder } from 'string_decoder';",
      "export const a = await import('node:fs');",
      "export const b = require('fs');",
      "export const c = fetch('http://example.com');",
      'export const d = setTimeout(() => undefined, 1);',
      'export const e = Date.now();',
      'export const f = Math.random();',
      'export const g = process.env;',
      'export const h = crypto.randomUUID();',
      'export const i = new Date();',
      "console.log('x');",
      'export const j = globalThis.fetch;',
      'export const k = globalThis.process.env;',
    ];
    for (const code of leaks) {
      const messages = await lint('packages/core/src/leak.ts', code);
      expect(messages, code).to.have.length.greaterThan(0);
    }
    // its own relative imports, and Date as a value formatter, stay allowed
    expect(
      await lint(
        'packages/core/src/use-cases/fine.ts',
        "import { x } from '../domain/operation-result.js';\nexport const y = [x, new Date(0).toISOString()];",
      ),
    ).to.deep.equal([]);
  });

  it('reject an adapter reaching into another adapter by a relative path', async () => {
    const messages = await lint(
      'packages/adapter-http/src/leak.ts',
      "import { x } from '../../adapter-airbyte/src/index.js';\nexport const y = x;",
    );
    expect(messages).to.have.length(1);
  });

  it("reject an import running back up core's layers, and accept one pointing down", async () => {
    const upward = [
      ['packages/core/src/ports/leak.port.ts', "import type { X } from '../use-cases/use-case.types.js';"],
      ['packages/core/src/domain/leak.ts', "import type { X } from '../ports/clock.port.js';"],
      ['packages/core/src/planner/leak.ts', "import type { X } from '../use-cases/core-deps.js';"],
      ['packages/core/src/planner/leak.ts', "import type { X } from '../descriptor/safe-yaml.js';"],
      ['packages/core/src/in-memory/leak.ts', "import type { X } from '../use-cases/core-deps.js';"],
      ['packages/core/src/use-cases/leak.ts', "import type { X } from '../testing/index.js';"],
      ['packages/core/src/descriptor/leak.ts', "import type { X } from '../index.js';"],
    ];
    for (const [file, code] of upward) {
      const messages = await lint(file!, `${code}\nexport type Y = X;`);
      expect(messages, `${file}: ${code}`).to.have.length(1);
      expect(messages[0], code).to.match(/imports in core point down its layers/);
    }
    expect(
      await lint(
        'packages/core/src/ports/fine.port.ts',
        "import type { X } from '../domain/task-view.js';\nexport type Y = X;",
      ),
    ).to.deep.equal([]);
  });
});
