// Checks every JSON answer the HTTP tests received (BRILLIANT_API_RECORD files) against the API's
// OpenAPI document: the operation must be documented, the status too, and the body must match its
// schema (JSON Schema 2020-12, ajv). Exits 1 listing every mismatch, so the document cannot drift from
// what the server answers. A JSON request body the server accepted must match the documented one, and
// every documented operation must have been answered with success at least once.
// Usage: node tests/api/validate.mjs openapi.json RECORD_FILE...
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { operationKey } from './openapi-match.js';

const [docFile, ...records] = process.argv.slice(2);
const doc = JSON.parse(readFileSync(docFile, 'utf8'));
const base = 'https://brilliant.invalid/openapi';
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: base, components: doc.components });
const compiled = new Map();
function validator(schema) {
  const text = JSON.stringify(schema).replaceAll('"#/components/', `"${base}#/components/`);
  if (!compiled.has(text)) compiled.set(text, ajv.compile(JSON.parse(text)));
  return compiled.get(text);
}

const problems = new Set();
const answered = new Set();
let checked = 0;
for (const file of records)
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line);
    const key = operationKey(doc, r.method, r.path);
    if (!key) {
      // An unknown path or method is answered with the documented error object.
      const validate = validator({ $ref: '#/components/schemas/Error' });
      checked++;
      if (![404, 405].includes(r.status) || !validate(JSON.parse(r.body)))
        problems.add(`${r.method} ${r.path}: not in the document (answered ${r.status})`);
      continue;
    }
    const [method, template] = key.split(' ');
    const op = doc.paths[template][method.toLowerCase()];
    const status = String(r.status);
    const answer = op.responses[status] || op.responses[`${status[0]}XX`] || op.responses.default;
    if (!answer) { problems.add(`${key}: answered ${status}, which the document does not list`); continue; }
    const schema = answer.content?.['application/json']?.schema;
    if (!schema) { problems.add(`${key} ${status}: a JSON answer the document gives no schema`); continue; }
    const validate = validator(schema);
    checked++;
    if (r.status < 300) answered.add(key);
    // A JSON request the server accepted must match the documented request body.
    if (r.status < 300 && r.request) {
      const requestSchema = op.requestBody?.content?.['application/json']?.schema;
      if (!requestSchema) {
        problems.add(`${key}: accepted a JSON body the document does not describe`);
      } else {
        const check = validator(requestSchema);
        let sent;
        try { sent = JSON.parse(r.request); } catch { sent = undefined; }
        if (sent !== undefined && !check(sent))
          problems.add(`${key} request: ${ajv.errorsText(check.errors, { separator: '; ' })}`);
      }
    }
    if (!validate(JSON.parse(r.body)))
      problems.add(`${key} ${status}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
  }

const never = [];
for (const [path, methods] of Object.entries(doc.paths))
  for (const [method, op] of Object.entries(methods)) {
    const key = `${method.toUpperCase()} ${path}`;
    const success = Object.keys(op.responses).find((s) => s.startsWith('2'));
    if (!answered.has(key) && success !== '204' && path !== '/api/v1/openapi.json') never.push(key);
  }
console.log(`${checked} JSON answers checked against ${docFile}`);
// Every documented operation must be called successfully by some test, so its answer schema is checked.
for (const key of never) problems.add(`${key}: documented, but no test received a successful answer`);
if (problems.size) {
  console.error(`${problems.size} problem(s) between the answers and the document:\n  ${[...problems].join('\n  ')}`);
  process.exit(1);
}
