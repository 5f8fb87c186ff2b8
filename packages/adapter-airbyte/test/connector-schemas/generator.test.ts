import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const script = fileURLToPath(new URL('../../../../scripts/generate-connector-schemas.js', import.meta.url));

// the shapes of connectors-api.yaml, cut down to one connector of each kind and an -update twin
const INPUT = `
openapi: 3.1.0
components:
  schemas:
    source-file:
      type: object
      required: [url, provider, sourceType]
      properties:
        url:
          type: string
          description: "The URL path to access the file. More text that is not kept."
        reader_options:
          type: string
          description: Not required, so not kept.
        provider:
          type: object
          oneOf:
            - title: "HTTPS: Public Web"
              required: [storage]
              properties:
                storage: { type: string, const: HTTPS, enum: [HTTPS] }
            - title: "S3: Amazon Web Services"
              required: [storage]
              properties:
                storage: { type: string, const: S3, enum: [S3] }
                aws_secret_access_key:
                  type: string
                  airbyte_secret: true
                  description: "A <b>secret</b> key."
        sourceType: { title: file, const: file, enum: [file], type: string }
    source-file-update:
      type: object
      properties: { url: { type: string } }
    destination-snowflake:
      type: object
      required: [host, destinationType]
      properties:
        host: { type: string, pattern: "^.+$", description: Your account. }
        destinationType: { const: snowflake, enum: [snowflake], type: string }
    SourceResponse:
      type: object
`;

describe('scripts/generate-connector-schemas.js', () => {
  it('keeps what validation and the scaffold need, by connector type, with the MIT notice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'connector-schemas-'));
    try {
      await writeFile(join(dir, 'in.yaml'), INPUT);
      const { stdout } = await promisify(execFile)(process.execPath, [
        script,
        join(dir, 'in.yaml'),
        join(dir, 'out.json'),
      ]);
      expect(stdout).to.match(/^Wrote 1 source and 1 destination schemas, \d+ bytes, to /);
      const data = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')) as Record<string, unknown>;
      expect(data['notice']).to.match(/MIT License, Copyright \(c\) 2023 airbytehq/);
      expect(data['sources']).to.deep.equal({
        file: {
          t: 'object',
          r: ['url', 'provider'],
          p: {
            url: { t: 'string', d: 'The URL path to access the file.' },
            reader_options: { t: 'string' },
            provider: {
              t: 'object',
              o: [
                { v: 'HTTPS: Public Web', r: ['storage'], p: { storage: { t: 'string', c: 'HTTPS' } } },
                {
                  v: 'S3: Amazon Web Services',
                  r: ['storage'],
                  p: {
                    storage: { t: 'string', c: 'S3' },
                    aws_secret_access_key: { t: 'string', s: 1, d: 'A secret key.' },
                  },
                },
              ],
            },
          },
        },
      });
      expect(data['destinations']).to.deep.equal({
        snowflake: { t: 'object', r: ['host'], p: { host: { t: 'string', x: '^.+$', d: 'Your account.' } } },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
