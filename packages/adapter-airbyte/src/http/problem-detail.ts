/**
 * What Airbyte said went wrong, from whatever body it sent. Errors are usually problem+json (RFC 9457) with
 * `detail` or `title`, older ones carry `message`, and since Airbyte 2.0 some carry only an `errorId`; a
 * proxy in front of Airbyte may send HTML or nothing. No shape is assumed.
 */
const MAX_DETAIL = 500;

const stringField = (body: Record<string, unknown>, key: string): string | undefined => {
  const value = body[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

const truncate = (text: string): string =>
  text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;

export const problemDetail = (text: string): string | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    // not JSON: only a short plain-text answer is worth showing, never a whole HTML page
    return trimmed.startsWith('<') ? undefined : truncate(trimmed.replace(/\s+/g, ' '));
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const body = parsed as Record<string, unknown>;
  const message = stringField(body, 'detail') ?? stringField(body, 'title') ?? stringField(body, 'message');
  const errorId = stringField(body, 'errorId');
  const parts = [message, errorId === undefined ? undefined : `errorId ${errorId}`].filter(
    (part): part is string => part !== undefined,
  );
  return parts.length === 0 ? undefined : truncate(parts.join('; '));
};
