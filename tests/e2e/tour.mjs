// Screenshots of public pages for people to look at (not a test): node tests/e2e/tour.mjs URL OUTDIR
import { screenshots } from './shots.mjs';
const [,, url, out] = process.argv;
await screenshots(url, out, '-', ['/', '/shop', '/products/dewdrop-14k-rose-gold-amethyst-earrings-1', '/workshops',
  '/workshops/mireuk-jewelry', '/eco', '/certificates', '/live', '/academy', '/join', '/cart', '/login',
  '/en/', '/en/products/pine-needle-14k-gold-moissanite-necklace-4', '/en/certificates', '/en/eco']);
