/** The `<file>` argument of a command: a path, or `-` for standard input. */
import { readFile } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import type { CliIo } from '../output/cli-io.js';

export { jsonSyntaxProblem } from '../node/json-syntax.js';

const readAll = async (stream: AsyncIterable<Buffer | string>): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
};

export const readInput = async (file: string, io: CliIo): Promise<E.Either<string, string>> => {
  try {
    return E.right(file === '-' ? await readAll(io.stdin) : await readFile(file, 'utf8'));
  } catch (error) {
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    const why = code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    return E.left(`Cannot read ${file === '-' ? 'standard input' : file}: ${why}`);
  }
};

/** A request file is JSON when it says so by its name, or (on standard input) by its first character. */
export const isJsonInput = (file: string, text: string): boolean =>
  file === '-' ? /^\s*[{[]/.test(text) : /\.json$/i.test(file);
