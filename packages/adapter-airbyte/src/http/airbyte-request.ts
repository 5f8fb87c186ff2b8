/** One request to Airbyte's public API, described independently of how it is sent. */
import type { AirbyteError } from '@airbyte-provisioner/core';
import * as t from 'io-ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AirbyteRequest<A> {
  readonly method: HttpMethod;
  /** Path template from the spec, e.g. `/sources/{sourceId}`: reported to metrics as is. */
  readonly template: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: ReadonlyArray<readonly [string, string]>;
  readonly body?: unknown;
  readonly codec: t.Decoder<unknown, A>;
  /** Values to scrub from error details, in case Airbyte echoes what we sent. */
  readonly secrets?: ReadonlyArray<string>;
  readonly timeoutMs?: number;
  /** Called just before the request leaves (after waiting for a permit and a token). */
  readonly onSend?: () => void;
}

/** For answers whose body is ignored (204 on delete). */
export const NoContent: t.Decoder<unknown, void> = new t.Type<void, void, unknown>(
  'NoContent',
  (u): u is void => u === undefined,
  () => t.success(undefined),
  () => undefined,
);

/** What one HTTP exchange gave: a decoded value, or an error and whether trying again may help. */
export type Attempt<A> =
  | { readonly _tag: 'Ok'; readonly value: A }
  | {
      readonly _tag: 'Failed';
      readonly error: AirbyteError;
      readonly status?: number;
      readonly retryable: boolean;
      readonly retryAfterMs?: number;
    };

export const ok = <A>(value: A): Attempt<A> => ({ _tag: 'Ok', value });

/** The concrete path, ids filled in (ids are not secret; they help whoever reads the error). */
export const concretePath = (template: string, params: Readonly<Record<string, string>> = {}): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));

export const describeRequest = <A>(request: AirbyteRequest<A>): string =>
  `${request.method} ${concretePath(request.template, request.params)}`;

/** Calls that can be repeated with the same effect. PATCH of a connection only sets fields to values. */
export const isIdempotent = (method: HttpMethod): boolean => method !== 'POST';
