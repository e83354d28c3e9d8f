// make audit: Lighthouse 12.2.3 on the storefront's key pages (home, listing, product, search, checkout)
// with its phone and desktop settings, against the release build serving demo data, in Debian's
// chromium. Prints a Markdown table for docs/PERFORMANCE.md and fails when a category scores under
// AUDIT_MIN (default 90).
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../e2e/server.js';

const minimum = Number(process.env.AUDIT_MIN || 90);
const server = await startServer();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const rows = [];
let failed = false;
try {
  // A cart with one piece, so that the checkout page has something to show.
  const shop = await (await fetch(`${server.url}/api/v1/products?per_page=1`)).json();
  const product = await (await fetch(`${server.url}/api/v1/products/${shop.cards[0].slug}`)).json();
  const variant = product.variants.find((v) => v.stock > 0) || product.variants[0];
  const added = await fetch(`${server.url}/api/v1/cart/lines`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ variant_id: variant.id }),
  });
  const cart = added.headers.get('x-cart-token');
  const pages = [['home', '/'], ['listing', '/shop'], ['product', `/products/${shop.cards[0].slug}`],
                 ['search', '/search?q=%EB%B0%98%EC%A7%80'], ['checkout', '/checkout']];
  for (const [device, config] of [['phone', undefined], ['desktop', desktopConfig]]) {
    for (const [name, path] of pages) {
      const result = await lighthouse(`${server.url}${path}`, {
        port: chrome.port, output: 'json', logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        // As a Korean shopper's browser asks (the store's first language; English has its /en/ URLs).
        extraHeaders: { 'Accept-Language': 'ko-KR,ko;q=0.9', ...(name === 'checkout' ? { Cookie: `cart=${cart}` } : {}) },
      }, config);
      const c = result.lhr.categories;
      const scores = ['performance', 'accessibility', 'best-practices', 'seo'].map((k) => Math.round(c[k].score * 100));
      const lcp = result.lhr.audits['largest-contentful-paint'].displayValue;
      const cls = result.lhr.audits['cumulative-layout-shift'].displayValue;
      rows.push(`| ${name} | ${device} | ${scores.join(' | ')} | ${lcp} | ${cls} |`);
      // SEO is not asked of search results and checkout: they are noindex on purpose.
      const indexed = name !== 'checkout' && name !== 'search';
      if (scores.some((s, i) => s < minimum && (indexed || i !== 3))) failed = true;
    }
  }
} finally {
  await chrome.kill();
  await server.stop();
}
console.log('| page | device | performance | accessibility | best practices | SEO | LCP | CLS |');
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
if (failed) {
  console.error(`a score is under ${minimum}`);
  process.exit(1);
}
