/**
 * A self-contained HTML page rendered from the OpenAPI document on the server: no script, no CDN (the
 * provisioner often runs where the internet is not reachable), and it cannot disagree with the document.
 */
const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Schema {
  readonly $ref?: string;
}
interface Response {
  readonly description: string;
  readonly content?: Readonly<Record<string, { readonly schema: Schema }>>;
}
interface Operation {
  readonly summary?: string;
  readonly responses: Readonly<Record<string, Response>>;
  readonly requestBody?: { readonly content: Readonly<Record<string, { readonly schema: Schema }>> };
}
interface Doc {
  readonly info: { readonly title: string; readonly description: string; readonly version: string };
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, unknown>> };
}

const schemaLink = (schema: Schema): string => {
  const name = schema.$ref?.split('/').pop();
  return name === undefined ? 'string' : `<a href="#schema-${escape(name)}">${escape(name)}</a>`;
};

const contentOf = (content: Response['content']): string =>
  Object.entries(content ?? {})
    .map(([type, { schema }]) => `<code>${escape(type)}</code> ${schemaLink(schema)}`)
    .join(', ');

const renderOperation = (path: string, method: string, op: Operation): string => {
  const responses = Object.entries(op.responses)
    .map(([status, r]) => `<li><b>${status}</b> ${escape(r.description)} ${contentOf(r.content)}</li>`)
    .join('');
  const request = op.requestBody === undefined ? '' : `<p>Body: ${contentOf(op.requestBody.content)}</p>`;
  return `<section><h3><code>${method.toUpperCase()} ${escape(path)}</code></h3><p>${escape(op.summary ?? '')}</p>${request}<ul>${responses}</ul></section>`;
};

export const renderDocsPage = (doc: Doc): string => {
  const operations = Object.entries(doc.paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => renderOperation(path, method, op)),
    )
    .join('\n');
  const schemas = Object.entries(doc.components.schemas)
    .map(
      ([name, schema]) =>
        `<h3 id="schema-${escape(name)}">${escape(name)}</h3><pre>${escape(JSON.stringify(schema, null, 2))}</pre>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(doc.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}section{border-bottom:1px solid #ddd}pre{background:#f6f8fa;padding:.8rem;overflow:auto}</style>
</head><body><h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1><p>${escape(doc.info.description)}</p>
<p>The machine-readable document: <a href="/openapi.yaml">/openapi.yaml</a></p>
<h2>Routes</h2>${operations}<h2>Schemas</h2>${schemas}</body></html>`;
};
