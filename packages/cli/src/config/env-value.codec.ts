/**
 * io-ts codecs for single environment variables: each decodes the variable's text and, when it is wrong,
 * says what was expected in words a person setting up a deployment understands.
 */
import * as t from 'io-ts';

const shown = (u: unknown): string => (typeof u === 'string' ? JSON.stringify(u) : String(u));

const fromString = <A>(
  name: string,
  expected: string,
  parse: (text: string) => A | undefined,
): t.Type<A, string, unknown> =>
  new t.Type<A, string, unknown>(
    name,
    (u): u is A => parse(String(u)) !== undefined,
    (u, c) => {
      const parsed = typeof u === 'string' ? parse(u.trim()) : undefined;
      return parsed === undefined
        ? t.failure(u, c, `must be ${expected}, got ${shown(u)}`)
        : t.success(parsed);
    },
    String,
  );

export const integerFromEnv = (min: number, max: number = Number.MAX_SAFE_INTEGER): t.Type<number, string> =>
  fromString(`Integer[${min},${max}]`, `an integer from ${min} to ${max}`, (text) => {
    if (!/^-?\d+$/.test(text)) return undefined;
    const n = Number(text);
    return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
  });

export const httpUrlFromEnv: t.Type<string, string> = fromString(
  'HttpUrl',
  'an http:// or https:// URL',
  (text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'http:' || url.protocol === 'https:' ? text.replace(/\/+$/, '') : undefined;
    } catch {
      return undefined;
    }
  },
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uuidFromEnv: t.Type<string, string> = fromString('Uuid', 'a UUID', (text) =>
  UUID.test(text) ? text : undefined,
);

export const oneOfFromEnv = <const K extends string>(values: ReadonlyArray<K>): t.Type<K, string> =>
  fromString(values.join(' | '), `one of ${values.join(', ')}`, (text) =>
    (values as ReadonlyArray<string>).includes(text) ? (text as K) : undefined,
  );

export const textFromEnv: t.Type<string, string> = fromString('Text', 'some text', (text) =>
  text === '' ? undefined : text,
);

/** A secret given as a key: short keys are guessable, so fewer than 16 characters are refused. */
export const keyFromEnv: t.Type<string, string> = fromString('Key', 'at least 16 characters', (text) =>
  text.length >= 16 ? text : undefined,
);
