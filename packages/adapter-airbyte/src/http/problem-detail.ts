/**
 * What Airbyte said went wrong, from whatever body it sent. Airbyte's public API writes problems as
 * `application/json` (airbyte-commons-server AbstractThrowableProblemHandler.handle): `type` with a
 * fragment (`…/reference/errors#bad-request`), `title`, a `detail` that is the same generic sentence for
 * every problem of a type, and the specific text in `data.message` (ProblemMessageData; 404s carry
 * `data.resourceType`/`data.resourceId`, unknown values `data.value`). So `data.message` comes first, then
 * `detail`, `title` and an older `message`; Micronaut's own errors (a body it could not bind) list theirs
 * in `_embedded.errors[].message`; since Airbyte 2.0 some carry only an `errorId`; a proxy in front of
 * Airbyte may send HTML or nothing. No shape is assumed.
 *
 * The secrets we sent are scrubbed from the raw text before it is trimmed, its spaces collapsed or it is
 * cut short: a secret cut in two, or with its line breaks collapsed, would no longer be recognised.
 */
import { scrub } from './redact.js';

const MAX_DETAIL = 500;

const stringField = (
  body: Record<string, unknown>,
  key: string,
  secrets: ReadonlyArray<string>,
): string | undefined => {
  const value = body[key];
  if (typeof value !== 'string') return undefined;
  // Airbyte's schema validation messages span lines ("…json schema. \nErrors: …")
  const clean = scrub(value, secrets).trim().replace(/\s+/g, ' ');
  return clean === '' ? undefined : clean;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// ResourceNotFoundProblem carries no message, only what was not found
const resourceOf = (data: Record<string, unknown>, secrets: ReadonlyArray<string>): string | undefined => {
  const id = stringField(data, 'resourceId', secrets);
  if (id === undefined) return undefined;
  const type = stringField(data, 'resourceType', secrets);
  return type === undefined ? `resource ${id}` : `${type} ${id}`;
};

// UnknownValueProblem (an unknown sourceType, say) names the value it did not know
const valueOf = (data: Record<string, unknown>, secrets: ReadonlyArray<string>): string | undefined => {
  const value = stringField(data, 'value', secrets);
  return value === undefined ? undefined : `value ${JSON.stringify(value)}`;
};

const embeddedMessages = (body: Record<string, unknown>, secrets: ReadonlyArray<string>): string[] => {
  const embedded = body['_embedded'];
  const errors = isRecord(embedded) ? embedded['errors'] : undefined;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((error: unknown) => {
    const text = isRecord(error) ? stringField(error, 'message', secrets) : undefined;
    return text === undefined ? [] : [text];
  });
};

const errorIdOf = (body: Record<string, unknown>, secrets: ReadonlyArray<string>): string | undefined => {
  const errorId = stringField(body, 'errorId', secrets);
  return errorId === undefined ? undefined : `errorId ${errorId}`;
};

const truncate = (text: string): string =>
  text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;

export const problemDetail = (text: string, secrets: ReadonlyArray<string> = []): string | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    // not JSON: only a short plain-text answer is worth showing, never a whole HTML page
    return trimmed.startsWith('<') ? undefined : truncate(scrub(text, secrets).trim().replace(/\s+/g, ' '));
  }
  if (!isRecord(parsed)) return undefined;
  const body = parsed;
  const data = isRecord(body['data']) ? body['data'] : {};
  const message =
    stringField(data, 'message', secrets) ??
    stringField(body, 'detail', secrets) ??
    stringField(body, 'title', secrets) ??
    stringField(body, 'message', secrets);
  const parts = [
    message,
    resourceOf(data, secrets),
    valueOf(data, secrets),
    ...embeddedMessages(body, secrets),
    errorIdOf(body, secrets),
  ].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? undefined : truncate(parts.join('; '));
};
