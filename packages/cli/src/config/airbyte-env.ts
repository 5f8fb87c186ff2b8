/**
 * The Airbyte part of the env: which variables must go together, and which authentication they choose.
 * Presence rules look at the raw env, so they are reported even when a value also fails to decode.
 */
import { problem, type Problem } from '@airbyte-provisioner/core';
import type { AirbyteAuth } from '@airbyte-provisioner/adapter-airbyte';
import type { EnvConfig } from './env.codec.js';

type Raw = Readonly<Record<string, string>>;

const AUTH_METHODS = [
  {
    label: 'AIRBYTE_CLIENT_ID + AIRBYTE_CLIENT_SECRET',
    vars: ['AIRBYTE_CLIENT_ID', 'AIRBYTE_CLIENT_SECRET'],
  },
  { label: 'AIRBYTE_TOKEN', vars: ['AIRBYTE_TOKEN'] },
  { label: 'AIRBYTE_USERNAME + AIRBYTE_PASSWORD', vars: ['AIRBYTE_USERNAME', 'AIRBYTE_PASSWORD'] },
] as const;

const DEFINING = ['AIRBYTE_API_URL', 'AIRBYTE_WORKSPACE_ID', ...AUTH_METHODS.flatMap((m) => m.vars)];

/** Whether the env means to configure an Airbyte at all. */
export const airbyteRequested = (raw: Raw): boolean => DEFINING.some((name) => raw[name] !== undefined);

export const airbytePresenceProblems = (raw: Raw): ReadonlyArray<Problem> => {
  if (!airbyteRequested(raw)) return [];
  const problems: Problem[] = [];
  for (const name of ['AIRBYTE_API_URL', 'AIRBYTE_WORKSPACE_ID']) {
    if (raw[name] === undefined) problems.push(problem(name, 'is required when Airbyte is configured'));
  }
  const started = AUTH_METHODS.filter((m) => m.vars.some((v) => raw[v] !== undefined));
  for (const method of started) {
    for (const name of method.vars) {
      if (raw[name] === undefined) problems.push(problem(name, `is required with ${method.label}`));
    }
  }
  if (started.length === 0) {
    problems.push(
      problem(
        'AIRBYTE_CLIENT_ID',
        `Airbyte credentials are required: set ${AUTH_METHODS.map((m) => m.label).join(', or ')}`,
      ),
    );
  }
  if (started.length > 1) {
    problems.push(
      problem(
        started.flatMap((m) => m.vars.filter((v) => raw[v] !== undefined)).join(', '),
        `choose one way to authenticate to Airbyte, not ${started.length}: ${started.map((m) => m.label).join('; ')}`,
      ),
    );
  }
  return problems;
};

/** Only called once the presence rules passed, so exactly one method is complete. */
export const airbyteAuthOf = (env: EnvConfig): AirbyteAuth => {
  if (env.AIRBYTE_CLIENT_ID !== undefined && env.AIRBYTE_CLIENT_SECRET !== undefined) {
    return {
      type: 'clientCredentials',
      clientId: env.AIRBYTE_CLIENT_ID,
      clientSecret: env.AIRBYTE_CLIENT_SECRET,
    };
  }
  if (env.AIRBYTE_TOKEN !== undefined) return { type: 'bearer', token: env.AIRBYTE_TOKEN };
  if (env.AIRBYTE_USERNAME !== undefined && env.AIRBYTE_PASSWORD !== undefined) {
    return { type: 'basic', username: env.AIRBYTE_USERNAME, password: env.AIRBYTE_PASSWORD };
  }
  return { type: 'none' };
};
