/**
 * TRANSITIONAL, until the core exports its descriptor validation and `makeUseCases`: resolves the example's
 * provisioned component into the ValidatedComponent the deploy engine takes, for the File → Snowflake
 * shape only (names, configurations, schedule; the Snowflake profile's enforced values merged in). The
 * figures then run the core's real engine (`lockedDeploy`/`lockedUndeploy`) over the real HTTP gateway.
 */
import * as O from 'fp-ts/lib/Option.js';
import type { JsonObject, Schedule, ValidatedComponent } from '@airbyte-provisioner/core';
import { parse } from 'yaml';
import { benchProfiles } from './profiles.js';

type Json = Record<string, unknown>;

const objectAt = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

export const componentFromDescriptor = (descriptor: string): ValidatedComponent => {
  const root = objectAt(parse(descriptor));
  const dataProduct = objectAt(root['dataProduct']);
  const componentId = String(root['componentIdToProvision']);
  const components = Array.isArray(dataProduct['components']) ? (dataProduct['components'] as unknown[]) : [];
  const component = objectAt(components.map(objectAt).find((c) => c['id'] === componentId));
  const specific = objectAt(component['specific']);
  const source = objectAt(specific['source']);
  const destination = objectAt(specific['destination']);
  const connection = objectAt(specific['connection']);
  const schedule = objectAt(connection['schedule']);
  const snowflake = benchProfiles.destinations['snowflake']?.enforced ?? {};
  return {
    dataProduct: { id: String(dataProduct['id']) },
    componentId,
    desired: {
      source: {
        name: String(source['name']),
        connector: { _tag: 'ConnectorType', connectorType: 'file' },
        configuration: objectAt(source['connectionConfiguration']) as JsonObject,
        secretPaths: [],
      },
      destination: {
        name: String(destination['name']),
        connector: { _tag: 'ConnectorType', connectorType: 'snowflake' },
        configuration: { ...(objectAt(destination['connectionConfiguration']) as JsonObject), ...snowflake },
        secretPaths: ['credentials.password'],
      },
      connection: {
        name: String(connection['name']),
        streams: { _tag: 'All' },
        schedule: (schedule['scheduleType'] === 'cron'
          ? { scheduleType: 'cron', cronExpression: String(schedule['cronExpression']) }
          : { scheduleType: 'manual' }) satisfies Schedule,
        status: 'active',
        syncOnProvision: 'never',
      },
    },
    previous: O.none,
    warnings: [],
  };
};
