/** A self-contained HTML page listing the routes and schemas of the OpenAPI document. */
const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Doc {
  readonly info: { readonly title: string; readonly description: string };
  readonly paths: Readonly<
    Record<string, Readonly<Record<string, { readonly summary?: string; readonly responses?: object }>>>
  >;
  readonly components: { readonly schemas: Readonly<Record<string, unknown>> };
}

export const renderDocsPage = (doc: Doc): string => {
  const routes = Object.entries(doc.paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(
        ([method, op]) =>
          `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(path)}</code></td><td>${escape(op.summary ?? '')}</td><td>${Object.keys(op.responses ?? {}).join(', ')}</td></tr>`,
      ),
    )
    .join('\n');
  const schemas = Object.entries(doc.components.schemas)
    .map(
      ([name, schema]) =>
        `<h3 id="${escape(name)}">${escape(name)}</h3><pre>${escape(JSON.stringify(schema, null, 2))}</pre>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(doc.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}pre{background:#f6f8fa;padding:.8rem;overflow:auto}</style>
</head><body><h1>${escape(doc.info.title)}</h1><p>${escape(doc.info.description)}</p><p><a href="/openapi.yaml">openapi.yaml</a></p>
<h2>Routes</h2><table><tr><th>Method</th><th>Path</th><th>Summary</th><th>Statuses</th></tr>
${routes}</table><h2>Schemas</h2>${schemas}</body></html>`;
};
