import type { ConnectionSpec } from '@airbyte-provisioner/core';
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import {
  airbyte,
  CONN_ID,
  connectionResponse,
  DEST_ID,
  harness,
  OTHER_WS,
  PREFIX,
  run,
  setUpNock,
  SOURCE_ID,
  WS,
} from './fixtures.js';
import { connectionCreateBody, connectionPatchBody } from '../../src/gateway/connection-operations.js';

const spec: ConnectionSpec = {
  name: 'orders-pipeline',
  sourceId: SOURCE_ID,
  destinationId: DEST_ID,
  streams: [
    {
      name: 'orders',
      syncMode: 'incremental_deduped_history',
      cursorField: ['updated_at'],
      primaryKey: [['id']],
    },
    { name: 'customers' },
  ],
  schedule: { scheduleType: 'cron', cronExpression: '0 0 * * * ?' },
  status: 'active',
};

const streamsBody = {
  streams: [
    {
      name: 'orders',
      syncMode: 'incremental_deduped_history',
      cursorField: ['updated_at'],
      primaryKey: [['id']],
    },
    { name: 'customers' },
  ],
};

/** What every PATCH of `spec` carries: its name, whole stream list, schedule and status. */
const patchedAlways = {
  name: 'orders-pipeline',
  configurations: streamsBody,
  schedule: { scheduleType: 'cron', cronExpression: '0 0 * * * ?' },
  status: 'active',
};

const connection = {
  id: CONN_ID,
  name: 'orders-pipeline',
  workspaceId: WS,
  sourceId: SOURCE_ID,
  destinationId: DEST_ID,
  status: 'active',
  schedule: { scheduleType: 'manual' },
  streams: [{ name: 'orders', syncMode: 'full_refresh_overwrite' }],
  namespaceDefinition: 'destination',
  prefix: '',
  nonBreakingSchemaUpdatesBehavior: 'ignore',
};

const listQuery = (offset: number, limit = 100) => ({
  workspaceIds: WS,
  limit: String(limit),
  offset: String(offset),
});

