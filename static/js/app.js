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
function showVariant(input) {
  const price = document.getElementById('price');
  const stock = document.getElementById('variant-stock');
  if (price && input.dataset.price) price.textContent = input.dataset.price;
  if (stock) stock.textContent = input.dataset.stock || '';
}
for (const form of document.querySelectorAll('.add-form')) {
  form.addEventListener('change', (event) => {
    if (event.target.name === 'variant_id') showVariant(event.target);
  });
  const chosen = form.querySelector('input[name="variant_id"]:checked');
  if (chosen) showVariant(chosen);
}

// Filters arrive folded; wide screens show them unfolded through CSS (::details-content). Browsers without
// that pseudo-element unfold them here, beside the products, where nothing below them moves.
for (const box of document.querySelectorAll('.facets-box')) {
  if (window.matchMedia('(min-width: 900px)').matches && !CSS.supports('selector(::details-content)')) box.open = true;
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

// Console photo uploads: each file is sent as its own request body, so progress is real (bytes sent,
// then the server's processing) and one refused file does not stop the others.
function uploadPhoto(url, file, onProgress) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken());
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.upload.addEventListener('load', () => onProgress(1));
    xhr.addEventListener('load', () => {
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      resolve({ ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, body });
    });
    xhr.addEventListener('error', () => resolve({ ok: false, status: 0, body: {} }));
    xhr.send(file);
  });
}

for (const input of document.querySelectorAll('input[data-upload]')) {
  input.addEventListener('change', async () => {
    const progress = document.querySelector(`[data-progress="${input.dataset.count}"]`);
    const count = document.querySelector(`[data-photo-count="${input.dataset.count}"]`);
    let done = 0;
    for (const file of input.files) {
      const result = await uploadPhoto(input.dataset.upload, file, (share) => {
        progress.textContent = `${done + 1} / ${input.files.length} · ${Math.round(share * 100)}%`;
      });
      if (!result.ok) { progress.textContent = result.body.error ? (result.body.error.text || result.body.error.message) : `HTTP ${result.status}`; return; }
      done += 1;
      count.textContent = String(Number(count.textContent) + 1);
    }
    progress.textContent = `✓ ${done}`;
  });
}

// The photo page's drop zone: a row per file with a progress bar, then the page reloads to show them.
for (const zone of document.querySelectorAll('[data-dropzone]')) {
  const list = zone.querySelector('[data-upload-list]');
  const send = async (files) => {
    let failed = false;
    for (const file of files) {
      const row = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = file.name;
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      const state = document.createElement('span');
      state.className = 'small muted';
      row.append(name, bar, state);
      list.append(row);
      const result = await uploadPhoto(zone.dataset.upload, file, (share) => {
        bar.value = Math.round(share * 100);
        if (share >= 1) state.textContent = list.dataset.textProcessing;
      });
      if (result.ok) {
        state.textContent = list.dataset.textDone;
      } else {
        failed = true;
        row.classList.add('is-error');
        state.textContent = result.body.error ? (result.body.error.text || result.body.error.message) : `HTTP ${result.status}`;
      }
    }
    if (!failed) window.location.reload();
  };
  for (const input of zone.querySelectorAll('input[type=file]')) {
    input.addEventListener('change', () => send([...input.files]));
  }
  zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('is-over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('is-over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('is-over');
    send([...event.dataTransfer.files]);
  });
}

// Application files (maker's mark, documents): each file is sent as the body, then the page shows them.
for (const input of document.querySelectorAll('input[data-attach]')) {
  input.addEventListener('change', async () => {
    const status = document.querySelector('[data-attach-status]');
    for (const file of input.files) {
      const url = `${input.dataset.attach}&name=${encodeURIComponent(file.name)}`;
      const result = await uploadPhoto(url, file, (share) => { status.textContent = `${file.name} · ${Math.round(share * 100)}%`; });
      if (!result.ok) { status.textContent = result.body.error ? (result.body.error.text || result.body.error.message) : `HTTP ${result.status}`; return; }
    }
    window.location.reload();
  });
}

