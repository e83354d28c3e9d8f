// The booth app (issue 19): leads are saved on the phone first (IndexedDB) and sent when the network allows,
// so a hall without signal loses nothing. Each lead carries an id made here, so a send that is retried never
// adds it twice; the server keeps an edit made on a stale copy beside the current one and says so (409).
// A business card's QR code (vCard or MECARD) fills the fields. A service worker keeps the page itself
// available offline.
// The layout's CSRF token (app.js has the same; importing it would run that module twice).
const csrfToken = () => document.querySelector('meta[name="csrf-token"]')?.content || '';

const root = document.querySelector('[data-booth]');
const form = document.getElementById('lead-form');
const status = document.getElementById('sync-status');
const slug = root?.dataset.booth;

function openQueue() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('brilliant-booth', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('leads', { keyPath: 'client_id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function store(mode, work) {
  const db = await openQueue();
  return new Promise((resolve, reject) => {
    const tx = db.transaction('leads', mode);
    const result = work(tx.objectStore('leads'));
    tx.oncomplete = () => resolve(result.result ?? result);
    tx.onerror = () => reject(tx.error);
  });
}

const queued = () => store('readonly', (s) => s.getAll());

function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function show(extra) {
  const pending = (await queued()).filter((lead) => lead.slug === slug);
  const conflicts = pending.filter((lead) => lead.conflict).length;
  let text = pending.length ? `${status.dataset.pending} ${pending.length}` : status.dataset.done;
  if (!navigator.onLine && pending.length) text += ` · ${status.dataset.offline}`;
  if (conflicts) text += ` · ${status.dataset.conflict}`;
  status.textContent = extra ? `${text} · ${extra}` : text;
  status.dataset.count = String(pending.length);
}

// One send at a time. A request to send that arrives during one (the 'online' event while the send begun
// offline is still failing, a lead saved meanwhile) runs again right after it, so nothing waits for the next
// event; a send the network refused is tried again with a growing pause while the phone thinks it is online.
let syncing = false;
let again = false;
let retry = null;
let pause = 2000;

async function sync() {
  if (!slug) return;
  if (syncing) {
    again = true;
    return;
  }
  syncing = true;
  again = false;
  clearTimeout(retry);
  let unreachable = false;
  try {
    unreachable = await sendQueued();
  } finally {
    syncing = false;
    await show();
  }
  if (again) return sync();
  if (!unreachable) pause = 2000;
  else if (navigator.onLine) {
    retry = setTimeout(sync, pause);
    pause = Math.min(pause * 2, 60000);
  }
}

// Sends every lead waiting for this booth; true when the network (or the server) was not reachable.
async function sendQueued() {
  for (const lead of await queued()) {
    if (lead.slug !== slug || lead.conflict) continue;
    const { slug: _, conflict: __, ...body } = lead;
    let response;
    try {
      response = await fetch(`/api/v1/exhibitions/${slug}/leads`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() },
        credentials: 'same-origin',
        body: JSON.stringify(body),
      });
    } catch {
      return true;
    }
    if (response.status === 200 || response.status === 201) {
      await store('readwrite', (s) => s.delete(lead.client_id));
      addToList(await response.json());
    } else if (response.status >= 400 && response.status < 500) {
      // 409 (edited on a stale copy) and any other refusal: kept on the phone, marked for a person to look at.
      await store('readwrite', (s) => s.put({ ...lead, conflict: true }));
    } else {
      return true;
    }
  }
  return false;
}

function addToList(lead) {
  const list = document.getElementById('lead-list');
  if (!list || document.getElementById(`lead-${lead.id}`)) return;
  document.getElementById('no-leads')?.remove();
  const item = document.createElement('li');
  item.id = `lead-${lead.id}`;
  const name = document.createElement('strong');
  name.textContent = lead.name;
  const more = document.createElement('span');
  more.className = 'muted';
  more.textContent = ` ${lead.company} ${lead.country}`;
  item.append(name, more);
  list.append(item);
}

// vCard 3/4 (FN, ORG, EMAIL, TEL, ADR's country) or MECARD (N, ORG, EMAIL, TEL).
export function parseCard(text) {
  const out = {};
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  if (/^MECARD:/i.test(unfolded.trim())) {
    for (const part of unfolded.trim().slice(7).split(/(?<!\\);/)) {
      const [key, ...rest] = part.split(':');
      const value = rest.join(':').replace(/\\([;:,\\])/g, '$1').trim();
      if (key === 'N') out.name = value.split(',').reverse().join(' ').trim();
      if (key === 'ORG') out.company = value;
      if (key === 'EMAIL' && !out.email) out.email = value;
      if (key === 'TEL' && !out.phone) out.phone = value;
    }
    return out;
  }
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).split(';')[0].toUpperCase();
    const value = line.slice(colon + 1).replace(/\\([;:,\\])/g, '$1').trim();
    if (key === 'FN') out.name = value;
    if (key === 'ORG') out.company = value.split(';')[0];
    if (key === 'EMAIL' && !out.email) out.email = value;
    if (key === 'TEL' && !out.phone) out.phone = value;
    if (key === 'ADR') {
      const country = value.split(';')[6]?.trim();
      if (country && country.length === 2) out.country = country.toUpperCase();
    }
  }
  return out;
}

if (form && slug) {
  document.getElementById('card')?.addEventListener('change', (event) => {
    const card = parseCard(event.target.value);
    for (const [field, value] of Object.entries(card)) {
      const input = form.elements[field];
      if (input && value) input.value = value;
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const lead = {
      slug,
      client_id: newId(),
      base_version: 0,
      name: data.get('name') || '',
      company: data.get('company') || '',
      email: data.get('email') || '',
      phone: data.get('phone') || '',
      country: data.get('country') || '',
      notes: data.get('notes') || '',
      rating: Number(data.get('rating') || 0),
      consent: data.get('consent') === '1',
      interests: data.getAll('interest').map(Number),
      captured_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    };
    if (!lead.name.trim()) {
      form.elements.name.focus();
      return;
    }
    await store('readwrite', (s) => s.put(lead));
    form.reset();
    for (const button of form.querySelectorAll('button')) button.disabled = false;
    await show();
    sync();
  });
  window.addEventListener('online', sync);
  window.addEventListener('offline', () => show());
  show().then(sync);
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/static/js/booth-sw.js', { scope: '/exhibitions/' }).catch(() => {});
}
