/**
 * The API page, rendered from the OpenAPI document on the server: one self-contained HTML file with no
 * CDN and no other host (the provisioner often runs where the internet is not reachable), so it cannot
 * disagree with the document. Descriptions are Markdown (rendered with marked, which handles the whole
 * CommonMark grammar where a hand-written subset would mis-render the first table or nested list); each
 * route shows its own error answers, links to its schemas, and one example request and answer with a
 * copy button (the only script: a few lines inline).
 */
import { Marked } from 'marked';

const markdown = new Marked({ gfm: true, async: false });
const block = (text: string | undefined): string =>
  text === undefined ? '' : (markdown.parse(text) as string);
const inline = (text: string): string => markdown.parseInline(text) as string;

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Schema {
  readonly $ref?: string;
}
interface Media {
  readonly schema: Schema;
  readonly example?: unknown;
}
interface Response {
  readonly description: string;
  readonly content?: Readonly<Record<string, Media>>;
}
interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly example?: string | number;
}
interface Operation {
  readonly tags?: ReadonlyArray<string>;
  readonly summary?: string;
  readonly description?: string;
  readonly parameters?: ReadonlyArray<Parameter>;
  readonly responses: Readonly<Record<string, Response>>;
  readonly requestBody?: { readonly content: Readonly<Record<string, Media>> };
}
interface Doc {
  readonly info: { readonly title: string; readonly description: string; readonly version: string };
  readonly tags?: ReadonlyArray<{ readonly name: string; readonly description: string }>;
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, unknown>> };
}

const schemaName = (ref: string): string => ref.split('/').pop() ?? ref;
const schemaLink = (schema: Schema): string =>
  schema.$ref === undefined
    ? 'string'
    : `<a href="#schema-${escape(schemaName(schema.$ref))}">${escape(schemaName(schema.$ref))}</a>`;

const contentOf = (content: Response['content']): string =>
  Object.entries(content ?? {})
    .map(([type, { schema }]) => `<code>${escape(type)}</code> ${schemaLink(schema)}`)
    .join(', ');

/** An id usable in a URL fragment: `post-v1-provision`. */
export const operationId = (method: string, path: string): string =>
  `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '');

/** The path with each parameter replaced by its example (`/v1/provision/<token>/status`). */
const examplePath = (path: string, op: Operation): string =>
  (op.parameters ?? []).reduce(
    (at, p) =>
      p.in === 'path' && p.example !== undefined ? at.replace(`{${p.name}}`, String(p.example)) : at,
    path,
  );

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

const exampleRequest = (path: string, method: string, op: Operation): string => {
  const url = `http://localhost:8093${examplePath(path, op)}`;
  const body = Object.values(op.requestBody?.content ?? {})[0]?.example;
  if (body === undefined) return `curl -s ${method === 'get' ? '' : `-X ${method.toUpperCase()} `}${url}`;
  return [
    `curl -s -X ${method.toUpperCase()} ${url} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(JSON.stringify(body))}`,
  ].join('\n');
};

const exampleAnswer = (op: Operation): { status: string; text: string } | undefined => {
  for (const [status, response] of Object.entries(op.responses)) {
    for (const media of Object.values(response.content ?? {})) {
      if (media.example !== undefined) {
        const text =
          typeof media.example === 'string' ? media.example : JSON.stringify(media.example, null, 2);
        return { status, text };
      }
    }
  }
  return undefined;
};

const copyable = (id: string, label: string, text: string): string =>
  `<div class="example"><div class="example-head"><span>${label}</span><button type="button" class="copy" data-copy="${id}">Copy</button></div><pre id="${id}"><code>${escape(text)}</code></pre></div>`;

