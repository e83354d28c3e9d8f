// Finds the operation of an OpenAPI document that answers a method and a concrete path
// ("/api/v1/orders/BR-1" -> "GET /api/v1/orders/{number}"); null when none does.
export function operationKey(doc, method, path) {
  const m = method.toLowerCase();
  let best = null;
  for (const template of Object.keys(doc.paths)) {
    if (!doc.paths[template][m]) continue;
    const re = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (!re.test(path)) continue;
    // A literal segment beats a parameter: /api/v1/products/import before /api/v1/products/{slug}.
    const literal = template.split('/').filter((s) => !s.startsWith('{')).length;
    if (!best || literal > best.literal) best = { key: `${method.toUpperCase()} ${template}`, literal };
  }
  return best ? best.key : null;
}
