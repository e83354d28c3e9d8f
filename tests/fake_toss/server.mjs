// A stand-in for Toss Payments' public v1 API and its payment window, for tests and `make run`'s demo.
// It follows the documented requests and answers (Basic auth with the secret key, Idempotency-Key,
// the Payment object, { code, message } errors) closely enough to exercise our client, and adds a
// control API (/__control/...) that tests use to make the next confirm decline, time out, or apply and
// then never answer, to send webhooks, and to deposit into a virtual account (its callback sent). No real money moves: the window says so on every page.
//
//   node tests/fake_toss/server.mjs [--port 0] [--host 127.0.0.1] [--secret-key test_sk_...] [--client-key test_ck_...]
// Prints "fake toss listening on http://HOST:PORT" once it listens.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const host = args.host || '127.0.0.1';
const secretKey = args['secret-key'] || 'test_sk_brilliant_demo';
const clientKey = args['client-key'] || 'test_ck_brilliant_demo';

const payments = new Map();  // paymentKey -> Payment
const byOrder = new Map();   // orderId -> paymentKey
const idempotent = new Map();  // Idempotency-Key -> { status, body }
const hung = new Set();      // responses held open (timeouts)
let nextConfirm = [];        // modes for the coming confirms: 'timeout' | 'apply_then_hang' | 'error'
const calls = [];            // every API call, for tests to read

const seoulNow = () => new Date(Date.now() + 9 * 3600e3).toISOString().replace('Z', '+09:00');
const key = (n) => randomBytes(n).toString('base64url').slice(0, n);

