/**
 * What a replica does with a claimed stale task, without processes: a task given up (taken over as often
 * as TASK_MAX_TAKEOVERS allows) ends FAILED with the supervisor's message and is not run again.
 */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { takeoversExhaustedMessage } from '@airbyte-provisioner/adapter-postgres';
import {
  InMemoryTaskRepository,
  makeBackgroundWork,
  silentLogger,
  type OperationResult,
  type ValidationOutcome,
} from '@airbyte-provisioner/core';
import { takeOver } from '../../src/state/takeover.js';

const clock = { now: () => 0 };

describe('takeOver', () => {
  const parts = () => {
    const ran: string[] = [];
    const provisioningTasks = new InMemoryTaskRepository<OperationResult>(clock);
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
        logger: silentLogger,
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
});
