// Shared by agent.html and wallboard.html: language dictionaries and the STOMP connection (session cookie + CSRF).
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

  return {lang, loadLanguage, t, connect, send};
})();
