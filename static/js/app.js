// Progressive enhancement only: every page works without this file.
// JSON calls from pages send the CSRF token the layout puts in <meta name="csrf-token">.
export function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : '';
}

export async function postJSON(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  return { status: response.status, body: await response.json() };
}

// Avoid double submits: disable a form's buttons once it is sent.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
  setTimeout(() => form.querySelectorAll('button[type="submit"]').forEach((b) => { b.disabled = true; }), 0);
});

// Variant picker: show the chosen option's price and stock.
for (const form of document.querySelectorAll('.add-form')) {
  form.addEventListener('change', (event) => {
    const input = event.target;
    if (input.name !== 'variant_id') return;
    const price = document.getElementById('price');
    const stock = document.getElementById('variant-stock');
    if (price && input.dataset.price) price.textContent = input.dataset.price;
    if (stock) stock.textContent = input.dataset.stock || '';
  });
}

// Filters start folded on phones (the products come first); open on wider screens and without script.
for (const box of document.querySelectorAll('.facets-box')) {
  if (window.matchMedia('(max-width: 899px)').matches) box.open = false;
}

// Gallery zoom: click to magnify around the pointer, click again to return.
for (const figure of document.querySelectorAll('.gallery-main')) {
  figure.addEventListener('click', (event) => {
    const rect = figure.getBoundingClientRect();
    figure.style.setProperty('--zx', `${((event.clientX - rect.left) / rect.width) * 100}%`);
    figure.style.setProperty('--zy', `${((event.clientY - rect.top) / rect.height) * 100}%`);
    figure.classList.toggle('is-zoomed');
  });
}

// Search suggestions as you type.
for (const input of document.querySelectorAll('input[data-suggest]')) {
  const list = input.parentElement.querySelector('.suggestions');
  let timer;
  let last = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (q === last) return;
      last = q;
      if (q.length < 1) { list.hidden = true; return; }
      const response = await fetch(`${input.dataset.suggest}?q=${encodeURIComponent(q)}`);
      if (!response.ok || q !== input.value.trim()) return;
      const { suggestions } = await response.json();
      list.replaceChildren(...suggestions.map((s) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = s.url;
        const title = document.createElement('span');
        title.textContent = s.title;
        const price = document.createElement('span');
        price.textContent = s.price_text;
        price.className = 'muted';
        a.append(title, price);
        li.append(a);
        return li;
      }));
      list.hidden = suggestions.length === 0;
    }, 150);
  });
  input.addEventListener('keydown', (event) => { if (event.key === 'Escape') list.hidden = true; });
  document.addEventListener('click', (event) => { if (!input.parentElement.contains(event.target)) list.hidden = true; });
}

// Console photo uploads: each file is sent as the request body; progress and errors are shown in place.
for (const input of document.querySelectorAll('input[data-upload]')) {
  input.addEventListener('change', async () => {
    const progress = document.querySelector(`[data-progress="${input.dataset.count}"]`);
    const count = document.querySelector(`[data-photo-count="${input.dataset.count}"]`);
    let done = 0;
    for (const file of input.files) {
      progress.textContent = `${done + 1} / ${input.files.length}…`;
      const response = await fetch(input.dataset.upload, {
        method: 'POST', body: file, credentials: 'same-origin',
        headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-CSRF-Token': csrfToken() },
      });
      const body = await response.json();
      if (!response.ok) { progress.textContent = body.error ? body.error.message : `HTTP ${response.status}`; return; }
      done += 1;
      count.textContent = String(Number(count.textContent) + 1);
    }
    progress.textContent = `✓ ${done}`;
  });
}

// The cart badge in the header: the count lives in a readable cookie, so cached pages stay shared.
{
  const match = document.cookie.match(/(?:^|; )cart_n=(\d+)/);
  const count = match ? Number(match[1]) : 0;
  for (const badge of document.querySelectorAll('[data-cart-count]')) {
    badge.textContent = String(count);
    badge.hidden = count === 0;
  }
}
