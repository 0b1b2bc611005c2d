// Shared by followup.html (agents) and followup-plan.html (supervisors): the console's dictionaries plus
// i18n/followup.<lang>.json (through console.js), and JSON calls with CSRF.
'use strict';
const Followup = (() => {
  const lang = () => Hotline.lang();
  const t = (key, values) => Hotline.t(key, values);
  const loadLanguage = code => Hotline.loadLanguage(code, 'followup');

  /**
   * The CSRF header for REST writes. The application's SPA CSRF setup takes the raw token of the XSRF-TOKEN cookie
   * in a header (the masked /api/csrf token is for STOMP); /api/csrf is called first so that the cookie exists.
   */
  async function csrf() {
    const cookie = () => document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    if (!cookie()) {
      const r = await fetch('/api/csrf', {credentials: 'same-origin'});
      if (r.status === 401 || r.redirected) { location.href = '/login'; throw new Error('login'); }
    }
    const c = cookie();
    return {headerName: 'X-XSRF-TOKEN', token: c ? decodeURIComponent(c.slice('XSRF-TOKEN='.length)) : ''};
  }

  /** GET (body undefined) or POST/PUT JSON; resolves to the parsed body, rejects with the problem's detail. */
  async function call(method, url, body) {
    const headers = {'Accept': 'application/json'};
    if (method !== 'GET') {
      const c = await csrf();
      headers[c.headerName] = c.token;
      headers['Content-Type'] = 'application/json';
    }
    const r = await fetch(url, {method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)});
    if (r.status === 401) { location.href = '/login'; throw new Error('login'); }
    const text = await r.text();
    const json = text ? JSON.parse(text) : null;
    if (!r.ok) throw new Error(json && json.detail ? json.detail : r.statusText);
    return json;
  }

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    children.forEach(c => e.append(c));
    return e;
  }

  return {lang, loadLanguage, t, call, el};
})();
