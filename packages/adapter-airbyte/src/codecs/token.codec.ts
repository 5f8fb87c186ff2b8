/** `POST /applications/token` answer (PublicAccessTokenResponse). */
import * as t from 'io-ts';

export const TokenResponse = t.intersection([
  t.type({ access_token: t.string }),
  // the spec requires both, but older self-managed versions answer with access_token only
  t.partial({ token_type: t.string, expires_in: t.number }),
]);
export type TokenResponse = t.TypeOf<typeof TokenResponse>;
