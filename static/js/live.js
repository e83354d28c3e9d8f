// Live shows: the player (hls.js, or the browser's own HLS), the show's WebSocket (chat, hearts, viewer
// counts, "now showing", deals), the deal drawer's orders, and the replay's chat in step with the video.
// The show page works without it (reminders, deal orders by form); this makes it live.
import { csrfToken } from './app.js';

const root = document.getElementById('live-show') || document.getElementById('live-panel');
if (root) start(root);

function start(root) {
  const t = (name) => root.dataset['t' + name.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase())] || '';
  // The host's panel moderates; on the show page the server says whether this viewer may (a named moderator).
  let moderator = root.dataset.moderator === '1';
  const video = document.getElementById('live-video');
  const lines = document.getElementById('chat-lines');
  const chatForm = document.getElementById('chat-form');
  const chatError = document.getElementById('chat-error');
  const deadlines = new Map(); // deal id -> local time its countdown ends
  let state = root.dataset.state;
  let socket;
  let retry = 500;
  let playerStarted = false;

  // --- video -------------------------------------------------------------------------------------
  function play(url, live) {
    if (!video || !url || playerStarted) return;
    playerStarted = true;
    if (window.Hls && window.Hls.isSupported()) {
      const hls = new window.Hls({ enableWorker: false, liveDurationInfinity: live });
      hls.on(window.Hls.Events.ERROR, (_, data) => {
        if (!data.fatal) return;
        // The stream may not have its first segments yet: try again shortly.
        hls.destroy();
        playerStarted = false;
        setTimeout(() => play(url, live), 2000);
      });
      hls.loadSource(url);
      hls.attachMedia(video);
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = url;
    }
    video.play().catch(() => {});
  }
  if (state === 'live') play(root.dataset.playlist, true);
  if (state === 'ended' && root.dataset.replay) play(root.dataset.replay, false);
  for (const button of document.querySelectorAll('[data-seek]'))
    button.addEventListener('click', () => { if (video) { video.currentTime = Number(button.dataset.seek); video.play().catch(() => {}); } });

  // --- chat --------------------------------------------------------------------------------------
  function addLine(m) {
    if (!lines || lines.querySelector(`[data-id="${m.id}"]`)) return;
    const li = document.createElement('li');
    li.dataset.id = m.id;
    li.dataset.user = m.user_id;
    if (m.host) li.className = 'chat-host';
    const name = document.createElement('span');
    name.className = 'chat-name';
    name.textContent = m.name;
    if (m.host) name.dataset.tag = t('host');
    const text = document.createElement('span');
    text.textContent = m.text; // text, never HTML
    li.append(name, text);
    if (moderator && !m.host) {
      const tools = document.createElement('span');
      tools.className = 'chat-tools';
      for (const [label, message] of [[t('delete'), { type: 'delete', id: m.id }],
        [t('mute'), { type: 'mute', user_id: m.user_id, seconds: 300 }],
        [t('ban'), { type: 'ban', user_id: m.user_id }]]) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'link-button';
        b.textContent = label;
        b.addEventListener('click', () => send(message));
        tools.append(b);
      }
      li.append(tools);
    }
    lines.append(li);
    while (lines.children.length > 200) lines.firstElementChild.remove();
    lines.scrollTop = lines.scrollHeight;
  }
  function showError(message) {
    if (!chatError) return;
    chatError.textContent = message;
    chatError.hidden = !message;
  }
  chatForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = chatForm.querySelector('input[name="text"]');
    if (!input.value.trim()) return;
    if (send({ type: 'chat', text: input.value })) { input.value = ''; showError(''); }
  });

  // --- hearts, counts, notices, "now showing" -----------------------------------------------------
  const rise = document.getElementById('heart-rise');
  function floatHearts(n) {
    for (let i = 0; i < Math.min(n, 12); i++) {
      const h = document.createElement('span');
      h.textContent = '♥';
      h.style.left = `${Math.round(Math.random() * 16)}px`;
      h.style.animationDelay = `${i * 90}ms`;
      rise?.append(h);
      setTimeout(() => h.remove(), 2000 + i * 90);
    }
  }
  document.getElementById('live-heart')?.addEventListener('click', () => { send({ type: 'heart' }); floatHearts(1); });
  function setViewers(n) {
    for (const id of ['live-viewers', 'panel-viewers']) {
      const el = document.getElementById(id);
      if (el) el.textContent = n;
    }
  }
  // The host's panel: the show's orders and revenue after each sale.
  function setSales(m) {
    const en = root.dataset.prefix === '/en';
    const orders = document.getElementById('panel-orders');
    const revenue = document.getElementById('panel-revenue');
    if (orders) orders.textContent = m.orders;
    if (revenue) revenue.textContent = en ? `₩${m.revenue.toLocaleString('en-US')}` : `${m.revenue.toLocaleString('ko-KR')}원`;
  }
  function setNotice(text) {
    const el = document.getElementById('live-notice');
    if (!el) return;
    el.textContent = text;
    el.hidden = !text;
  }
  function setShowing(piece) {
    const box = document.getElementById('now-showing');
    if (!box || !piece) return;
    const link = document.getElementById('now-showing-link');
    const en = root.dataset.prefix === '/en';
    link.textContent = en ? piece.title_en : piece.title_ko;
    link.href = `${root.dataset.prefix || ''}/products/${piece.slug}`;
    document.getElementById('now-showing-price').textContent = piece.price.toLocaleString(en ? 'en-US' : 'ko-KR') + (en ? ' KRW' : '원');
    box.hidden = false;
  }
  function setState(next) {
    state = next;
    root.dataset.state = next;
    for (const id of ['live-state', 'stream-state']) {
      const el = document.getElementById(id);
      if (el && t(next)) el.textContent = t(next);
    }
    if (next === 'live') {
      document.getElementById('live-curtain')?.remove();
      document.getElementById('check-stream')?.classList.add('is-done');
      play(root.dataset.playlist, true);
    }
  }

  // --- deals -------------------------------------------------------------------------------------
  function setDeal(d) {
    const li = root.querySelector(`.deal[data-deal="${d.id}"]`);
    if (!li) return;
    li.dataset.phase = d.phase;
    const left = li.querySelector('[data-left]');
    if (left) left.textContent = d.left;
    const phase = li.querySelector('[data-phase-text]');
    const key = { waiting: 'waiting', open: 'open', sold_out: 'sold-out', closed: 'closed' }[d.phase];
    if (phase && key) phase.textContent = t(key);
    if (d.phase === 'open') deadlines.set(String(d.id), Date.now() + d.seconds_left * 1000);
    else deadlines.delete(String(d.id));
    tickCountdowns();
  }
  function tickCountdowns() {
    for (const li of root.querySelectorAll('.deal')) {
      const out = li.querySelector('[data-countdown]');
      if (!out) continue;
      const end = deadlines.get(li.dataset.deal);
      if (!end) { out.textContent = ''; continue; }
      const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      const m = Math.floor(left / 60), s = String(left % 60).padStart(2, '0');
      out.textContent = `· ${m}:${s} ${t('seconds-left')}`;
      if (left === 0) { li.dataset.phase = 'closed'; deadlines.delete(li.dataset.deal); }
    }
  }
  setInterval(tickCountdowns, 1000);
  for (const form of root.querySelectorAll('.deal-form')) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const error = form.querySelector('[data-deal-error]');
      const done = form.querySelector('[data-deal-done]');
      const data = Object.fromEntries(new FormData(form));
      const body = { quantity: Number(data.quantity) };
      for (const k of ['recipient', 'phone', 'postcode', 'address', 'address_detail']) body[k] = data[k];
      const button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      try {
        const response = await fetch(form.dataset.api, {
          method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken(), 'Idempotency-Key': data.key },
        });
        const answer = await response.json();
        if (response.ok) {
          error.hidden = true;
          done.replaceChildren(`${t('placed')} ${answer.number} · `);
          const a = document.createElement('a');
          a.href = answer.url;
          a.textContent = t('pay');
          done.append(a);
          done.hidden = false;
        } else {
          error.textContent = answer.error?.message || answer.message || response.statusText;
          error.hidden = false;
          button.disabled = false;
        }
      } catch (e) {
        error.textContent = String(e);
        error.hidden = false;
        button.disabled = false;
      }
    });
  }

  // --- the socket --------------------------------------------------------------------------------
  function send(message) {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }
  function receive(m) {
    switch (m.type) {
      case 'hello':
        moderator = moderator || Boolean(m.me?.moderator);
        lines?.replaceChildren();
        m.chat.forEach(addLine);
        m.deals.forEach(setDeal);
        setViewers(m.viewers);
        setNotice(m.notice);
        setShowing(m.showing);
        if (m.state !== state) setState(m.state);
        break;
      case 'chat': addLine(m); break;
      case 'deleted': lines?.querySelector(`[data-id="${m.id}"]`)?.remove(); break;
      case 'tick': setViewers(m.viewers); if (m.hearts) floatHearts(m.hearts); break;
      case 'notice': setNotice(m.text); break;
      case 'showing': setShowing(m.piece); break;
      case 'deal': setDeal(m.deal); break;
      case 'sales': setSales(m); break;
      case 'state': setState(m.state); break;
      case 'error': showError(m.message); break;
      default: break;
    }
  }
  function connect() {
    if (state === 'ended' || state === 'cancelled') return replayChat();
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}${root.dataset.ws}`);
    socket.addEventListener('open', () => { retry = 500; showError(''); root.dataset.connected = '1'; });
    socket.addEventListener('message', (event) => {
      const data = JSON.parse(event.data);  // one event, or a busy moment's events as one array
      (Array.isArray(data) ? data : [data]).forEach(receive);
    });
    socket.addEventListener('close', () => {
      root.dataset.connected = '0';
      if (state === 'ended' || state === 'cancelled') return;
      showError(t('reconnecting'));
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 15000);
    });
  }

  // After the show: its chat again, each message when the replay reaches it.
  async function replayChat() {
    if (!lines || !root.dataset.chatApi) return;
    const answer = await (await fetch(root.dataset.chatApi, { credentials: 'same-origin' })).json();
    const pending = answer.chat;
    const shown = () => {
      const now = video ? video.currentTime : Infinity;
      while (pending.length && pending[0].offset <= now) addLine(pending.shift());
    };
    if (video && root.dataset.replay) video.addEventListener('timeupdate', shown);
    else pending.splice(0).forEach(addLine);
  }
  connect();

  // The host's panel: the simulcast targets' states, asked for every few seconds while live (the relays
  // run on the node that took the stream; every node reads their states from the database).
  const simulcast = document.getElementById('simulcast');
  if (simulcast?.dataset.targets && simulcast.querySelector('[data-target-id]')) {
    const refresh = async () => {
      try {
        const answer = await (await fetch(simulcast.dataset.targets, { credentials: 'same-origin' })).json();
        for (const target of answer.targets) {
          const item = simulcast.querySelector(`[data-target-id="${target.id}"]`);
          if (!item) continue;
          const badge = item.querySelector('.target-state');
          badge.dataset.state = target.state;
          badge.textContent = simulcast.dataset[`t${target.state[0].toUpperCase()}${target.state.slice(1)}`] || target.state;
          item.querySelector('.target-detail').textContent = target.state === 'failed' ? target.detail : '';
        }
      } catch { /* the next round tries again */ }
    };
    // Only while the show streams (and once after, to show the relays stopped): no requests before.
    let before = state;
    setInterval(() => { if (state === 'live' || before === 'live') refresh(); before = state; }, 3000);
  }
}