const renderOperation = (path: string, method: string, op: Operation): string => {
  const id = operationId(method, path);
  const responses = Object.entries(op.responses)
    .map(
      ([status, r]) =>
        `<li class="${status.startsWith('2') || status.startsWith('3') ? 'ok' : 'error'}"><b>${status}</b> ${inline(r.description)} ${contentOf(r.content)}</li>`,
    )
    .join('');
  const request = op.requestBody === undefined ? '' : `<p>Body: ${contentOf(op.requestBody.content)}</p>`;
  const answer = exampleAnswer(op);
  const examples =
    copyable(`${id}-request`, 'Example request', exampleRequest(path, method, op)) +
    (answer === undefined ? '' : copyable(`${id}-answer`, `Example answer (${answer.status})`, answer.text));
  return `<section class="route" id="${id}" data-method="${method.toUpperCase()}" data-path="${escape(path)}"><h3><code>${method.toUpperCase()} ${escape(path)}</code></h3><p class="summary">${inline(op.summary ?? '')}</p>${block(op.description)}${request}<h4>Answers</h4><ul>${responses}</ul>${examples}</section>`;
};

/** The schema as JSON, each `$ref` a link to the schema it names. */
const renderSchema = (name: string, schema: unknown): string => {
  const json = escape(JSON.stringify(schema, null, 2)).replace(
    /&quot;#\/components\/schemas\/([A-Za-z0-9_]+)&quot;/g,
    (_, target: string) => `&quot;<a href="#schema-${target}">#/components/schemas/${target}</a>&quot;`,
  );
  return `<h3 id="schema-${escape(name)}">${escape(name)}</h3><pre>${json}</pre>`;
};

// copies the text of the <pre> a button names; falls back to selecting it where the clipboard is denied
const copyScript = `document.addEventListener('click', function (event) {
  var button = event.target.closest('button.copy');
  if (!button) return;
  var text = document.getElementById(button.getAttribute('data-copy')).textContent;
  var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 1500); };
  var select = function () { var range = document.createRange(); range.selectNodeContents(document.getElementById(button.getAttribute('data-copy'))); var s = window.getSelection(); s.removeAllRanges(); s.addRange(range); button.textContent = 'Selected: press Ctrl+C'; };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, select); else select();
});`;

const style = `body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1f2328}
nav ul{columns:2;list-style:none;padding:0}nav li{margin:.1rem 0}section.route{border-bottom:1px solid #d0d7de;padding-bottom:1rem}
pre{background:#f6f8fa;padding:.8rem;overflow:auto;margin:0}code{font-size:.92em}li.error b{color:#cf222e}li.ok b{color:#1a7f37}
.example{margin:.6rem 0}.example-head{display:flex;justify-content:space-between;align-items:center;font-weight:600;margin-bottom:.2rem}
button.copy{cursor:pointer;border:1px solid #d0d7de;background:#fff;border-radius:6px;padding:.15rem .6rem}`;

export const renderDocsPage = (doc: Doc): string => {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const byTag = (doc.tags ?? []).map((tag) => ({
    tag,
    routes: operations.filter(({ op }) => (op.tags ?? []).includes(tag.name)),
  }));
  const untagged = operations.filter(({ op }) => (op.tags ?? []).length === 0);
  const groups = [
    ...byTag,
    ...(untagged.length === 0 ? [] : [{ tag: { name: 'other', description: '' }, routes: untagged }]),
  ];
  const nav = operations
    .map(
      ({ path, method }) =>
        `<li><a href="#${operationId(method, path)}"><code>${method.toUpperCase()} ${escape(path)}</code></a></li>`,
    )
    .join('');
  const body = groups
    .map(
      ({ tag, routes }) =>
        `<h2 id="tag-${escape(tag.name)}">${escape(tag.name)}</h2>${block(tag.description)}${routes
          .map(({ path, method, op }) => renderOperation(path, method, op))
          .join('\n')}`,
    )
    .join('\n');
  const schemas = Object.entries(doc.components.schemas)
    .map(([name, schema]) => renderSchema(name, schema))
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(doc.info.title)}</title>
<link rel="icon" href="data:,"><style>${style}</style>
</head><body><h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1>${block(doc.info.description)}
<p>The machine-readable document: <a href="/openapi.yaml">/openapi.yaml</a>. The examples assume the server on <code>localhost:8093</code>; add <code>-H "Authorization: Bearer $API_TOKEN"</code> when an API token is configured.</p>
<nav><h2>Routes</h2><ul>${nav}</ul></nav>${body}<h2>Schemas</h2>${schemas}
<script>${copyScript}</script></body></html>`;
};
