/**
 * One page of a list answer. `next`/`previous` are ignored on purpose: they may name a host we must not
 * call (Airbyte behind a proxy builds them from its internal address); we page with limit/offset ourselves.
 */
import * as t from 'io-ts';

export const PageCodec = <C extends t.Mixed>(item: C) => t.type({ data: t.array(item) }, 'Page');
export type Page<A> = { readonly data: ReadonlyArray<A> };
