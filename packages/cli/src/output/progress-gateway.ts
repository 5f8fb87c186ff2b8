/**
 * The Airbyte gateway, reporting each call as a step of the command's progress, so a person watching
 * `provision` sees what is being looked up, created or updated while it happens.
 */
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { AirbyteGateway } from '@airbyte-provisioner/core';
import type { Progress } from './progress.js';

const track =
  (progress: Progress) =>
  <E, A>(label: string, work: TE.TaskEither<E, A>): TE.TaskEither<E, A> =>
  async () => {
    const done = progress.start(label);
    const result = await work();
    done(result._tag === 'Right');
    return result;
  };

export const withProgress = (gateway: AirbyteGateway, progress: Progress): AirbyteGateway => {
  const step = track(progress);
  return {
    checkWorkspace: () => step('Check the Airbyte workspace', gateway.checkWorkspace()),
    findActorById: (kind, id) => step(`Look up ${kind} ${id}`, gateway.findActorById(kind, id)),
    findActorsByName: (kind, name) => step(`Look up ${kind} "${name}"`, gateway.findActorsByName(kind, name)),
    createActor: (kind, spec) => step(`Create ${kind} "${spec.name}"`, gateway.createActor(kind, spec)),
    updateActor: (kind, id, spec) =>
      step(`Update ${kind} "${spec.name}"`, gateway.updateActor(kind, id, spec)),
    deleteActor: (kind, id) => step(`Delete ${kind} ${id}`, gateway.deleteActor(kind, id)),
    findConnectionById: (id) => step(`Look up connection ${id}`, gateway.findConnectionById(id)),
    findConnectionsByName: (name) =>
      step(`Look up connection "${name}"`, gateway.findConnectionsByName(name)),
    findConnectionsUsing: (kind, id) =>
      step(`Look up connections using ${kind} ${id}`, gateway.findConnectionsUsing(kind, id)),
    createConnection: (spec) => step(`Create connection "${spec.name}"`, gateway.createConnection(spec)),
    updateConnection: (id, spec) =>
      step(`Update connection "${spec.name}"`, gateway.updateConnection(id, spec)),
    deleteConnection: (id) => step(`Delete connection ${id}`, gateway.deleteConnection(id)),
    discoverStreams: (sourceId, destinationId) =>
      step("Discover the source's streams", gateway.discoverStreams(sourceId, destinationId)),
    startSync: (connectionId) => step('Start a sync', gateway.startSync(connectionId)),
    getJob: (jobId) => step(`Read job ${jobId}`, gateway.getJob(jobId)),
    clearData: (connectionId) => step('Clear the synced data', gateway.clearData(connectionId)),
  };
};
