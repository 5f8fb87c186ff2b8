/**
 * Connection schedules, after airbyte-server publicapi AirbyteCatalogHelper.validateCronConfiguration and
 * normalizeCronExpression, ConnectionCreateMapper and ConnectionReadMapper: a trailing `UTC` is dropped,
 * what is left must parse as a Quartz cron (6 or 7 fields, the 7th a year: any other time zone fails to
 * parse), its seconds must be one number (no every-second or every-n-seconds schedule) and, with a year
 * field, its minutes too. The expression is stored with the time zone `UTC` and read back as
 * `"<expression> UTC"`.
 */
import { badRequest, micronautError, type SandboxReply } from './sandbox-reply.js';
import { isRecord, type JsonRecord } from './secrets.js';

const CRON_FIELD = /^[0-9A-Za-z*?/,#-]+$/;
const YEAR = /^[0-9*/,-]+$/;
const QUARTZ_DOCS =
  'Please check the cron expression format at https://www.quartz-scheduler.org/documentation/quartz-2.3.0/tutorials/crontrigger.html';

const unparseable = (expression: string, why: string): SandboxReply =>
  badRequest(`The cron expression ${expression} is not valid. Error: ${why}. ${QUARTZ_DOCS}`);

const tooFrequent = (expression: string): SandboxReply =>
  badRequest(
    `The cron expression ${expression} is not valid or is less than the one hour minimum. The seconds and minutes values cannot be \`*\`.`,
  );

const normalizeCron = (expression: string): string | SandboxReply => {
  const trimmed = expression.trim();
  const withoutZone = trimmed.endsWith('UTC') ? trimmed.replace('UTC', '').trim() : trimmed;
  const fields = withoutZone.split(/\s+/).filter((field) => field !== '');
  if (fields.length < 6 || fields.length > 7) {
    return unparseable(
      expression,
      `Cron expression contains ${fields.length} parts but we expect one of [6, 7]`,
    );
  }
  const bad = fields.find((field, i) => !(i === 6 ? YEAR : CRON_FIELD).test(field));
  if (bad !== undefined) return unparseable(expression, `Invalid chars in expression! Expression: ${bad}`);
  const [seconds = '', minutes = ''] = fields;
  if (!/^\d+$/.test(seconds) || (fields.length === 7 && !/^\d+$/.test(minutes))) {
    return tooFrequent(expression);
  }
  return fields.join(' ');
};

/** The schedule to store, from an AirbyteApiConnectionSchedule request field. */
export const readSchedule = (raw: unknown): JsonRecord | SandboxReply => {
  if (!isRecord(raw)) return micronautError(400, 'schedule: must be an object with a scheduleType');
  const type = raw['scheduleType'];
  if (type === 'manual') return { scheduleType: 'manual' };
  if (type !== 'cron') return micronautError(400, `scheduleType: unknown value ${JSON.stringify(type)}`);
  const expression = raw['cronExpression'];
  if (expression === undefined || expression === null) {
    return badRequest('Missing cron expression in the schedule.');
  }
  if (typeof expression !== 'string') return micronautError(400, 'cronExpression: must be a string');
  const normalized = normalizeCron(expression);
  return typeof normalized === 'string'
    ? { scheduleType: 'cron', cronExpression: `${normalized} UTC` }
    : normalized;
};
