/**
 * What a replica does with a claimed stale task, without processes: a task given up (taken over as often
 * as TASK_MAX_TAKEOVERS allows) ends FAILED with the supervisor's message and is not run again. Also: a
 * submit whose request cannot be kept for a takeover still answers its token, and says what that risks.
 */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { takeoversExhaustedMessage } from '@airbyte-provisioner/adapter-postgres';
import {
  InMemoryTaskRepository,
  makeBackgroundWork,
  silentLogger,
  stateUnavailable,
  type Logger,
  type OperationResult,
  type TaskRepository,
  type ValidationOutcome,
} from '@airbyte-provisioner/core';
import { makeTestDeps, recordingLogger } from '@airbyte-provisioner/core/testing';
import { keepingRequests, takeOver } from '../../src/state/takeover.js';
import { standInUseCases } from '../support/stand-in-use-cases.js';

const clock = { now: () => 0 };

describe('takeOver', () => {
  const parts = (
    options: {
      readonly logger?: Logger;
      readonly provisioningTasks?: TaskRepository<OperationResult>;
    } = {},
  ) => {
    const ran: string[] = [];
    const provisioningTasks = options.provisioningTasks ?? new InMemoryTaskRepository<OperationResult>(clock);
    const validationTasks = new InMemoryTaskRepository<ValidationOutcome>(clock);
    const background = makeBackgroundWork();
    const run = (name: string) => () => {
      ran.push(name);
      return TE.left({ error: { _tag: 'Internal' as const, message: 'not expected' }, logs: [] });
    };
    return {
      ran,
      provisioningTasks,
      validationTasks,
      background,
      takeOver: takeOver({
        useCases: { provision: run('provision'), unprovision: run('unprovision') },
        provisioningTasks,
        validationTasks,
        background,
        logger: options.logger ?? silentLogger,
      }),
    };
  };

  it('fails a task given up with the message saying how many replicas tried, without running it', async () => {
    const p = parts();
    await p.provisioningTasks.create('t1')();
    await p.validationTasks.create('v1')();
    const givenUp = takeoversExhaustedMessage(4, 3);
    p.takeOver({ token: 't1', kind: 'provisioning', givenUp });
    p.takeOver({ token: 'v1', kind: 'validation', givenUp });
    await p.background.drain();
    expect(p.ran).to.deep.equal([]);
    expect(await p.provisioningTasks.get('t1')()).to.deep.equal(
      E.right({ status: 'FAILED', failure: { error: { _tag: 'Internal', message: givenUp }, logs: [] } }),
    );
    const validation = await p.validationTasks.get('v1')();
    expect(E.isRight(validation) && validation.right.status).to.equal('FAILED');
  });

  it('logs why the end of a task taken over could not be recorded', async () => {
    const logger = recordingLogger();
    const unreachable = stateUnavailable(
      'the database cannot be reached (finish a task): connect ECONNREFUSED 127.0.0.1:5432',
    );
    const tasks = new InMemoryTaskRepository<OperationResult>(clock);
    const p = parts({ logger, provisioningTasks: { ...tasks, fail: () => TE.left(unreachable) } });
    p.takeOver({ token: 't2', kind: 'provisioning' });
    await p.background.drain();
    expect(logger.lines.filter((line) => line.level === 'error')).to.deep.equal([
      {
        level: 'error',
        fields: {
          taskToken: 't2',
          error:
            "The provisioner's state store is unavailable: the database cannot be reached (finish a task): connect ECONNREFUSED 127.0.0.1:5432",
        },
        message: 'could not record the end of a task taken over',
      },
    ]);
  });
});

describe('keepingRequests', () => {
  it('answers the token when the request cannot be kept, and warns that a crash would fail the task', async () => {
    const logger = recordingLogger();
    const kept: string[] = [];
    const useCases = keepingRequests(
      standInUseCases(makeTestDeps(), {
        submitProvision: () => TE.right('t3'),
        submitUnprovision: () => TE.right('t4'),
      }),
      {
        keepRequest: (token) => {
          kept.push(token);
          return Promise.reject(new Error('the database cannot be reached (keep a request)'));
        },
      },
      logger,
    );
    const request = { descriptorKind: 'COMPONENT_DESCRIPTOR' as const, descriptor: 'a descriptor' };
    expect(await useCases.submitProvision(request)()).to.deep.equal(E.right('t3'));
    expect(await useCases.submitUnprovision(request)()).to.deep.equal(E.right('t4'));
    expect(kept).to.deep.equal(['t3', 't4']);
    const message =
      'could not keep the request for a takeover: the task runs, but if this replica stops before it ends, the task ends FAILED and must be sent again';
    expect(logger.lines).to.deep.equal(
      ['t3', 't4'].map((taskToken) => ({
        level: 'warn',
        fields: { taskToken, error: 'the database cannot be reached (keep a request)' },
        message,
      })),
    );
  });
});
