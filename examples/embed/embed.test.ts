import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// The example is compiled against the packages' public entry points only (as an embedder's code is) and
// run as a program: it can never rot unnoticed.
const here = fileURLToPath(new URL('.', import.meta.url));

describe('examples/embed', function () {
  this.timeout(180_000);

  it('compiles against the public API, validates and provisions, and a second provision changes nothing', () => {
    execFileSync(
      process.execPath,
      [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-b', here],
      {
        stdio: 'pipe',
      },
    );
    // the compiled program, without the test's loader: plain Node, as an embedder runs it
    const output = execFileSync(process.execPath, [`${here}dist/embed.js`], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(output.trim().split('\n')).to.deep.equal([
      'first provision: Deployed Airbyte connection "healthcare.vaccinations.0.File-to-Snowflake" (connection-3) from source "healthcare.vaccinations.0.File" to destination "healthcare.vaccinations.0.Snowflake"',
      'second provision: Airbyte connection "healthcare.vaccinations.0.File-to-Snowflake" (connection-3) is up to date; nothing changed',
    ]);
  });
});
