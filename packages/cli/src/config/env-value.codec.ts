/**
 * io-ts codecs for single environment variables: each decodes the variable's text and, when it is wrong,
 * says what was expected in words a person setting up a deployment understands. The rejected text is
 * echoed only when it cannot be a secret: a secret is described by its length, a URL without its userinfo.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

/** How a rejected text is shown in the problem. */
type Shown = (text: string) => string;

const quoted: Shown = (text) => JSON.stringify(text);

const byLength: Shown = (text) => `${text.length} character${text.length === 1 ? '' : 's'}`;

const isHttpUrlWithoutUserinfo = (text: string): boolean => {
  try {
    const url = new URL(text);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
};

/**
 * `scheme://user:password@host/...` → `scheme://***@host/...`; an http(s) URL without userinfo as it is.
 * Everything up to the last `@` goes: in a text that is no URL, a password with an unencoded `/` or `#` in
 * it may be what made it unparseable.
 */
export const withoutUserinfo = (text: string): string =>
  isHttpUrlWithoutUserinfo(text) ? text : text.replace(/^([a-z][a-z0-9+.-]*:(?:\/\/)?)?.*@/is, '$1***@');

const fromString = <A>(
  name: string,
  /** Right: the value; Left: what is wrong, as `must ...` without the value. */
  parse: (text: string) => E.Either<string, A>,
  show: Shown = quoted,
): t.Type<A, string, unknown> =>
  new t.Type<A, string, unknown>(
    name,
    (u): u is A => E.isRight(parse(String(u))),
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c, 'must be text');
      const text = u.trim();
      const parsed = parse(text);
      if (E.isRight(parsed)) return t.success(parsed.right);
      // the error carries the shown form, not the text, so no reporter can print a secret from it
      const shown = show(text);
      return t.failure(shown, c, `${parsed.left}, got ${shown}`);
    },
    String,
  );

const expecting =
  <A>(expected: string, parse: (text: string) => A | undefined) =>
  (text: string): E.Either<string, A> => {
    const parsed = parse(text);
    return parsed === undefined ? E.left(`must be ${expected}`) : E.right(parsed);
  };

export const integerFromEnv = (min: number, max: number = Number.MAX_SAFE_INTEGER): t.Type<number, string> =>
  fromString(
    `Integer[${min},${max}]`,
    expecting(`an integer from ${min} to ${max}`, (text) => {
      if (!/^-?\d+$/.test(text)) return undefined;
      const n = Number(text);
      return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
    }),
  );

/**
 * An http(s) URL without userinfo: a `user:password@` in it would be logged and printed wherever the URL
 * is, so it is refused, and `credentialsAdvice` says where the credentials go instead.
 */
export const httpUrlFromEnv = (credentialsAdvice: string): t.Type<string, string> =>
  fromString(
    'HttpUrl',
    (text) => {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        return E.left('must be an http:// or https:// URL');
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return E.left('must be an http:// or https:// URL');
      }
      if (url.username !== '' || url.password !== '') {
        return E.left(`must not contain a user name or password (user:password@): ${credentialsAdvice}`);
      }
      return E.right(text.replace(/\/+$/, ''));
    },
    (text) => quoted(withoutUserinfo(text)),
  );

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uuidFromEnv: t.Type<string, string> = fromString(
  'Uuid',
  expecting('a UUID', (text) => (UUID.test(text) ? text : undefined)),
);

export const oneOfFromEnv = <const K extends string>(values: ReadonlyArray<K>): t.Type<K, string> =>
  fromString(
    values.join(' | '),
    expecting(`one of ${values.join(', ')}`, (text) =>
      (values as ReadonlyArray<string>).includes(text) ? (text as K) : undefined,
    ),
  );

const someText = expecting('some text', (text) => (text === '' ? undefined : text));

export const textFromEnv: t.Type<string, string> = fromString('Text', someText);

/** A password or token: any text, never echoed back. */
export const secretFromEnv: t.Type<string, string> = fromString('Secret', someText, byLength);

/** A secret given as a key: short keys are guessable, so fewer than 16 characters are refused. */
export const keyFromEnv: t.Type<string, string> = fromString(
  'Key',
  expecting('at least 16 characters', (text) => (text.length >= 16 ? text : undefined)),
  byLength,
);

/**
 * A PostgreSQL connection URL (`postgres://` or `postgresql://`). It usually carries a password, so it is
 * never echoed back: a problem shows its length only.
 */
export const postgresUrlFromEnv: t.Type<string, string> = fromString(
  'PostgresUrl',
  (text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'postgres:' || url.protocol === 'postgresql:'
        ? E.right(text)
        : E.left('must be a postgres:// or postgresql:// URL');
    } catch {
      return E.left('must be a postgres:// or postgresql:// URL');
    }
  },
  byLength,
);
