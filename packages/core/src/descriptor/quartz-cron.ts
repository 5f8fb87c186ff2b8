/**
 * The shape of a Quartz cron expression, the dialect Airbyte schedules take: seconds minutes hours
 * day-of-month month day-of-week [year]. Checked here so a typo is reported with the field it is in, instead
 * of coming back from Airbyte as a rejected connection after the source and destination were written.
 */
import { problem, type Problem } from '../errors/problem.js';

interface CronField {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Upper-case names standing for min, min + 1, ... (JAN = 1, SUN = 1). */
  readonly names?: ReadonlyArray<string>;
  /** Forms of this field besides numbers, names, ranges, lists and steps. */
  readonly special?: RegExp;
  readonly allowed: string;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const FIELDS: ReadonlyArray<CronField> = [
  { label: 'seconds', min: 0, max: 59, allowed: '0-59 with , - * /' },
  { label: 'minutes', min: 0, max: 59, allowed: '0-59 with , - * /' },
  { label: 'hours', min: 0, max: 23, allowed: '0-23 with , - * /' },
  {
    label: 'day-of-month',
    min: 1,
    max: 31,
    // L (last day), L-3 (third to last), LW (last weekday), 15W (weekday nearest the 15th)
    special: /^(L(-([1-9]|[12]\d|30))?|LW|([1-9]|[12]\d|3[01])W)$/,
    allowed: '1-31 with , - * ? / L W',
  },
  { label: 'month', min: 1, max: 12, names: MONTHS, allowed: '1-12 or JAN-DEC with , - * /' },
  {
    label: 'day-of-week',
    min: 1,
    max: 7,
    names: DAYS,
    // L (Saturday), 6L (last Friday of the month), 6#3 (third Friday of the month)
    special: /^(L|([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)L|([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)#[1-5])$/,
    allowed: '1-7 or SUN-SAT with , - * ? / L #',
  },
  { label: 'year', min: 1970, max: 2099, allowed: '1970-2099 with , - * /' },
];

const valueOf = (text: string, field: CronField): number | undefined => {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= field.min && n <= field.max ? n : undefined;
  }
  const index = field.names?.indexOf(text) ?? -1;
  return index < 0 ? undefined : field.min + index;
};

const validItem = (item: string, field: CronField, dayField: boolean, alone: boolean): boolean => {
  // Quartz takes L, W and # only as the whole field, never inside a list
  if (field.special?.test(item) === true) return alone;
  const [base = '', step, ...extra] = item.split('/');
  if (extra.length > 0) return false;
  if (step !== undefined && !(/^\d+$/.test(step) && Number(step) >= 1 && Number(step) <= field.max)) {
    return false;
  }
  if (base === '*' || (dayField && base === '?' && step === undefined)) return true;
  const [from = '', to, ...more] = base.split('-');
  if (more.length > 0 || valueOf(from, field) === undefined) return false;
  return to === undefined || valueOf(to, field) !== undefined;
};

const validField = (text: string, field: CronField, dayField: boolean): boolean => {
  const items = text.split(',');
  return items.every((item) => validItem(item.toUpperCase(), field, dayField, items.length === 1));
};

/**
 * The fields of an expression and the time zone after them, if any. Airbyte reads a schedule back with
 * " UTC" appended, so a descriptor copied from Airbyte may carry it. UTC is never a cron field, and a
 * seventh or eighth word that starts with a letter cannot be a year: either is taken as a time zone.
 */
export const cronParts = (expression: string): { fields: ReadonlyArray<string>; timeZone?: string } => {
  const words = expression
    .trim()
    .split(/\s+/)
    .filter((f) => f !== '');
  const last = words[words.length - 1];
  const zone = last !== undefined && (/^utc$/i.test(last) || (words.length >= 7 && /^[A-Za-z]/.test(last)));
  return zone ? { fields: words.slice(0, -1), timeZone: last } : { fields: words };
};

/** The expression as Airbyte should receive it: single spaces, without the UTC it assumes anyway. */
export const normalizedCron = (expression: string): string => cronParts(expression).fields.join(' ');

export const quartzCronProblems = (expression: string, path: string): ReadonlyArray<Problem> => {
  const { fields, timeZone } = cronParts(expression);
  // Airbyte's API takes UTC only when a connection is written (other zones are refused or ignored)
  if (timeZone !== undefined && timeZone.toUpperCase() !== 'UTC') {
    return [
      problem(
        path,
        `ends with the time zone ${timeZone}, but Airbyte's API schedules in UTC only; write the times in UTC and drop the time zone`,
      ),
    ];
  }
  if (fields.length < 6 || fields.length > 7) {
    return [
      problem(
        path,
        `must be a Quartz cron expression of 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), e.g. "0 0 12 * * ?"; got ${fields.length} field(s)`,
      ),
    ];
  }
  const invalid = fields.flatMap((text, i) => {
    const field = FIELDS[i]!;
    return validField(text, field, i === 3 || i === 5)
      ? []
      : [`${field.label} ${JSON.stringify(text)} (allowed: ${field.allowed})`];
  });
  if (invalid.length > 0) return [problem(path, `has invalid cron field(s): ${invalid.join('; ')}`)];
  const [, , , dayOfMonth, , dayOfWeek] = fields;
  // Quartz refuses both a day-of-month and a day-of-week value, and refuses "?" in both as well.
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    return [
      problem(
        path,
        'must have "?" in exactly one of day-of-month and day-of-week (Quartz cron), e.g. "0 0 12 * * ?"',
      ),
    ];
  }
  return tooFrequent(fields, path);
};

/**
 * Airbyte refuses a schedule whose seconds are not one number (every second, every 5 seconds...), and,
 * with a year field, whose minutes are not one number either (airbyte-platform
 * AirbyteCatalogHelper.validateCronConfiguration: `Integer.valueOf` of those fields).
 */
const tooFrequent = (fields: ReadonlyArray<string>, path: string): ReadonlyArray<Problem> => {
  const [seconds = '', minutes = ''] = fields;
  const single = (text: string) => /^\d+$/.test(text);
  if (single(seconds) && (fields.length < 7 || single(minutes))) return [];
  const which = single(seconds) ? `minutes "${minutes}"` : `seconds "${seconds}"`;
  return [
    problem(
      path,
      `runs more often than Airbyte accepts: the ${which} field must be a single number${
        fields.length === 7 ? ' (seconds and minutes, with a year field)' : ''
      }, e.g. "0 0 12 * * ?"`,
    ),
  ];
};