// CSV import: a chosen file is read into the text box, so the form posts plain text (no multipart).
for (const input of document.querySelectorAll('input[data-csv-into]')) {
  input.addEventListener('change', async () => {
    const target = document.getElementById(input.dataset.csvInto);
    if (input.files[0]) target.value = await input.files[0].text();
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

// The pieces this browser looked at, newest first (kept here, never in a cookie): they pair a view with
// the ones before it in the same visit (two hours) for recommendations, and seed the "for you" row.
const seenKey = 'brilliant.seen';
const readSeen = () => {
  try {
    const list = JSON.parse(localStorage.getItem(seenKey) || '[]');
    return Array.isArray(list) ? list.filter((e) => e && typeof e.s === 'string' && typeof e.t === 'number') : [];
  } catch {
    return [];
  }
};

// A visit, counted once per browser tab (sessionStorage) with where it came from: the link's utm_source or
// the referrer (the server names the source; the store's own pages are no new visit). No person is recorded.
try {
  if (!sessionStorage.getItem('brilliant.visit') && navigator.sendBeacon) {
    sessionStorage.setItem('brilliant.visit', '1');
    const utm = new URLSearchParams(location.search).get('utm_source') || '';
    navigator.sendBeacon('/api/v1/visits', new URLSearchParams({ utm_source: utm, ref: document.referrer }));
  }
} catch {
  // storage disabled: the visit goes uncounted
}

// A product page view, counted for the workshop's dashboard (cached pages count too; crawlers that run
// no script do not) and, with the pieces viewed before it in this visit, for recommendations.
for (const article of document.querySelectorAll('[data-view-beacon]')) {
  const slug = article.dataset.slug;
  const now = Date.now();
  const seen = readSeen().filter((e) => e.s !== slug);
  const before = seen.filter((e) => now - e.t < 2 * 3600 * 1000).slice(0, 4).map((e) => e.s);
  if (navigator.sendBeacon) navigator.sendBeacon(article.dataset.viewBeacon, new URLSearchParams({ before: before.join(',') }));
  try {
    localStorage.setItem(seenKey, JSON.stringify([{ s: slug, t: now }, ...seen].slice(0, 20)));
  } catch {
    // storage full or disabled: recommendations simply know less
  }
}

// "For you" on the home page: cards for what this browser looked at (and, when logged in, bought),
// fetched as HTML so the cached page stays the same for everyone (the cart renders its own row).
for (const section of document.querySelectorAll('[data-for-you]')) {
  const seen = readSeen().map((e) => e.s).slice(0, 20);
  const prefix = document.documentElement.lang === 'en' ? '/en' : '';
  fetch(`${prefix}/recommendations/for-you?seen=${encodeURIComponent(seen.join(','))}`, { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.text() : ''))
    .then((html) => {
      if (!html.trim()) return;
      section.innerHTML = html;
      section.hidden = false;
    })
    .catch(() => {});
}

// Checkout: a postcode on Jeju or an island adds a surcharge per parcel. Once five digits are typed, ask
// the server for the order priced to that postcode and show it (and send it back as the total seen).
for (const form of document.querySelectorAll('form[data-reprice]')) {
  const postcode = form.querySelector('input[name="postcode"]');
  const en = document.documentElement.lang === 'en';
  const won = (n) => (en ? `₩${n.toLocaleString('en-US')}` : `${n.toLocaleString('ko-KR')}원`);
  const free = form.querySelector('[data-parcel-shipping]')?.dataset.free;
  let asked = '';
  const reprice = async () => {
    const code = postcode.value.trim();
    if (!/^\d{5}$/.test(code) || code === asked) return;
    asked = code;
    const coupon = encodeURIComponent(form.dataset.coupon || '');
    const response = await fetch(`${form.dataset.reprice}?postcode=${code}&coupon_code=${coupon}`, { headers: { Accept: 'application/json' } });
    if (!response.ok || code !== postcode.value.trim()) return;
    const plan = await response.json();
    form.querySelector('[data-expected-total]').value = plan.total;
    document.getElementById('checkout-shipping').textContent = plan.shipping_fee || !free ? won(plan.shipping_fee) : free;
    document.getElementById('checkout-total').textContent = won(plan.total);
    const discount = document.getElementById('checkout-discount');
    if (discount && plan.discount) discount.textContent = `-${won(plan.discount)}`;
    for (const span of form.querySelectorAll('[data-total]')) span.textContent = won(plan.total);
    form.querySelectorAll('[data-parcel-shipping]').forEach((span, i) => {
      const parcel = plan.parcels[i];
      if (parcel) span.textContent = parcel.shipping_fee ? won(parcel.shipping_fee) : (free || span.textContent);
    });
  };
  postcode?.addEventListener('input', reprice);
  postcode?.addEventListener('change', reprice);
}

// Printable pages (a piece's eco tag card).
for (const button of document.querySelectorAll('[data-print]')) button.addEventListener('click', () => window.print());

// Stations: every action is confirmed by colour (the page) and sound: a high beep for done, a low one
// for a refusal (WebAudio; silent where the browser allows no sound).
{
  const cue = document.querySelector('[data-beep]');
  if (cue && window.AudioContext) {
    try {
      const audio = new AudioContext();
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = cue.dataset.beep === 'ok' ? 880 : 220;
      gain.gain.value = 0.08;
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + (cue.dataset.beep === 'ok' ? 0.15 : 0.4));
    } catch { /* no sound */ }
  }
}

// Stations with a camera (getUserMedia): the station's webcam takes the shots. "Use the camera" shows its
// picture and, for each shot the page asks for (an input[data-attach]), a button that sends the current
// frame as a JPEG to the same address the file input would.
{
  const box = document.querySelector('[data-camera]');
  const start = document.querySelector('[data-camera-start]');
  if (box && start && navigator.mediaDevices?.getUserMedia) {
    start.hidden = false;
    start.addEventListener('click', async () => {
      const status = document.querySelector('[data-attach-status]');
      let stream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1440 } } });
      } catch (error) {
        if (status) status.textContent = error.message;
        return;
      }
      const video = box.querySelector('video');
      video.srcObject = stream;
      await video.play();
      box.hidden = false;
      start.hidden = true;
      const shots = box.querySelector('[data-camera-shots]');
      for (const input of document.querySelectorAll('input[data-attach]')) {
        const label = document.querySelector(`label[for="${input.id}"]`);
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'button station-button';
        button.dataset.shoot = input.id;
        button.textContent = `📷 ${label ? label.textContent.trim() : input.id}`;
        button.addEventListener('click', async () => {
          const canvas = document.createElement('canvas');
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          canvas.getContext('2d').drawImage(video, 0, 0);
          const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
          const result = await uploadPhoto(`${input.dataset.attach}&name=camera.jpg`, blob, (share) => {
            if (status) status.textContent = `${Math.round(share * 100)}%`;
          });
          if (!result.ok) {
            if (status) status.textContent = result.body.error ? (result.body.error.text || result.body.error.message) : `HTTP ${result.status}`;
            return;
          }
          window.location.reload();
        });
        shots.append(button);
      }
    });
  }
}

