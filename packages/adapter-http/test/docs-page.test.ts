/**
 * The API page and what it is made of: `/` redirects to it, every operation of the document has its note
 * (description, its own error wording, an example), every example is an instance of the schemas of its
 * route, and the page renders the Markdown and shows each route's errors and examples.
 */
import { expect } from 'chai';
import { Ajv } from 'ajv';
import { openApiDocument } from '../src/index.js';
import { routeNotes } from '../src/openapi/route-notes.js';
import { operationId } from '../src/openapi/docs-page.js';
import { startHarness, type Harness } from './support/harness.js';

interface Media {
  readonly schema: object;
  readonly example?: unknown;
}
interface Op {
  readonly description?: string;
  readonly requestBody?: { readonly content: Readonly<Record<string, Media>> };
  readonly responses: Readonly<
    Record<string, { description: string; content?: Readonly<Record<string, Media>> }>
  >;
}
const operations = Object.entries(
  openApiDocument.paths as unknown as Record<string, Record<string, Op>>,
).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
ajv.addSchema({ ...openApiDocument, $id: 'doc' });
const problemsOf = (schema: object, value: unknown): string | undefined => {
  const ref = (schema as { $ref?: string }).$ref;
  const validate = ajv.compile(ref === undefined ? schema : { $ref: `doc${ref}` });
  return validate(value) ? undefined : ajv.errorsText(validate.errors);
};

describe('the API page (/docs) and the notes it renders', () => {
  let h: Harness;
  let page: string;
  before(async () => {
    h = await startHarness();
    page = (await h.call('GET', '/docs')).text;
  });
  after(() => h.close());

  it('/ redirects to /docs', async () => {
    const answer = await h.call('GET', '/');
    expect(answer.status).to.equal(302);
    expect(answer.headers.get('location')).to.equal('/docs');
  });

  it('every operation has a note, and no note names an operation the document lacks', () => {
    const keys = operations.map(({ path, method }) => `${method} ${path}`);
    expect(
      keys.filter((key) => routeNotes[key] === undefined),
      'operations without a note',
    ).to.deep.equal([]);
    expect(
      Object.keys(routeNotes).filter((key) => !keys.includes(key)),
      'notes of no operation',
    ).to.deep.equal([]);
  });

  it("every example request and answer is an instance of its route's schemas", () => {
    for (const { path, method, op } of operations) {
      const note = routeNotes[`${method} ${path}`]!;
      const name = `${method.toUpperCase()} ${path}`;
      const requestMedia = Object.values(op.requestBody?.content ?? {})[0];
      expect(requestMedia === undefined, `${name}: an example request exactly when there is a body`).to.equal(
        note.example.request === undefined,
      );
      if (requestMedia !== undefined) {
        expect(requestMedia.example, name).to.deep.equal(note.example.request);
        expect(problemsOf(requestMedia.schema, requestMedia.example), `${name} request`).to.equal(undefined);
      }
      const answer = op.responses[note.example.answer.status];
      expect(answer, `${name}: the example answers a documented status`).not.to.equal(undefined);
      for (const media of Object.values(answer!.content ?? {})) {
        expect(media.example, name).to.deep.equal(note.example.answer.body);
        expect(problemsOf(media.schema, media.example), `${name} answer`).to.equal(undefined);
      }
    }
  });

  it('every example request gets the status of its example answer from the real use cases (sync mode)', async () => {
    const sync = await startHarness({ provisionMode: 'sync' });
    try {
      // in the order a platform calls them: provision before the ACL update and the unprovision
      const order = ['validate', 'provision', 'updateacl', 'unprovision', 'reverse'];
      const posts = operations
        .filter(({ method }) => method === 'post')
        .sort(
          (a, b) => order.findIndex((w) => a.path.includes(w)) - order.findIndex((w) => b.path.includes(w)),
        );
      for (const { path, op: operation } of posts) {
        const note = routeNotes[`post ${path}`]!;
        const concrete = path.replace('{version}', '0.0');
        const answer = await sync.call('POST', concrete, note.example.request as object);
        // /v2/validate is a task in any mode: its example answer is the 202 with a token
        expect(String(answer.status), `POST ${concrete}: ${answer.text}`).to.equal(
          note.example.answer.status,
        );
        const expected = note.example.answer.body as { status?: string; valid?: boolean };
        if (typeof expected === 'object' && expected.status !== undefined) {
          expect((answer.body as { status?: string }).status, `POST ${concrete}`).to.equal(expected.status);
        }
        expect(operation.responses[String(answer.status)], `POST ${concrete}`).not.to.equal(undefined);
      }
    } finally {
      await sync.close();
    }
  });

  it("each route's errors say what they mean for that route, not one shared wording", () => {
    const status = op('get', '/v1/provision/{token}/status');
    const provision = op('post', '/v1/provision');
    expect(status.responses['400']!.description).to.contain('token is unknown or expired');
    expect(provision.responses['400']!.description).to.contain('descriptor is invalid');
    expect(op('post', '/v1/validate').responses['400']!.description).to.contain('`valid: false`');
    expect(op('post', '/v1/reverse-provisioning').responses['400']!.description).to.contain(
      'neither or both of `connectionId` and `connectionName`',
    );
  });

  it('renders Markdown, every route with its errors, examples with copy buttons, and schema links', () => {
    expect(page).to.contain('<strong>without calling Airbyte</strong>');
    expect(page).not.to.match(/\*\*[A-Za-z]/);
    for (const { path, method, op: operation } of operations) {
      const id = operationId(method, path);
      const section = new RegExp(`<section class="route" id="${id}"[\\s\\S]*?</section>`).exec(page)?.[0];
      expect(section, `${method} ${path}`).not.to.equal(undefined);
      expect(section).to.contain(`id="${id}-request"`);
      expect(section).to.contain('<button type="button" class="copy"');
      for (const status of Object.keys(operation.responses)) expect(section).to.contain(`<b>${status}</b>`);
    }
    expect(page).to.contain('<a href="#schema-ProvisioningStatus">ProvisioningStatus</a>');
    // a $ref inside a schema links to the schema it names
    expect(page).to.match(/&quot;<a href="#schema-Info">#\/components\/schemas\/Info<\/a>&quot;/);
  });
});

const op = (method: string, path: string): Op =>
  (openApiDocument.paths as unknown as Record<string, Record<string, Op>>)[path]![method]!;
