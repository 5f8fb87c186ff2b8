/**
 * The plan as a person reviews it, in the spirit of `terraform plan`: one line per resource with its
 * action, then what a create sets, `old → new` for each value an update changes, the streams that are
 * added, removed or changed, and why a replace cannot be an update. Secrets are named, never shown (the
 * plan's data holds none). Colour only on a terminal.
 */
import type { PlannedChange, PlannedValue, StreamChange, ValueChange } from '@airbyte-provisioner/core';

export interface PlanStyle {
  readonly colour: boolean;
}

const SGR = { red: 31, green: 32, yellow: 33, dim: 2 } as const;
type Tint = keyof typeof SGR;

const painter =
  (style: PlanStyle) =>
  (tint: Tint, text: string): string =>
    style.colour ? `\u001b[${SGR[tint]}m${text}\u001b[0m` : text;

type Action = PlannedChange['action'];

const MARK: Readonly<Record<Action, string>> = {
  create: '+',
  update: '~',
  replace: '-/+',
  delete: '-',
  noop: '',
};

const TINT: Readonly<Record<Action, Tint>> = {
  create: 'green',
  update: 'yellow',
  replace: 'red',
  delete: 'red',
  noop: 'dim',
};

const INDENT = '      ';
const UNSET = '(unset)';

const show = (value: unknown): string => (value === undefined ? UNSET : JSON.stringify(value));

const valueLine = (v: PlannedValue): string => `${v.path}: ${'secret' in v ? '(secret)' : show(v.value)}`;

const changeText = (c: ValueChange, secretsUnknown: boolean): string =>
  'secret' in c
    ? `${c.path}: ${secretsUnknown ? '(secret, sent again: its previous value is unknown)' : '(secret changed)'}`
    : `${c.path}: ${show(c.old)} → ${show(c.new)}`;

const streamLine = (s: StreamChange, paint: ReturnType<typeof painter>): string => {
  switch (s.change) {
    case 'added':
      return `${paint('green', '+')} ${s.name}${
        s.fields.length === 0
          ? ''
          : `: ${s.fields.map((f) => ('secret' in f ? f.path : `${f.path} ${show(f.new)}`)).join(', ')}`
      }`;
    case 'removed':
      return `${paint('red', '-')} ${s.name}`;
    case 'changed':
      return `${paint('yellow', '~')} ${s.name}: ${s.fields
        .map((f) => ('secret' in f ? f.path : `${f.path} ${show(f.old)} → ${show(f.new)}`))
        .join(', ')}`;
  }
};

const detailLines = (change: PlannedChange, paint: ReturnType<typeof painter>): ReadonlyArray<string> => {
  const streams = change.streamChanges ?? [];
  return [
    ...(change.reason === undefined ? [] : [`because ${change.reason}`]),
    ...(change.values ?? []).map(valueLine),
    ...(change.valueChanges ?? []).map((c) => changeText(c, change.secretsUnknown === true)),
    ...(streams.length > 0 ? ['streams:', ...streams.map((s) => `  ${streamLine(s, paint)}`)] : []),
    ...(change.streamsFromDiscovery === true
      ? ['streams: every stream the source offers, discovered when provisioning']
      : []),
  ];
};

export const renderPlannedChange = (change: PlannedChange, style: PlanStyle = { colour: false }): string => {
  const paint = painter(style);
  const head = `${MARK[change.action].padEnd(4)}${change.action.padEnd(8)}`;
  const what = `${change.kind} "${change.name}"${change.id === undefined ? '' : ` (${change.id})`}`;
  return [
    `${paint(TINT[change.action], head)}${what}`.trimEnd(),
    ...detailLines(change, paint).map((line) => `${INDENT}${line}`),
  ].join('\n');
};

const summary = (changes: ReadonlyArray<PlannedChange>): string => {
  const count = (action: Action): number => changes.filter((c) => c.action === action).length;
  if (changes.every((c) => c.action === 'noop')) return 'Nothing to change.';
  const parts = [
    [count('create'), 'to create'],
    [count('update'), 'to update'],
    [count('replace'), 'to replace'],
    [count('delete'), 'to delete'],
    [count('noop'), 'unchanged'],
  ] as const;
  return `Plan: ${parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(', ')}.`;
};

export const renderPlanDetailed = (
  changes: ReadonlyArray<PlannedChange>,
  style: PlanStyle = { colour: false },
): string => `${changes.map((c) => renderPlannedChange(c, style)).join('\n')}\n\n${summary(changes)}\n`;

/** Whether the plan would write anything. */
export const changesPending = (changes: ReadonlyArray<PlannedChange>): boolean =>
  changes.some((c) => c.action !== 'noop');