// Scanning a serial's QR code with the device camera: BarcodeDetector where the browser has it (Chrome
// on Android, ChromeOS, macOS), otherwise jsQR (from npm, served from /static/vendor). A keyboard-wedge
// scanner (types the serial and Enter) works everywhere without this.
function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}

async function qrReader() {
  if ('BarcodeDetector' in window) {
    const detector = new window.BarcodeDetector({ formats: ['qr_code', 'code_128'] });
    return async (video) => (await detector.detect(video).catch(() => []))[0]?.rawValue;
  }
  if (!window.jsQR) await loadScript('/static/vendor/jsQR.js');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    if (!canvas.width) return undefined;
    context.drawImage(video, 0, 0);
    return window.jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height)?.data;
  };
}

for (const input of document.querySelectorAll('input[data-scan], textarea[data-scan]')) {
  if (!navigator.mediaDevices?.getUserMedia) continue;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button-ghost';
  button.dataset.scanCamera = '';
  button.textContent = document.documentElement.lang === 'en' ? 'Scan with the camera' : '카메라로 스캔';
  input.after(button);
  button.addEventListener('click', async () => {
    const read = await qrReader();
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    video.className = 'scan-video';
    button.after(video);
    await video.play();
    const look = async () => {
      const code = await read(video);
      if (code) {
        stream.getTracks().forEach((track) => track.stop());
        video.remove();
        input.value = code;
        // data-scan="fill": the page reads the code itself (a business card fills a form); else submit.
        if (input.dataset.scan === 'fill') input.dispatchEvent(new Event('change', { bubbles: true }));
        else input.form.requestSubmit();
        return;
      }
      requestAnimationFrame(look);
    };
    look();
  });
}

