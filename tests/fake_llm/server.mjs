// A stand-in for an OpenAI-compatible chat-completions server (a local model server), for the copy
// assistant's tests: POST /v1/chat/completions answers with the content the test queued through
// POST /__control/next ({ "content": "..." } or { "status": 503 }), or, with nothing queued, a draft made
// from the facts in the request (so the demo has something). GET /__control/calls: the requests received.
//
//   node tests/fake_llm/server.mjs [--port 0] [--host 127.0.0.1]
// Prints "fake llm listening on http://HOST:PORT" once it listens.
import { createServer } from 'node:http';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const host = args.host || '127.0.0.1';
const queued = [];
const calls = [];

const send = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
};
const readBody = (req) => new Promise((ok) => {
  let data = '';
  req.on('data', (d) => { data += d; });
  req.on('end', () => ok(data));
});

// A plain draft from the facts, as a careful model would write it.
function draft(facts) {
  const karat = { 999: '24K', 750: '18K', 585: '14K' }[facts.purity_per_mille] || String(facts.purity_per_mille);
  const lab = (facts.stones || []).some((s) => s.origin === 'lab_grown');
  return {
    title_ko: `${karat} ${facts.category === 'ring' ? '반지' : '주얼리'}`,
    title_en: `${karat} ${facts.category === 'ring' ? 'Ring' : 'Jewellery'}`,
    description_ko: `${facts.workshop_ko}에서 만든 작품입니다.${lab ? ' 랩그로운 보석을 썼습니다.' : ''}`,
    description_en: `Made at ${facts.workshop_en}.${lab ? ' Set with lab-grown stones.' : ''}`,
  };
}

const server = createServer(async (req, res) => {
  const text = await readBody(req);
  const body = text ? JSON.parse(text) : {};
  if (req.url === '/__control/next') { queued.push(body); return send(res, 200, { queued: queued.length }); }
  if (req.url === '/__control/calls') return send(res, 200, calls);
  if (req.method === 'POST' && req.url === '/v1/chat/completions') {
    calls.push({ authorization: req.headers.authorization || '', body });
    const next = queued.shift();
    if (next?.status) return send(res, next.status, { error: { message: 'unavailable' } });
    const facts = JSON.parse(body.messages.at(-1).content);
    const content = next?.content ?? JSON.stringify(draft(facts));
    return send(res, 200, {
      id: `chatcmpl-${calls.length}`, object: 'chat.completion', model: body.model,
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    });
  }
  send(res, 404, { error: { message: 'not found' } });
});
server.listen(Number(args.port || 0), host, () => {
  console.log(`fake llm listening on http://${host}:${server.address().port}`);
});
