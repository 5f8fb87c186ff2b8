/**
 * What can go wrong when talking to Airbyte, as the gateway reports it. The Airbyte adapter maps every
 * HTTP status, timeout and decode failure into exactly one of these at its boundary.
 */
export type AirbyteError =
  | { readonly _tag: 'AirbyteNotFound'; readonly detail: string }
  | { readonly _tag: 'AirbyteConflict'; readonly detail: string }
  | { readonly _tag: 'AirbyteRejected'; readonly status: number; readonly detail: string }
  | { readonly _tag: 'AirbyteUnauthorized'; readonly status: number; readonly detail: string }
  | { readonly _tag: 'AirbyteUnavailable'; readonly detail: string }
  | { readonly _tag: 'AirbyteBadResponse'; readonly detail: string };

export const airbyteNotFound = (detail: string): AirbyteError => ({ _tag: 'AirbyteNotFound', detail });
export const airbyteConflict = (detail: string): AirbyteError => ({ _tag: 'AirbyteConflict', detail });
export const airbyteRejected = (status: number, detail: string): AirbyteError => ({
  _tag: 'AirbyteRejected',
  status,
  detail,
});
export const airbyteUnauthorized = (status: number, detail: string): AirbyteError => ({
  _tag: 'AirbyteUnauthorized',
  status,
  detail,
});
export const airbyteUnavailable = (detail: string): AirbyteError => ({ _tag: 'AirbyteUnavailable', detail });
export const airbyteBadResponse = (detail: string): AirbyteError => ({ _tag: 'AirbyteBadResponse', detail });

/** Whether sending the same request again later may succeed. */
export const isTransient = (e: AirbyteError): boolean =>
  e._tag === 'AirbyteUnavailable' || e._tag === 'AirbyteBadResponse';
