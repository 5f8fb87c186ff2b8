import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { stateConflict } from '../../src/errors/index.js';
import {
  foreignConnections,
  pickByName,
  planUnprovision,
  unprovisionChanges,
  usageConflict,
} from '../../src/planner/index.js';
import { connection, desired, destinationActor, located, nothingLocated, sourceActor } from './fixtures.js';

const other = { ...connection, id: 'con-9', name: 'someone else' };

describe('ownership rules', () => {
  it('finds nothing or the single resource with a name', () => {
    expect(pickByName('source', 'orders-file', [])).to.deep.equal(E.right(O.none));
    expect(pickByName('source', 'orders-file', [sourceActor])).to.deep.equal(E.right(O.some(sourceActor)));
  });

  it('refuses to guess between two resources with the same name, naming every id', () => {
    expect(pickByName('source', 'orders-file', [sourceActor, { ...sourceActor, id: 'src-2' }])).to.deep.equal(
      E.left(
        stateConflict(
          'find source "orders-file"',
          '2 sources are named "orders-file" in the workspace (ids: src-1, src-2); rename or delete all but one, or send the previous deployment\'s info',
          ['src-1', 'src-2'],
        ),
      ),
    );
  });

  it("tells our connection (by id when located, else by name) from other components'", () => {
    expect(foreignConnections([connection, other], { located: O.some(connection), name: 'x' })).to.deep.equal(
      [other],
    );
    expect(foreignConnections([connection, other], { located: O.none, name: connection.name })).to.deep.equal(
      [other],
    );
  });

  it("refuses to rewrite an actor another component's connection uses", () => {
    expect(usageConflict('update', 'source', sourceActor, [])).to.deep.equal(O.none);
    expect(usageConflict('update', 'source', sourceActor, [other])).to.deep.equal(
      O.some(
        stateConflict(
          'update source "orders-file"',
          'cannot update source "orders-file" (src-1): it is used by connection(s) "someone else" (con-9) of another component; give this component\'s source its own name',
          ['src-1', 'con-9'],
        ),
      ),
    );
  });
});

describe('planUnprovision', () => {
  it('has nothing to delete when nothing exists (absent is success)', () => {
    const actions = planUnprovision(desired, nothingLocated, { source: [], destination: [] });
    expect(actions.map((a) => a._tag)).to.deep.equal(['Absent', 'Absent', 'Absent']);
    expect(unprovisionChanges(actions).map((c) => c.action)).to.deep.equal(['noop', 'noop', 'noop']);
  });

  it('deletes the connection first, then the source and destination', () => {
    expect(planUnprovision(desired, located, { source: [], destination: [] })).to.deep.equal([
      { _tag: 'Delete', kind: 'connection', id: 'con-1', name: connection.name },
      { _tag: 'Delete', kind: 'source', id: 'src-1', name: 'orders-file' },
      { _tag: 'Delete', kind: 'destination', id: 'dst-1', name: 'orders-snowflake' },
    ]);
  });

  it("keeps an actor another component's connection still uses", () => {
    const actions = planUnprovision(desired, located, { source: [], destination: [other] });
    expect(actions[2]).to.deep.equal({
      _tag: 'Keep',
      kind: 'destination',
      id: destinationActor.id,
      name: destinationActor.name,
      usedBy: [other],
    });
  });
});
