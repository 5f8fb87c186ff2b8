/**
 * What Airbyte said went wrong, from whatever body it sent. Errors are usually problem+json (RFC 9457) with
 * `detail` or `title`, older ones carry `message`, and since Airbyte 2.0 some carry only an `errorId`; a
 * proxy in front of Airbyte may send HTML or nothing. No shape is assumed.
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
  const clean = scrub(value, secrets).trim();
  return clean === '' ? undefined : clean;
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
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const body = parsed as Record<string, unknown>;
  const message =
    stringField(body, 'detail', secrets) ??
    stringField(body, 'title', secrets) ??
    stringField(body, 'message', secrets);
  const errorId = stringField(body, 'errorId', secrets);
  const parts = [message, errorId === undefined ? undefined : `errorId ${errorId}`].filter(
    (part): part is string => part !== undefined,
  );
  return parts.length === 0 ? undefined : truncate(parts.join('; '));
};
