// In-page verification of an eco certificate (issue 11), trusting nothing but the issuer's key shown on
// the page: the eddsa-jcs-2022 signature over the JCS (RFC 8785) form of the credential, the signed log
// checkpoint, the RFC 9162 inclusion proof and that the logged entry names this credential. WebCrypto's
// Ed25519 does the signatures; a browser without it is told so, never shown a false "verified".
const box = document.getElementById('verify');
const texts = Object.fromEntries([...document.getElementById('verify-texts').content.querySelectorAll('[data-k]')]
  .map((e) => [e.dataset.k, e.textContent]));
const enc = new TextEncoder();

// RFC 8785: for JSON with strings, integers and literals, JSON.stringify's serialisation is JCS's; keys
// are sorted by UTF-16 code units, which is how JavaScript compares strings.
function jcs(v) {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(jcs).join(',')}]`;
  return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${jcs(v[k])}`).join(',')}}`;
}
const sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
const concat = (...parts) => { const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0)); let i = 0; for (const p of parts) { out.set(p, i); i += p.length; } return out; };
const b64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(text) {
  let n = 0n;
  for (const c of text) { const d = ALPHABET.indexOf(c); if (d < 0) throw new Error('base58'); n = n * 58n + BigInt(d); }
  const out = [];
  while (n > 0n) { out.unshift(Number(n % 256n)); n /= 256n; }
  for (const c of text) { if (c !== '1') break; out.unshift(0); }
  return new Uint8Array(out);
}
async function ed25519(publicKey, signature, data) {
  const key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, signature, data);
}

// RFC 9162 §2.1.3.2: the root an audit path leads to from a leaf.
async function rootFromPath(index, size, leaf, path) {
  if (index >= size) return null;
  let fn = index, sn = size - 1, r = leaf;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(concat(Uint8Array.of(1), p, r));
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else {
      r = await sha256(concat(Uint8Array.of(1), r, p));
    }
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

async function run() {
  const state = box.querySelector('.verify-state');
  const list = box.querySelector('.verify-checks');
  const report = (name, ok) => { const li = document.createElement('li'); li.textContent = texts[name]; if (!ok) li.className = 'fail'; li.dataset.check = name; list.append(li); return ok; };
  try {
    const multikey = base58(box.dataset.key.slice(1));
    const publicKey = multikey.slice(2);  // after the ed25519-pub multicodec prefix 0xed 0x01
    try { await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']); } catch {
      state.dataset.state = 'unsupported'; state.textContent = texts.unsupported; return;
    }
    const [credential, bundle] = await Promise.all([fetch(box.dataset.credential).then((r) => r.json()), fetch(box.dataset.proof).then((r) => r.json())]);
    // eddsa-jcs-2022: SHA-256(JCS(proof options with the document's @context)) || SHA-256(JCS(document)).
    const { proof, ...document } = credential;
    const { proofValue, ...options } = proof;
    if (document['@context']) options['@context'] = document['@context'];
    const data = concat(await sha256(enc.encode(jcs(options))), await sha256(enc.encode(jcs(document))));
    let ok = report('signature', proofValue.startsWith('z') && await ed25519(publicKey, base58(proofValue.slice(1)), data));
    // The checkpoint: a signed note whose body is origin, size and base64 root.
    const note = bundle.checkpoint.note;
    const split = note.indexOf('\n\n');
    const body = note.slice(0, split + 1);
    const [, size, root] = body.split('\n');
    const sigLine = note.slice(split + 2).split('\n')[0];
    const sig = b64(sigLine.slice(sigLine.lastIndexOf(' ') + 1)).slice(4);
    ok = report('checkpoint', await ed25519(publicKey, sig, enc.encode(body))) && ok;
    const entry = b64(bundle.entry);
    const leaf = await sha256(concat(Uint8Array.of(0), entry));
    const computed = await rootFromPath(bundle.leaf_index, Number(size), leaf, bundle.path.map(b64));
    ok = report('inclusion', computed !== null && same(computed, b64(root))) && ok;
    const logged = JSON.parse(new TextDecoder().decode(entry));
    ok = report('entry', logged.credential_sha256 === hex(await sha256(enc.encode(jcs(credential))))) && ok;
    state.dataset.state = ok ? 'ok' : 'fail';
    state.textContent = ok ? texts.ok : texts.fail;
  } catch (e) {
    state.dataset.state = 'fail';
    state.textContent = `${texts.fail} (${e.message})`;
  }
}
if (box) run();
