import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { loadConfig, uiUrlImpliedBy } from '../../src/config/load-config.js';

const WORKSPACE = '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6';

const uiUrlFor = (env: Record<string, string>): string | undefined => {
  const result = loadConfig({
    env: { AIRBYTE_WORKSPACE_ID: WORKSPACE, AIRBYTE_TOKEN: 'a-token', ...env },
    readTextFile: () => E.left('no file'),
  });
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right.airbyte?.uiUrl;
};

describe('AIRBYTE_UI_URL by default', () => {
  for (const [api, ui] of [
    ['http://localhost:8000/api/public/v1', 'http://localhost:8000'],
    ['http://localhost:8000/api/public/v1/', 'http://localhost:8000'],
    ['https://airbyte.example.com/tools/airbyte/api/public/v1', 'https://airbyte.example.com/tools/airbyte'],
    ['https://api.airbyte.com/v1', 'https://cloud.airbyte.com'],
    ['https://api.airbyte.com/v1/', 'https://cloud.airbyte.com'],
  ] as const) {
    it(`is ${ui} for the API at ${api}`, () => {
      expect(uiUrlImpliedBy(api)).to.equal(ui);
      expect(uiUrlFor({ AIRBYTE_API_URL: api })).to.equal(ui);
    });
  }

  it('is nothing for an API URL that implies no UI (no guessed link)', () => {
    expect(uiUrlFor({ AIRBYTE_API_URL: 'https://gateway.example.com/airbyte' })).to.equal(undefined);
  });

  it('gives way to AIRBYTE_UI_URL when set', () => {
    expect(
      uiUrlFor({
        AIRBYTE_API_URL: 'http://localhost:8000/api/public/v1',
        AIRBYTE_UI_URL: 'https://ui.example.com',
      }),
    ).to.equal('https://ui.example.com');
  });

  it('is turned off, with any AIRBYTE_UI_URL, by AIRBYTE_UI_LINKS=off', () => {
    for (const env of [{}, { AIRBYTE_UI_URL: 'https://ui.example.com' }]) {
      expect(
        uiUrlFor({ AIRBYTE_API_URL: 'http://localhost:8000/api/public/v1', AIRBYTE_UI_LINKS: 'off', ...env }),
      ).to.equal(undefined);
    }
    expect(uiUrlFor({ AIRBYTE_API_URL: 'https://api.airbyte.com/v1', AIRBYTE_UI_LINKS: 'on' })).to.equal(
      'https://cloud.airbyte.com',
    );
  });

  it('refuses another value of AIRBYTE_UI_LINKS, naming it', () => {
    const result = loadConfig({
      env: { AIRBYTE_UI_LINKS: 'false' },
      readTextFile: () => E.left('no file'),
    });
    expect(E.isLeft(result) && result.left.map((p) => p.path)).to.deep.equal(['AIRBYTE_UI_LINKS']);
  });
});