// A product's 360° view, where the studio published spin frames: drag (or swipe) across it to turn the
// piece, or use the arrow keys; every frame is loaded up front so turning never waits.
for (const box of document.querySelectorAll('[data-spin]')) {
  fetch(box.dataset.spin).then((r) => (r.ok ? r.json() : { frames: [] })).then(({ frames }) => {
    if (!frames || frames.length < 8) return;
    const img = document.createElement('img');
    Object.assign(img, { src: frames[0], alt: box.dataset.label, width: 640, height: 640, draggable: false });
    box.append(img);
    for (const frame of frames) new Image().src = frame;
    Object.assign(box, { hidden: false, tabIndex: 0 });
    box.setAttribute('role', 'slider');
    box.setAttribute('aria-label', box.dataset.label);
    box.setAttribute('aria-valuemin', '0');
    box.setAttribute('aria-valuemax', String(frames.length - 1));
    let at = 0;
    let start = null;
    const show = (n) => {
      at = ((n % frames.length) + frames.length) % frames.length;
      img.src = frames[at];
      box.setAttribute('aria-valuenow', String(at));
    };
    show(0);
    box.addEventListener('pointerdown', (event) => { start = { x: event.clientX, at }; box.setPointerCapture(event.pointerId); });
    box.addEventListener('pointermove', (event) => {
      if (!start) return;
      const step = box.clientWidth / frames.length / 1.5;  // a drag across two thirds of it turns it once
      show(start.at + Math.round((start.x - event.clientX) / step));
    });
    for (const end of ['pointerup', 'pointercancel']) box.addEventListener(end, () => { start = null; });
    box.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowLeft') show(at - 1);
      else if (event.key === 'ArrowRight') show(at + 1);
      else return;
      event.preventDefault();
    });
  }).catch(() => {});
}

// The card payment page: Toss Payments' own window through its JS SDK (v1), loaded only on this page
// (its policy allows js.tosspayments.com). The stand-in window used in tests and the demo is a plain
// redirect and needs none of this.
{
  const button = document.getElementById('open-toss');
  if (button) {
    const w = JSON.parse(button.dataset.tossWindow);
    button.addEventListener('click', () => {
      loadScript('https://js.tosspayments.com/v1/payment')
        .then(() => window.TossPayments(w.client_key).requestPayment('카드', {
          amount: w.amount, orderId: w.order_id, orderName: w.order_name, customerName: w.customer_name,
          customerEmail: w.customer_email, successUrl: w.success_url, failUrl: w.fail_url,
        }))
        .catch(() => { button.disabled = false; });
      button.disabled = true;
    });
  }
}

// A visit from a link carrying utm_* (a campaign's mail, a post): remembered for a week in a first-party
// cookie so that the order it leads to is attributed to it (checkout reads it on the server).
{
  const query = new URLSearchParams(location.search);
  if (query.get('utm_source')) {
    const part = (name) => (query.get(name) || '').replace(/[^A-Za-z0-9._-]/g, '').slice(0, 60);
    const value = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content'].map(part).join('|');
    document.cookie = `utm=${value}; Max-Age=604800; Path=/; SameSite=Lax`;
  }
}
