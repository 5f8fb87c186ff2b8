/**
 * Each entry point of the package (the library's `exports` and the command's `main.ts`) imports
 * reflect-metadata before anything else: inversify reads metadata as soon as it is loaded, so an embedder
 * who imports the library first must not depend on having loaded the polyfill themselves.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

/** The first statement that is not a comment, a blank line or a shebang. */
const firstStatement = (source: string): string | undefined =>
  source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('//') && !line.startsWith('#!'));

describe('entry points', () => {
  it('every entry point imports reflect-metadata first', async () => {
    const manifest = JSON.parse(await readFile(`${packageDir}package.json`, 'utf8')) as {
      exports: Record<string, { source: string }>;
    };
    const entries = [...Object.values(manifest.exports).map((e) => e.source), './src/main.ts'];
    expect(entries).to.include('./src/index.ts');
    for (const entry of entries) {
      const source = await readFile(`${packageDir}${entry}`, 'utf8');
      expect(firstStatement(source), entry).to.equal("import 'reflect-metadata';");
    }
  });
});
