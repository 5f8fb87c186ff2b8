/**
 * Connection schedules. Airbyte takes Quartz cron expressions (6 or 7 fields, optionally followed by a
 * time zone id), rejects others with 400, and answers the expression with its time zone appended (` UTC`
 * when none was given: the drift terraform-provider-airbyte issue #73 shows).
 */
import { problem, type SandboxReply } from './sandbox-reply.js';
import { isRecord, type JsonRecord } from './secrets.js';

const CRON_FIELD = /^[0-9A-Za-z*?/,#-]+$/;
const TIME_ZONE = /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/;
const YEAR = /^[0-9*/,-]+$/;

const invalidCron = (expression: string, why: string): SandboxReply =>
  problem(
    400,
    `The body of the request contains an invalid connection configuration. The cron expression ${expression} is not valid. Error: ${why}`,
  );

const normalizeCron = (expression: string): string | SandboxReply => {
  const tokens = expression.trim().split(/\s+/);
  const last = tokens[tokens.length - 1] ?? '';
  const hasZone = tokens.length >= 7 && TIME_ZONE.test(last) && !YEAR.test(last);
  const fields = hasZone ? tokens.slice(0, -1) : tokens;
  if (fields.length < 6 || fields.length > 7) {
    return invalidCron(
      expression,
      `Unexpected end of expression (Quartz needs 6 or 7 fields, got ${fields.length}).`,
    );
  }
  const bad = fields.find((field) => !CRON_FIELD.test(field));
  if (bad !== undefined)
    return invalidCron(expression, `Invalid chars in expression! Invalid chars: ${bad}.`);
  return `${fields.join(' ')} ${hasZone ? last : 'UTC'}`;
};

/** The schedule to store, from an AirbyteApiConnectionSchedule request field. */
export const readSchedule = (raw: unknown): JsonRecord | SandboxReply => {
  if (!isRecord(raw)) return problem(400, 'schedule must be an object with a scheduleType');
  const type = raw['scheduleType'];
  if (type === 'manual') return { scheduleType: 'manual' };
  if (type !== 'cron')
    return problem(400, `scheduleType must be one of manual, cron; got ${JSON.stringify(type)}`);
  const expression = raw['cronExpression'];
  if (typeof expression !== 'string' || expression.trim() === '') {
    return problem(400, 'A cron schedule needs a cronExpression');
  }
  const normalized = normalizeCron(expression);
  return typeof normalized === 'string' ? { scheduleType: 'cron', cronExpression: normalized } : normalized;
};
