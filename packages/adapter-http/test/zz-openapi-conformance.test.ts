/**
 * Runs last (mocha sorts the files): every response of the whole suite was checked against the OpenAPI
 * document as it arrived; here the suite checks that the document and the routes cover each other.
 */
import { expect } from 'chai';
import { documentedPaths, recorded } from './support/recorder.js';

describe('the OpenAPI document against every response of this suite', () => {
  it('every response matched the document (checked as each arrived)', () => {
    expect(
      recorded.length,
      'run the whole adapter-http suite: this file checks what the others recorded',
    ).to.be.greaterThan(200);
    expect(recorded.filter((r) => r.operation !== undefined).length).to.be.greaterThan(200);
  });

  it('every documented operation was served, and answered every status the document lists for it', () => {
    const seen = new Set(recorded.map((r) => `${r.operation ?? ''} ${r.status}`));
    const missing = Object.entries(documentedPaths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) =>
        Object.keys(operation.responses)
          .map((status) => `${method.toUpperCase()} ${path} ${status}`)
          .filter((key) => !seen.has(key)),
      ),
    );
    expect(missing, 'documented but never observed').to.deep.equal([]);
  });
});
