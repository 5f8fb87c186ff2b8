/**
 * Every response the suite receives passes through here: it is checked at once against our OpenAPI
 * document (the test that got it fails, naming route, status and the schema error), and kept so the last
 * test file can check that the document and the routes cover each other.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { openApiDocument } from '../../src/index.js';

export interface RecordedResponse {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
  /** The documented operation it answered (`POST /v1/provision`), absent for 404/405. */
  readonly operation?: string;
}

interface DocumentedResponse {
  readonly content?: Readonly<Record<string, { readonly schema: object }>>;
}
type Paths = Readonly<
  Record<
    string,
    Readonly<Record<string, { readonly responses: Readonly<Record<string, DocumentedResponse>> }>>
  >
>;

export const documentedPaths = openApiDocument.paths as unknown as Paths;

const templates = Object.keys(documentedPaths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
ajv.addSchema({ ...openApiDocument, $id: 'doc' });
const validators = new Map<string, ValidateFunction>();
const validatorFor = (schema: object): ValidateFunction => {
  const key = JSON.stringify(schema);
  const known = validators.get(key);
  if (known !== undefined) return known;
  const ref = (schema as { $ref?: string }).$ref;
  const compiled = ajv.compile(ref === undefined ? schema : { $ref: `doc${ref}` });
  validators.set(key, compiled);
  return compiled;
};

export const recorded: RecordedResponse[] = [];

/** The documented response for this exchange, or why there is none that fits. */
const conformance = (r: Omit<RecordedResponse, 'operation'>): { operation?: string; problem?: string } => {
  const path = r.path.split('?')[0] ?? '';
  const match = templates.find((t) => t.pattern.test(path));
  const methods = match === undefined ? undefined : documentedPaths[match.template];
  const documented = methods?.[r.method.toLowerCase()];
  if (match === undefined || documented === undefined) {
    // a 404 (unknown route) or 405 (wrong method) answers a route the document cannot list: its body is
    // still the documented SystemError
    if (r.status === 404 || r.status === 405) {
      const validate = validatorFor({ $ref: '#/components/schemas/SystemError' });
      return validate(r.body)
        ? {}
        : { problem: `${r.method} ${path} → ${r.status}: ${ajv.errorsText(validate.errors)}` };
    }
    // a 401 is checked before routing, and HEAD/OPTIONS are answered by the router itself
    return r.status === 401 || r.method === 'HEAD' || r.method === 'OPTIONS'
      ? {}
      : { problem: `${r.method} ${path} answered ${r.status} but is not in the document` };
  }
  const operation = `${r.method} ${match.template}`;
  const response = documented.responses[String(r.status)];
  if (response === undefined) return { operation, problem: `${operation} → ${r.status} is not documented` };
  const contentTypes = Object.keys(response.content ?? {});
  const declared = contentTypes.find((type) => r.contentType.startsWith(type));
  if (declared === undefined)
    return {
      operation,
      problem: `${operation} → ${r.status} answered ${r.contentType}, documented: ${contentTypes.join(', ')}`,
    };
  const validate = validatorFor(response.content?.[declared]?.schema ?? {});
  return validate(r.body)
    ? { operation }
    : { operation, problem: `${operation} → ${r.status}: ${ajv.errorsText(validate.errors)}` };
};

export const recordResponse = (r: Omit<RecordedResponse, 'operation'>): void => {
  const { operation, problem } = conformance(r);
  recorded.push({ ...r, ...(operation === undefined ? {} : { operation }) });
  if (problem !== undefined) throw new Error(`response does not match the OpenAPI document: ${problem}`);
};
