/**
 * The gateway bound when no Airbyte is configured, so that `validate` (which never calls Airbyte) works
 * without one. Anything that does call it fails with a message that says what to set.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { airbyteUnavailable, type AirbyteGateway } from '@airbyte-provisioner/core';

export const AIRBYTE_NOT_CONFIGURED =
  'Airbyte is not configured: set AIRBYTE_API_URL, AIRBYTE_WORKSPACE_ID and credentials';

const fail = () => TE.left(airbyteUnavailable(AIRBYTE_NOT_CONFIGURED));

export const unconfiguredAirbyteGateway: AirbyteGateway = {
  checkWorkspace: fail,
  findActorById: fail,
  findActorsByName: fail,
  createActor: fail,
  updateActor: fail,
  deleteActor: fail,
  findConnectionById: fail,
  findConnectionsByName: fail,
  findConnectionsUsing: fail,
  createConnection: fail,
  updateConnection: fail,
  deleteConnection: fail,
  discoverStreams: fail,
  startSync: fail,
  getJob: fail,
  clearData: fail,
};
