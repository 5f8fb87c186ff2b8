// Generates packages/adapter-airbyte/src/connector-schemas/connector-schemas.json, the connector
// configuration schemas the provisioner validates descriptors with (and the sandbox validates requests
// with), from the OpenAPI document that holds them:
//
//   node scripts/generate-connector-schemas.js <path to connectors-api.yaml> [output path]
//
// The input is `airbyte.yaml` of airbytehq/terraform-provider-airbyte (commit 0a7be471a, the last before
// it was removed upstream), whose licence is:
//
//   MIT License
//
//   Copyright (c) 2023 airbytehq
//
//   Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
//   associated documentation files (the "Software"), to deal in the Software without restriction,
//   including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense,
//   and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so,
//   subject to the following conditions:
//
//   The above copyright notice and this permission notice shall be included in all copies or substantial
//   portions of the Software.
//
//   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
//   LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN
//   NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY,
//   WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE
//   SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
//
// Only what validation and the scaffold need is kept, in short keys (see ConnectorSchemaNode in
// packages/core/src/domain/connector-schema.ts): t type, r required, p properties, e enum, c const,
// o oneOf (v variant title), i items, x pattern, s airbyte_secret, d description (of required fields and
// secrets only, as plain text, first sentence). The file carries the notice above in its `notice` field.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// resolved from the core, which depends on it (the workspace root does not)
const { parse } = createRequire(new URL('../packages/core/package.json', import.meta.url))('yaml');

const input = process.argv[2];
if (input === undefined) {
  console.error('usage: node scripts/generate-connector-schemas.js <connectors-api.yaml> [output path]');
  process.exit(2);
}
const output =
  process.argv[3] ??
  new URL('../packages/adapter-airbyte/src/connector-schemas/connector-schemas.json', import.meta.url)
    .pathname;

const NOTICE =
  'Derived from airbyte.yaml of airbytehq/terraform-provider-airbyte (commit 0a7be471a). MIT License, Copyright (c) 2023 airbytehq. Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions: The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.';

const DESCRIPTION_MAX = 160;

/** Plain text of an HTML-ish description, cut at its first sentence. */
const plain = (text) => {
  const flat = String(text)
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const sentence = flat.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? flat;
  return sentence.length <= DESCRIPTION_MAX ? sentence : `${sentence.slice(0, DESCRIPTION_MAX - 1)}…`;
};

const compact = (schema, describe) => {
  if (schema === null || typeof schema !== 'object') return {};
  const node = {};
  if (schema.type !== undefined) node.t = schema.type;
  if (schema.const !== undefined) node.c = schema.const;
  else if (Array.isArray(schema.enum)) node.e = schema.enum;
  if (typeof schema.pattern === 'string') node.x = schema.pattern;
  if (schema.airbyte_secret === true) node.s = 1;
  if ((describe || node.s === 1) && typeof schema.description === 'string' && schema.description.trim()) {
    node.d = plain(schema.description);
  }
  if (schema.properties !== null && typeof schema.properties === 'object') {
    const required = Array.isArray(schema.required) ? schema.required : [];
    if (required.length > 0) node.r = required;
    node.p = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, compact(value, required.includes(key))]),
    );
  }
  const variants = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(variants)) {
    node.o = variants.map((variant) => {
      const compacted = compact({ type: 'object', ...variant }, false);
      delete compacted.t;
      return typeof variant.title === 'string' ? { v: variant.title, ...compacted } : compacted;
    });
  }
  if (schema.items !== undefined && !Array.isArray(schema.items)) node.i = compact(schema.items, false);
  return node;
};

const document = parse(readFileSync(input, 'utf8'), { maxAliasCount: -1 });
const schemas = document?.components?.schemas ?? {};
const connectors = { source: {}, destination: {} };
for (const [name, schema] of Object.entries(schemas)) {
  const kind = name.match(/^(source|destination)-/)?.[1];
  if (kind === undefined || name.endsWith('-update')) continue;
  // the discriminator (`sourceType: postgres`) names the connector type; the descriptor sets it beside
  // the configuration, and Airbyte strips it from what it stores, so it is no field of the schema here
  const discriminator = `${kind}Type`;
  const typeName =
    schema?.properties?.[discriminator]?.const ?? schema?.properties?.[discriminator]?.enum?.[0];
  if (typeof typeName !== 'string') continue;
  const properties = { ...schema.properties };
  delete properties[discriminator];
  const required = (schema.required ?? []).filter((key) => key !== discriminator);
  const node = compact({ ...schema, properties, required }, true);
  delete node.d;
  connectors[kind][typeName] = node;
}

const sorted = (record) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
const data = {
  notice: NOTICE,
  sources: sorted(connectors.source),
  destinations: sorted(connectors.destination),
};
const text = `${JSON.stringify(data)}\n`;
writeFileSync(output, text);
console.log(
  `Wrote ${Object.keys(data.sources).length} source and ${Object.keys(data.destinations).length} destination schemas, ${text.length} bytes, to ${output}.`,
);