describe('AirbytePublicApiGateway connections', () => {
  setUpNock();

  describe('findConnectionById', () => {
    it('reads a connection by id', async () => {
      const { gateway } = harness();
      airbyte().get(`${PREFIX}/connections/${CONN_ID}`).reply(200, connectionResponse());
      expect(await run(gateway.findConnectionById(CONN_ID))).to.deep.equal(E.right(O.some(connection)));
    });

    it('reads every field Airbyte may report: cron, custom namespace, prefix, stream details', async () => {
      const { gateway } = harness();
      airbyte()
        .get(`${PREFIX}/connections/${CONN_ID}`)
        .reply(
          200,
          connectionResponse({
            status: 'locked',
            schedule: { scheduleType: 'cron', cronExpression: '0 0 * * * ?' },
            configurations: streamsBody,
            namespaceDefinition: 'custom_format',
            namespaceFormat: 'raw_${SOURCE_NAMESPACE}',
            prefix: 'x_',
            nonBreakingSchemaUpdatesBehavior: 'propagate_fully',
          }),
        );
      expect(await run(gateway.findConnectionById(CONN_ID))).to.deep.equal(
        E.right(
          O.some({
            ...connection,
            status: 'locked',
            schedule: { scheduleType: 'cron', cronExpression: '0 0 * * * ?' },
            streams: streamsBody.streams,
            namespaceDefinition: 'custom_format',
            namespaceFormat: 'raw_${SOURCE_NAMESPACE}',
            prefix: 'x_',
            nonBreakingSchemaUpdatesBehavior: 'propagate_fully',
          }),
        ),
      );
    });

    it('reads a basic schedule, empty cursor and key as absent, and tolerates values this client does not know', async () => {
      const { gateway } = harness();
      airbyte()
        .get(`${PREFIX}/connections/${CONN_ID}`)
        .reply(
          200,
          connectionResponse({
            schedule: { scheduleType: 'basic', basicTiming: 'Every 24 hours' },
            configurations: {
              streams: [{ name: 'orders', syncMode: 'some_future_mode', cursorField: [], primaryKey: [] }],
            },
            nonBreakingSchemaUpdatesBehavior: 'some_future_behaviour',
          }),
        );
      const { nonBreakingSchemaUpdatesBehavior: _, ...rest } = connection;
      expect(await run(gateway.findConnectionById(CONN_ID))).to.deep.equal(
        E.right(
          O.some({
            ...rest,
            schedule: { scheduleType: 'basic', basicTiming: 'Every 24 hours' },
            streams: [{ name: 'orders' }],
          }),
        ),
      );
    });

    it('answers none on 404, for another workspace, and for a deleted (deprecated) connection', async () => {
      const { gateway } = harness();
      airbyte().get(`${PREFIX}/connections/${CONN_ID}`).reply(404, {});
      airbyte()
        .get(`${PREFIX}/connections/${CONN_ID}`)
        .reply(200, connectionResponse({ workspaceId: OTHER_WS }));
      airbyte()
        .get(`${PREFIX}/connections/${CONN_ID}`)
        .reply(200, connectionResponse({ status: 'deprecated' }));
      for (let i = 0; i < 3; i += 1) {
        expect(await run(gateway.findConnectionById(CONN_ID))).to.deep.equal(E.right(O.none));
      }
    });
  });

  describe('findConnectionsByName and findConnectionsUsing', () => {
    it('finds every connection with exactly that name across pages', async () => {
      const { gateway } = harness({ pageSize: 2 });
      airbyte()
        .get(`${PREFIX}/connections`)
        .query(listQuery(0, 2))
        .reply(200, {
          data: [connectionResponse(), connectionResponse({ connectionId: 'c-2', name: 'other' })],
          next: 'http://internal/x',
        });
      airbyte()
        .get(`${PREFIX}/connections`)
        .query(listQuery(2, 2))
        .reply(200, { data: [connectionResponse({ connectionId: 'c-3', status: 'deprecated' })] });
      expect(await run(gateway.findConnectionsByName('orders-pipeline'))).to.deep.equal(
        E.right([connection]),
      );
    });

    it('finds the connections whose source, or destination, is an actor', async () => {
      const { gateway } = harness();
      const data = [
        connectionResponse(),
        connectionResponse({ connectionId: 'c-2', sourceId: 'other-source' }),
        connectionResponse({ connectionId: 'c-3', destinationId: 'other-dest' }),
      ];
      airbyte().get(`${PREFIX}/connections`).query(listQuery(0)).times(2).reply(200, { data });
      const bySource = await run(gateway.findConnectionsUsing('source', SOURCE_ID));
      const byDestination = await run(gateway.findConnectionsUsing('destination', DEST_ID));
      expect(E.map((cs: ReadonlyArray<{ id: string }>) => cs.map((c) => c.id))(bySource)).to.deep.equal(
        E.right([CONN_ID, 'c-3']),
      );
      expect(E.map((cs: ReadonlyArray<{ id: string }>) => cs.map((c) => c.id))(byDestination)).to.deep.equal(
        E.right([CONN_ID, 'c-2']),
      );
    });
  });

  describe('createConnection', () => {
    it('posts the source, destination, whole stream list and every setting', async () => {
      const { gateway } = harness();
      airbyte()
        .post(`${PREFIX}/connections`, {
          ...patchedAlways,
          sourceId: SOURCE_ID,
          destinationId: DEST_ID,
          namespaceDefinition: 'destination',
          prefix: '',
          nonBreakingSchemaUpdatesBehavior: 'ignore',
        })
        .reply(200, connectionResponse());
      expect(await run(gateway.createConnection(spec))).to.deep.equal(E.right(connection));
    });

    it('sends the optional settings it is given', async () => {
      const { gateway } = harness();
      airbyte()
        .post(`${PREFIX}/connections`, {
          name: 'orders-pipeline',
          sourceId: SOURCE_ID,
          destinationId: DEST_ID,
          configurations: streamsBody,
          schedule: { scheduleType: 'manual' },
          status: 'inactive',
          namespaceDefinition: 'custom_format',
          namespaceFormat: 'raw_${SOURCE_NAMESPACE}',
          prefix: 'x_',
          nonBreakingSchemaUpdatesBehavior: 'propagate_columns',
        })
        .reply(200, connectionResponse());
      const result = await run(
        gateway.createConnection({
          ...spec,
          schedule: { scheduleType: 'manual' },
          status: 'inactive',
          namespaceDefinition: 'custom_format',
          namespaceFormat: 'raw_${SOURCE_NAMESPACE}',
          prefix: 'x_',
          nonBreakingSchemaUpdatesBehavior: 'propagate_columns',
        }),
      );
      expect(result).to.deep.equal(E.right(connection));
    });
  });

  describe('updateConnection', () => {
    it('patches name, whole stream list, schedule and status; leaves out the settings the spec omits', async () => {
      const { gateway } = harness();
      airbyte()
        // nock matches the whole body: no namespaceDefinition, prefix or nonBreakingSchemaUpdatesBehavior
        .patch(`${PREFIX}/connections/${CONN_ID}`, patchedAlways)
        .reply(200, connectionResponse());
      expect(await run(gateway.updateConnection(CONN_ID, spec))).to.deep.equal(E.right(connection));
    });

    it('builds a PATCH body without the settings the spec omits, and a POST body with their defaults', () => {
      const omitted = [
        'namespaceDefinition',
        'namespaceFormat',
        'prefix',
        'nonBreakingSchemaUpdatesBehavior',
      ];
      expect(connectionPatchBody(spec)).to.not.have.any.keys(...omitted);
      expect(connectionCreateBody(spec)).to.include({
        namespaceDefinition: 'destination',
        prefix: '',
        nonBreakingSchemaUpdatesBehavior: 'ignore',
      });
      expect(connectionCreateBody(spec)).to.not.have.any.keys('namespaceFormat');
    });

    it('patches the optional settings the spec sets', async () => {
      const { gateway } = harness();
      airbyte()
        .patch(`${PREFIX}/connections/${CONN_ID}`, {
          ...patchedAlways,
          namespaceDefinition: 'custom_format',
          namespaceFormat: 'raw_${SOURCE_NAMESPACE}',
          prefix: '',
          nonBreakingSchemaUpdatesBehavior: 'propagate_fully',
        })
        .reply(200, connectionResponse());
      const result = await run(
        gateway.updateConnection(CONN_ID, {
          ...spec,
          namespaceDefinition: 'custom_format',
          namespaceFormat: 'raw_${SOURCE_NAMESPACE}',
          prefix: '',
          nonBreakingSchemaUpdatesBehavior: 'propagate_fully',
        }),
      );
      expect(result).to.deep.equal(E.right(connection));
    });

    it('reports a locked connection as a conflict', async () => {
      const { gateway } = harness();
      airbyte()
        .patch(`${PREFIX}/connections/${CONN_ID}`)
        .reply(409, { title: 'conflict', detail: 'The connection is locked and cannot be modified' });
      expect(await run(gateway.updateConnection(CONN_ID, spec))).to.deep.equal(
        E.left({
          _tag: 'AirbyteConflict',
          detail: `PATCH /connections/${CONN_ID} conflicts with the state of Airbyte (409): The connection is locked and cannot be modified`,
        }),
      );
    });

    it('retries a PATCH that hit a transient failure, since it carries the whole state', async () => {
      const { gateway, sleeps } = harness();
      airbyte().patch(`${PREFIX}/connections/${CONN_ID}`).reply(502, 'bad gateway');
      airbyte().patch(`${PREFIX}/connections/${CONN_ID}`).reply(200, connectionResponse());
      expect(await run(gateway.updateConnection(CONN_ID, spec))).to.deep.equal(E.right(connection));
      expect(sleeps).to.deep.equal([125]);
    });
  });

  describe('deleteConnection', () => {
    it('deletes (204), and treats an absent connection as deleted', async () => {
      const { gateway } = harness();
      airbyte().delete(`${PREFIX}/connections/${CONN_ID}`).reply(204);
      airbyte().delete(`${PREFIX}/connections/${CONN_ID}`).reply(404, { detail: 'gone' });
      expect(await run(gateway.deleteConnection(CONN_ID))).to.deep.equal(E.right(undefined));
      expect(await run(gateway.deleteConnection(CONN_ID))).to.deep.equal(E.right(undefined));
    });
  });
});
