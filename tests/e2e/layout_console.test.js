// The workshops', the auditor's and the studio station's pages on a phone and a desktop, as their demo
// accounts see them (the check: layout_accounts.js; the operator's pages: layout_operator.test.js; the
// storefront's: layout.test.js).
import { layoutTests } from './layout_accounts.js';

layoutTests('console, audit and station pages', [
  ['maker@brilliant.example', ['/console', '/console/products', '/console/products/new', '/console/stock',
    '/console/orders', '/console/settlements', '/console/staff', '/console/profile', '/console/seller',
    '/console/audit', '/console/import', '/console/live', '/account']],
  ['auditor@brilliant.example', ['/audit']],
  ['station@brilliant.example', ['/station', '/station/intake', '/station/returns']],
]);
