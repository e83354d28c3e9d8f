// The hub operator's pages on a phone and a desktop, as the demo operator sees them (the check:
// layout_accounts.js; the workshops', auditor's and station's pages: layout_console.test.js).
import { layoutTests } from './layout_accounts.js';

layoutTests('operator pages', [
  ['operator@brilliant.example', ['/operator', '/operator/orders', '/operator/reviews', '/operator/applications',
    '/operator/workshops', '/operator/settlements', '/operator/pricing', '/operator/brand', '/operator/legal',
    '/operator/audit', '/operator/channels', '/operator/marketing', '/operator/deposits', '/operator/buyers',
    '/operator/certification', '/operator/exhibitions', '/operator/live', '/operator/academy',
    '/operator/marketing/customers', '/operator/marketing/campaigns', '/operator/marketing/campaigns/1',
    '/operator/marketing/coupons']],
]);
