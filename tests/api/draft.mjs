// A helper for people documenting the API, not a test: reads the answers the HTTP tests recorded
// (BRILLIANT_API_RECORD) and prints a draft JSON Schema for each operation's success answers, inferred
// from every sample (a key present in all of them is required). Review the draft before it goes into
// api/openapi.json: names, descriptions and enums are for a person to write.
// Usage: OPENAPI=openapi.json node tests/api/draft.mjs RECORD_FILE... > draft.json
import { readFileSync } from 'node:fs';
import { operationKey } from './openapi-match.js';

const doc = JSON.parse(readFileSync(process.env.OPENAPI || 'build/debug/openapi.json', 'utf8'));
const samples = new Map();  // "GET /api/v1/x" + " " + status -> [values]
for (const file of process.argv.slice(2))
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line);
    if (r.status >= 300) continue;
    const key = operationKey(doc, r.method, r.path);
    if (!key) continue;
    const k = `${key} ${r.status}`;
    if (!samples.has(k)) samples.set(k, []);
    samples.get(k).push(JSON.parse(r.body));
  }

function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (Number.isInteger(v)) return 'integer';
  return typeof v === 'number' ? 'number' : typeof v;
}

function infer(values) {
  const types = [...new Set(values.map(typeOf))];
  if (types.length === 2 && types.includes('integer') && types.includes('number')) return { type: 'number' };
  if (types.length > 1) return { type: types.sort() };
  const [t] = types;
  if (t === 'object') {
    const keys = [...new Set(values.flatMap((v) => Object.keys(v)))];
    const properties = {};
    for (const k of keys) properties[k] = infer(values.filter((v) => k in v).map((v) => v[k]));
    const required = keys.filter((k) => values.every((v) => k in v));
    return { type: 'object', ...(required.length ? { required } : {}), properties };
  }
  if (t === 'array') {
    const items = values.flat();
    return items.length ? { type: 'array', items: infer(items) } : { type: 'array' };
  }
  return { type: t };
}

// Operations answering with the same thing share one schema (named here); every other answer gets a
// schema of its own, named after its operationId.
const shared = {
  Listing: ['GET /api/v1/products 200', 'GET /api/v1/search 200'],
  Order: ['POST /api/v1/orders 201', 'GET /api/v1/orders/{number} 200', 'POST /api/v1/orders/{number}/cancel 200',
          'PUT /api/v1/operator/orders/{number}/status 200'],
  Cart: ['GET /api/v1/cart 200', 'PATCH /api/v1/cart/lines/{id} 200', 'DELETE /api/v1/cart/lines/{id} 200'],
  Photos: ['GET /api/v1/console/products/{slug}/photos 200', 'PUT /api/v1/console/products/{slug}/photos 200',
           'DELETE /api/v1/console/products/{slug}/photos/{id} 200'],
  Staff: ['GET /api/v1/console/staff 200', 'DELETE /api/v1/console/staff/invitations/{id} 200',
          'DELETE /api/v1/console/staff/members/{id} 200'],
  Settlements: ['GET /api/v1/console/settlements 200', 'GET /api/v1/operator/settlements/{slug} 200'],
  Brand: ['GET /api/v1/operator/brand 200', 'PUT /api/v1/operator/brand 200'],
};
const nameOf = new Map();
for (const [name, keys] of Object.entries(shared)) for (const k of keys) nameOf.set(k, name);
const groups = new Map();
for (const [k, values] of samples) {
  const [method, path, status] = k.split(' ');
  const op = doc.paths[path][method.toLowerCase()];
  const name = nameOf.get(k) || op.operationId[0].toUpperCase() + op.operationId.slice(1) + (status === '200' ? '' : status);
  if (!groups.has(name)) groups.set(name, { values: [], answers: [] });
  groups.get(name).values.push(...values);
  groups.get(name).answers.push([`${method} ${path}`, status]);
}
const contract = { components: { schemas: {} }, operations: {} };
for (const [name, { values, answers }] of [...groups].sort()) {
  contract.components.schemas[name] = infer(values);
  for (const [op, status] of answers) {
    contract.operations[op] ??= { responses: {} };
    contract.operations[op].responses[status] = { $ref: `#/components/schemas/${name}` };
  }
}
console.log(JSON.stringify(contract, null, 1));
