// Shared by agent.html, wallboard.html and reports.html: language dictionaries and the STOMP connection (session cookie + CSRF).
'use strict';
const Hotline = (() => {
  let dict = {};
  const lang = () => localStorage.getItem('hotline.lang') || (navigator.language.startsWith('zh') ? 'zh-CN' : 'en');

  /** Loads the console dictionary of {@code code}, plus page dictionaries i18n/<extra>.<code>.json on top. */
  async function loadLanguage(code, ...extras) {
    localStorage.setItem('hotline.lang', code);
    document.documentElement.lang = code;
    dict = await (await fetch('i18n/' + code + '.json')).json();
    for (const extra of extras) {
      Object.assign(dict, await (await fetch('i18n/' + extra + '.' + code + '.json')).json());
    }
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
    const select = document.getElementById('lang');
    if (select) select.value = code;
  }

  function t(key, values) {
    let text = dict[key] || key;
    Object.entries(values || {}).forEach(([k, v]) => { text = text.replace('{' + k + '}', v); });
    return text;
  }

  /** A code (state, channel, status...) in words: the dictionary's {@code prefix.code}, else the code as sent. */
  const word = (prefix, code) => code === null || code === undefined || code === '' ? ''
    : (dict[prefix + '.' + code] || String(code));

  /** Instants in the reader's language and time zone (the page's chosen language, not the browser's). */
  const dateTime = at => at ? new Date(at).toLocaleString(document.documentElement.lang || undefined) : '';
  const time = at => at ? new Date(at).toLocaleTimeString(document.documentElement.lang || undefined) : '';

  async function csrf() {
    const r = await fetch('/api/csrf', {credentials: 'same-origin'});
    if (r.status === 401 || r.redirected) { location.href = '/login'; throw new Error('login'); }
    return r.json();
  }

  /** Connects; onConnect(client) subscribes. The CSRF token is fetched before every (re)connect. */
  function connect(onConnect, onStatus) {
    const client = new StompJs.Client({
      brokerURL: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws',
      reconnectDelay: 2000,
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
    });
    client.beforeConnect = async () => {
      const token = await csrf();
      client.connectHeaders = {[token.headerName]: token.token};
    };
    client.onConnect = () => { onStatus(true); onConnect(client); };
    client.onWebSocketClose = () => onStatus(false);
    client.onStompError = frame => { console.warn('STOMP error', frame.headers.message); onStatus(false); };
    client.activate();
    return client;
  }

  function send(client, destination, body) {
    client.publish({destination, body: JSON.stringify(body || {}), headers: {'content-type': 'application/json'}});
  }

  /** A REST write: the XSRF-TOKEN cookie's value goes back in its header (Spring Security's single-page-app CSRF). */
  async function write(method, url, body) {
    const token = await csrf();
    const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    const r = await fetch(url, {method, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {'Content-Type': 'application/json',
        [token.headerName]: cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : token.token}});
    if (!r.ok) {
      const p = await r.json().catch(() => ({detail: r.statusText}));
      // a problem the dictionary knows is said in the reader's language; any other in the server's words
      const key = 'problem.' + p.code;
      throw new Error(p.code && t(key) !== key ? t(key) : p.detail || p.title || r.status);
    }
    return r.status === 204 ? null : r.json();
  }

  /**
   * The person's escalations in {@code list}: those not yet seen at once, then each one pushed on
   * /user/queue/notifications (pass the frames to the returned function). "Seen" acknowledges one.
   */
  function notifications(list) {
    const shown = new Set();
    const add = n => {
      if (shown.has(n.id)) return;
      shown.add(n.id);
      const item = document.createElement('li');
      item.dataset.notification = n.id;
      item.dataset.rule = n.rule;
      const text = document.createElement('span');
      text.textContent = dateTime(n.occurredAt) + ' ' + n.title;
      text.title = n.body;
      const seen = document.createElement('button');
      seen.type = 'button'; seen.dataset.i18n = 'notification.ack'; seen.textContent = t('notification.ack');
      seen.onclick = () => write('POST', '/api/notifications/' + n.id + '/acknowledge').then(() => item.remove());
      item.append(text, ' ', seen);
      list.prepend(item);
    };
    fetch('/api/notifications?unacknowledged=true', {credentials: 'same-origin'})
      .then(r => r.ok ? r.json() : []).then(items => items.reverse().forEach(add));
    return add;
  }

  return {lang, loadLanguage, t, word, dateTime, time, connect, send, write, notifications};
})();
