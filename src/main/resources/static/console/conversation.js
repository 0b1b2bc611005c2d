// The agent console's text conversations (SMS, WhatsApp): the thread of each active text contact, live from
// /user/queue/messages, and a reply box (Enter sends, Shift+Enter starts a new line).
'use strict';
const Conversations = (() => {
  const threads = new Map();   // contactId -> {contactId, channel, customer, messages: Map(id -> message)}
  let current = null, send = null;
  const $ = id => document.getElementById(id);

  function init(sendAction) {
    send = sendAction;
    $('reply-form').onsubmit = e => { e.preventDefault(); reply(); };
    $('reply').onkeydown = e => {
      // Enter sends; keep it from the page's own shortcuts (Enter also accepts a ringing offer)
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); e.stopPropagation(); reply(); }
      if (e.key === 'Escape') e.stopPropagation();
    };
  }

  function reply() {
    const body = $('reply').value.trim();
    if (!body || current === null) return;
    send('/contacts/' + current + '/messages', {body});
    $('reply').value = '';
  }

  /** A push on /user/queue/messages. */
  function onFrame(m) {
    if (m.type === 'conversations') m.conversations.forEach(put);
    if (m.type === 'conversation') put(m);
    if ((m.type === 'message' || m.type === 'message-status') && threads.has(m.contactId)) {
      threads.get(m.contactId).messages.set(m.message.id, m.message);
    }
    render();
  }

  function put(c) {
    threads.set(c.contactId, {contactId: c.contactId, channel: c.channel, customer: c.customer,
      messages: new Map(c.messages.map(msg => [msg.id, msg]))});
    if (current === null) current = c.contactId;
  }

  function ended(contactId) {
    threads.delete(contactId);
    if (current === contactId) current = threads.size ? threads.keys().next().value : null;
    render();
  }

  function show(contactId) {
    if (threads.has(contactId)) { current = contactId; render(); $('reply').focus(); }
  }

  function tab(t) {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-selected', String(t.contactId === current));
    b.textContent = Hotline.t('channel.' + t.channel) + ' ' + t.customer;
    b.onclick = () => show(t.contactId);
    return b;
  }

  function item(msg) {
    const li = document.createElement('li');
    const inbound = msg.direction === 'INBOUND';
    li.className = 'msg ' + (inbound ? 'in' : 'out') + (['FAILED', 'UNDELIVERED'].includes(msg.status) ? ' failed' : '');
    li.dataset.messageId = msg.id;
    if (msg.messageSid) li.dataset.messageSid = msg.messageSid;
    const meta = document.createElement('div');
    meta.className = 'meta';
    const time = document.createElement('time');
    time.dateTime = msg.at;
    time.textContent = new Date(msg.at).toLocaleString(document.documentElement.lang);
    const status = document.createElement('span');
    status.className = 'status';
    status.textContent = Hotline.t('status.' + msg.status)
      + (msg.errorCode ? ' · ' + Hotline.t('msg.error', {code: msg.errorCode}) : '')
      + (msg.errorMessage && !inbound ? ' — ' + msg.errorMessage : '');
    meta.append(inbound ? Hotline.t('msg.customer') : (msg.author || ''), ' · ', time, ' · ', status);
    const body = document.createElement('p');
    body.className = 'body';
    body.textContent = msg.body || '';
    li.append(meta, body);
    (msg.media || []).forEach((m, i) => {
      const [type, url] = m.split(' ');
      const a = document.createElement('a');
      a.href = url; a.target = '_blank'; a.rel = 'noopener noreferrer';
      a.textContent = Hotline.t('media') + ' ' + (i + 1) + ' (' + type + ')';
      li.append(a, ' ');
    });
    return li;
  }

  function render() {
    const t = current === null ? null : threads.get(current);
    $('conversation').classList.toggle('hidden', !t);
    if (!t) return;
    $('conversation-tabs').replaceChildren(...[...threads.values()].map(tab));
    $('conversation-with').textContent = Hotline.t('channel.' + t.channel) + ' · ' + t.customer + ' · #' + t.contactId;
    const list = $('conversation-messages');
    list.replaceChildren(...[...t.messages.values()].sort((a, b) => a.id - b.id).map(item));
    list.scrollTop = list.scrollHeight;
  }

  return {init, onFrame, ended, show, render};
})();