function send(res, status, body, type = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
const fail = (res, status, code, message) => send(res, status, { code, message });
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const readBody = (req) => new Promise((ok) => {
  let data = '';
  req.on('data', (d) => { data += d; });
  req.on('end', () => ok(data));
});

function newPayment(orderId, orderName, amount, card) {
  const p = {
    mId: 'tbrilliant', version: '2022-11-16', lastTransactionKey: key(32), paymentKey: `tbril${key(30)}`,
    orderId, orderName, status: 'IN_PROGRESS', requestedAt: seoulNow(), approvedAt: null, useEscrow: false,
    cultureExpense: false, type: 'NORMAL', method: '카드', currency: 'KRW', country: 'KR',
    totalAmount: amount, balanceAmount: amount, suppliedAmount: Math.round(amount / 1.1),
    vat: amount - Math.round(amount / 1.1), taxFreeAmount: 0, taxExemptionAmount: 0, isPartialCancelable: true,
    card: { issuerCode: '4V', acquirerCode: '21', number: card.replace(/\D/g, '').replace(/^(\d{6})\d{6}/, '$1******'),
            installmentPlanMonths: 0, approveNo: '', cardType: '신용', ownerType: '개인', acquireStatus: 'READY' },
    cancels: null, secret: `ps_${key(20)}`, receipt: null, easyPay: null, failure: null,
  };
  payments.set(p.paymentKey, p);
  byOrder.set(orderId, p.paymentKey);
  return p;
}

// A virtual account (가상계좌): waiting for the deposit, with an account number and the secret that the
// deposit callbacks carry.
function issueAccount(res, body) {
  if (!body.orderId || !(Number(body.amount) > 0) || !body.bank || !body.customerName)
    return fail(res, 400, 'INVALID_REQUEST', 'orderId, amount, bank and customerName are required');
  if (byOrder.has(body.orderId)) return fail(res, 400, 'DUPLICATED_ORDER_ID', '이미 승인 및 취소가 진행된 중복된 주문번호 입니다.');
  const p = newPayment(body.orderId, body.orderName, Number(body.amount), '');
  p.method = '가상계좌';
  p.status = 'WAITING_FOR_DEPOSIT';
  p.card = null;
  const due = new Date(Date.now() + (Number(body.validHours) || 168) * 3600e3 + 9 * 3600e3);
  p.virtualAccount = { accountType: '일반', accountNumber: `${String(Date.now()).slice(-8)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    bankCode: body.bank, customerName: body.customerName, dueDate: due.toISOString().replace(/\.\d+Z$/, '+09:00'),
    refundStatus: 'NONE', expired: false, settlementStatus: 'INCOMPLETED' };
  p.cashReceipt = body.cashReceipt || null;
  send(res, 200, p);
}

function authorized(req) {
  const expected = 'Basic ' + Buffer.from(`${secretKey}:`).toString('base64');
  return req.headers.authorization === expected;
}

function confirm(res, body) {
  const p = payments.get(body.paymentKey);
  if (!p || p.orderId !== body.orderId) return fail(res, 404, 'NOT_FOUND_PAYMENT_SESSION', '결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다.');
  if (Number(body.amount) !== p.totalAmount) return fail(res, 400, 'INVALID_REQUEST', '결제 금액이 일치하지 않습니다.');
  if (p.status === 'DONE') return fail(res, 400, 'ALREADY_PROCESSED_PAYMENT', '이미 처리된 결제 입니다.');
  if (p.status !== 'IN_PROGRESS') return fail(res, 400, 'INVALID_REQUEST', `payment is ${p.status}`);
  if (p.card.number.endsWith('0003')) {
    p.status = 'ABORTED';
    p.failure = { code: 'REJECT_CARD_PAYMENT', message: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.' };
    return fail(res, 403, p.failure.code, p.failure.message);
  }
  const mode = nextConfirm.shift();
  if (mode === 'timeout') { hung.add(res); return; }
  if (mode === 'error') return fail(res, 500, 'FAILED_INTERNAL_SYSTEM_PROCESSING', '내부 시스템 처리 작업이 실패했습니다.');
  p.status = 'DONE';
  p.approvedAt = seoulNow();
  p.card.approveNo = String(10000000 + Math.floor(Math.random() * 89999999));
  p.card.acquireStatus = 'COMPLETED';
  p.receipt = { url: `http://${host}/receipt/${p.paymentKey}` };
  if (mode === 'apply_then_hang') { hung.add(res); return; }
  send(res, 200, p);
}

function cancel(res, p, body) {
  if (!p) return fail(res, 404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.');
  if (p.status === 'CANCELED') return fail(res, 400, 'ALREADY_CANCELED_PAYMENT', '이미 취소된 결제 입니다.');
  if (p.status !== 'DONE' && p.status !== 'PARTIAL_CANCELED') return fail(res, 403, 'NOT_CANCELABLE_PAYMENT', '취소 할 수 없는 결제 입니다.');
  if (!body.cancelReason) return fail(res, 400, 'INVALID_REQUEST', 'cancelReason is required');
  // A virtual account's money goes back to a bank account the merchant names (refundReceiveAccount).
  const to = body.refundReceiveAccount;
  if (p.method === '가상계좌' && !(to && /^\d{2,3}$/.test(to.bank || '') && /^\d{6,20}$/.test(to.accountNumber || '')))
    return fail(res, 400, 'INVALID_REFUND_ACCOUNT_INFO', '환불 계좌 정보가 유효하지 않습니다.');
  const amount = body.cancelAmount === undefined ? p.balanceAmount : Number(body.cancelAmount);
  if (!(amount > 0) || amount > p.balanceAmount) return fail(res, 403, 'NOT_CANCELABLE_AMOUNT', '취소 할 수 없는 금액 입니다.');
  p.balanceAmount -= amount;
  p.status = p.balanceAmount === 0 ? 'CANCELED' : 'PARTIAL_CANCELED';
  p.cancels = [...(p.cancels || []), { transactionKey: key(32), cancelReason: body.cancelReason, taxExemptionAmount: 0,
    canceledAt: seoulNow(), cancelAmount: amount, refundableAmount: p.balanceAmount, cancelStatus: 'DONE',
    ...(to ? { refundReceiveAccount: to } : {}) }];
  send(res, 200, p);
}

// The payment window: what Toss's JS SDK opens, reduced to a card form. It redirects to successUrl with
// paymentKey, orderId and amount, or to failUrl with code, message and orderId.
function windowPage(url, res) {
  const q = Object.fromEntries(url.searchParams);
  if (q.clientKey !== clientKey) return send(res, 400, `<p>unknown clientKey</p>`, 'text/html');
  const amount = Number(q.amount);
  const hidden = ['orderId', 'orderName', 'amount', 'successUrl', 'failUrl', 'customerName']
    .map((k) => `<input type="hidden" name="${k}" value="${escape(q[k] || '')}">`).join('');
  send(res, 200, `<!doctype html><html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>테스트 결제창 · Test payment</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#191f28}
.test{background:#fff4cc;border:2px solid #e0a800;padding:.75rem 1rem;border-radius:.5rem;font-weight:600}
label{display:block;margin:1rem 0 .25rem}input[type=text]{width:100%;padding:.75rem;font-size:1.1rem;box-sizing:border-box}
button{margin-top:1rem;width:100%;padding:1rem;font-size:1.1rem;border:0;border-radius:.5rem;background:#3182f6;color:#fff}
button.ghost{background:#e5e8eb;color:#191f28}</style></head><body>
<p class="test" role="note">테스트 결제입니다 · TEST card payment: no real money moves.</p>
<h1>${escape(q.orderName || '')}</h1><p>${escape(q.orderId || '')}</p>
<p id="amount"><strong>${amount.toLocaleString('ko-KR')}원</strong></p>
<form method="post" action="/window/approve">${hidden}
<label for="card">카드 번호 · Card number</label>
<input type="text" id="card" name="card" value="4330-1234-5678-1234" inputmode="numeric" autocomplete="off">
<p><small>…0002: declined in the window · …0003: declined at confirmation</small></p>
<button type="submit" id="pay">결제하기 · Pay</button></form>
<form method="post" action="/window/cancel">${hidden}<button class="ghost" type="submit" id="give-up">취소 · Cancel</button></form>
</body></html>`, 'text/html');
}

const redirect = (res, to) => { res.writeHead(303, { Location: to }); res.end(); };
const withQuery = (base, params) => base + (base.includes('?') ? '&' : '?') + new URLSearchParams(params);

async function windowAction(req, res, action) {
  const f = Object.fromEntries(new URLSearchParams(await readBody(req)));
  if (action === 'cancel')
    return redirect(res, withQuery(f.failUrl, { code: 'PAY_PROCESS_CANCELED', message: '사용자에 의해 결제가 취소되었습니다.', orderId: f.orderId }));
  if ((f.card || '').replace(/\D/g, '').endsWith('0002'))
    return redirect(res, withQuery(f.failUrl, { code: 'REJECT_CARD_COMPANY', message: '카드사에서 결제를 거절했습니다.', orderId: f.orderId }));
  const existing = payments.get(byOrder.get(f.orderId));
  if (existing && existing.status === 'DONE')
    return redirect(res, withQuery(f.failUrl, { code: 'DUPLICATED_ORDER_ID', message: '이미 승인 및 취소가 진행된 중복된 주문번호 입니다.', orderId: f.orderId }));
  const p = newPayment(f.orderId, f.orderName, Number(f.amount), f.card || '');
  redirect(res, withQuery(f.successUrl, { paymentType: 'NORMAL', orderId: p.orderId, paymentKey: p.paymentKey, amount: p.totalAmount }));
}

async function postJson(url, body) {
  try {
    const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, body: await r.text() };
  } catch (e) {
    return { status: 0, body: String(e) };
  }
}

async function control(req, res, path) {
  const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || '{}') : {};
  if (path === '/__control/next-confirm') { nextConfirm.push(body.mode); return send(res, 200, { queued: nextConfirm }); }
  if (path === '/__control/release') {  // answers every held response with a gateway timeout
    for (const r of hung) fail(r, 504, 'FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING', 'timeout');
    hung.clear();
    return send(res, 200, {});
  }
  if (path === '/__control/calls') return send(res, 200, calls);
  if (path.startsWith('/__control/orders/')) {
    const p = payments.get(byOrder.get(decodeURIComponent(path.slice('/__control/orders/'.length))));
    return p ? send(res, 200, p) : fail(res, 404, 'NOT_FOUND_PAYMENT', 'no such order');
  }
  if (path === '/__control/pay') {  // a window approval without a browser: returns the success redirect's query
    const p = newPayment(body.orderId, body.orderName || 'order', Number(body.amount), body.card || '4330-1234-5678-1234');
    return send(res, 200, { paymentKey: p.paymentKey, orderId: p.orderId, amount: p.totalAmount });
  }
  if (path === '/__control/status') {  // the provider changes a payment on its side (e.g. cancelled in its console)
    const p = payments.get(byOrder.get(body.orderId));
    if (!p) return fail(res, 404, 'NOT_FOUND_PAYMENT', 'no such order');
    p.status = body.status;
    if (body.status === 'CANCELED') p.balanceAmount = 0;
    return send(res, 200, p);
  }
  if (path === '/__control/deposit') {  // the money reached an account: the payment done, the callback sent
    const p = payments.get(byOrder.get(body.orderId));
    if (!p || !p.virtualAccount) return fail(res, 404, 'NOT_FOUND_PAYMENT', 'no virtual account for that order');
    p.status = 'DONE';
    p.approvedAt = seoulNow();
    const answers = [];
    for (let i = 0; i < (body.times || 1); i++)
      answers.push(await postJson(body.url, { createdAt: new Date().toISOString().slice(0, 23), secret: body.secret || p.secret,
                                              status: 'DONE', transactionKey: p.lastTransactionKey, orderId: p.orderId }));
    return send(res, 200, answers);
  }
  if (path === '/__control/webhook') {  // sends PAYMENT_STATUS_CHANGED for an order's payment, `times` times
    const p = payments.get(byOrder.get(body.orderId));
    const data = p || { orderId: body.orderId, paymentKey: 'tbril-unknown', status: 'DONE', totalAmount: body.amount || 1 };
    const answers = [];
    for (let i = 0; i < (body.times || 1); i++)
      answers.push(await postJson(body.url, { eventType: 'PAYMENT_STATUS_CHANGED', createdAt: new Date().toISOString(), data: { ...data, ...(body.override || {}) } }));
    return send(res, 200, answers);
  }
  fail(res, 404, 'NOT_FOUND', path);
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const path = url.pathname;
  try {
    if (path === '/window' && req.method === 'GET') return windowPage(url, res);
    if (path === '/window/approve' && req.method === 'POST') return await windowAction(req, res, 'approve');
    if (path === '/window/cancel' && req.method === 'POST') return await windowAction(req, res, 'cancel');
    if (path.startsWith('/__control/')) return await control(req, res, path);
    if (!path.startsWith('/v1/')) return fail(res, 404, 'NOT_FOUND', path);
    const text = await readBody(req);
    calls.push({ method: req.method, path, body: text, idempotencyKey: req.headers['idempotency-key'] || '' });
    if (!authorized(req)) return fail(res, 401, 'UNAUTHORIZED_KEY', '인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.');
    const idem = req.method === 'POST' ? req.headers['idempotency-key'] : undefined;
    if (idem && idempotent.has(idem)) {
      const kept = idempotent.get(idem);
      return send(res, kept.status, kept.body);
    }
    if (idem) {  // remember the answer to replay it for the same key
      const original = res.end.bind(res);
      let status = 200;
      const writeHead = res.writeHead.bind(res);
      res.writeHead = (s, h) => { status = s; return writeHead(s, h); };
      res.end = (chunk) => { if (status < 500) idempotent.set(idem, { status, body: chunk ? String(chunk) : '' }); return original(chunk); };
    }
    const body = text ? JSON.parse(text) : {};
    if (path === '/v1/payments/confirm' && req.method === 'POST') return confirm(res, body);
    if (path === '/v1/virtual-accounts' && req.method === 'POST') return issueAccount(res, body);
    let m = path.match(/^\/v1\/payments\/orders\/([^/]+)$/);
    if (m && req.method === 'GET') {
      const p = payments.get(byOrder.get(decodeURIComponent(m[1])));
      return p ? send(res, 200, p) : fail(res, 404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.');
    }
    m = path.match(/^\/v1\/payments\/([^/]+)\/cancel$/);
    if (m && req.method === 'POST') return cancel(res, payments.get(decodeURIComponent(m[1])), body);
    m = path.match(/^\/v1\/payments\/([^/]+)$/);
    if (m && req.method === 'GET') {
      const p = payments.get(decodeURIComponent(m[1]));
      return p ? send(res, 200, p) : fail(res, 404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.');
    }
    fail(res, 404, 'NOT_FOUND', path);
  } catch (e) {
    fail(res, 400, 'INVALID_REQUEST', String(e.message || e));
  }
});

server.listen(Number(args.port || 0), host, () => {
  console.log(`fake toss listening on http://${host}:${server.address().port}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => { for (const r of hung) r.destroy(); server.close(); process.exit(0); });
