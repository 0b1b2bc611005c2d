// The agent console's customer tools: find a customer by name, any phone form, serial number or ticket number and
// read their timeline; register a new caller from the screen pop; log a letter, visit or e-mail as a contact.
'use strict';
const CustomerPanel = (() => {
  const $ = id => document.getElementById(id);
  const t = (k, v) => Hotline.t(k, v), word = (p, c) => Hotline.word(p, c);
  let shown = null, page = 0, rows = [], results = [], describe = d => d || '';
  const get = url => fetch(url).then(r => r.ok ? r.json() : null).catch(() => null);
  const post = (url, body) => Hotline.write('POST', url, body).catch(() => null);

  /** Every way the text may name a customer, asked at once; the customers found, each once. */
  async function search(q) {
    q = q.trim();
    if (!q) return;
    const digits = q.replace(/\D/g, '');
    const asks = [get('/api/customers?size=10&name=' + encodeURIComponent(q)).then(p => p ? p.items : [])];
    if (digits.length >= 5 && /^[\d\s()+\-]+$/.test(q)) {
      asks.push(get('/api/customers?size=10&phone=' + encodeURIComponent(q)).then(p => p ? p.items : []));
    }
    if (/^CS-/i.test(q)) {
      asks.push(get('/api/tickets/by-number/' + encodeURIComponent(q.toUpperCase()))
        .then(tk => tk && tk.customerId ? get('/api/customers/' + tk.customerId).then(c => c ? [c] : []) : []));
    }
    asks.push(post('/api/warranty/check', {serialNumber: q})
      .then(w => w && w.customerId ? get('/api/customers/' + w.customerId).then(c => c ? [c] : []) : []));
    const found = new Map();
    (await Promise.all(asks)).flat().forEach(c => found.set(c.id, c));
    results = [...found.values()];
    renderResults();
  }

  function renderResults() {
    $('customer-results').replaceChildren(...(results.length ? results.map(c => {
      const item = document.createElement('li');
      const open = document.createElement('button');
      open.type = 'button'; open.className = 'link'; open.dataset.customer = c.id;
      open.textContent = c.name + (c.contactPerson ? ' · ' + c.contactPerson : '') + ' · ' + (c.phones || []).join(', ')
        + ' · ' + word('tier', c.tier);
      open.onclick = () => timeline(c);
      item.append(open);
      return item;
    }) : [Object.assign(document.createElement('li'), {textContent: t('customer.none')})]));
  }

  async function timeline(customer, more) {
    if (!more) { shown = customer; page = 0; rows = []; } else page++;
    const p = await get('/api/console/customers/' + customer.id + '/timeline?size=20&page=' + page);
    if (!p) return;
    rows = rows.concat(p.entries);
    $('timeline-more').classList.toggle('hidden', !p.more);
    $('customer-timeline-box').classList.remove('hidden');
    renderTimeline();
  }

  function renderTimeline() {
    if (!shown) return;
    $('timeline-title').textContent = t('timeline.of', {name: shown.name});
    $('customer-timeline').replaceChildren(...rows.map(e => {
      const tr = document.createElement('tr');
      tr.dataset.kind = e.kind;
      const what = e.kind === 'contact' ? word('channel', e.channel) + (e.text ? ' — ' + e.text : '')
        : e.kind === 'ticket' ? e.ticketNumber + ' ' + [word('ticket.type', e.type), word('ticket.status', e.status)].filter(Boolean).join(' · ') + (e.text ? ' — ' + e.text : '')
        : e.kind === 'survey' ? [word('survey.status', e.status), word('survey.channel', e.type)].filter(Boolean).join(' · ')
          + (e.ticketNumber ? ' ' + e.ticketNumber : '') + (e.text ? ' — ' + t('survey.score') + ' ' + e.text : '')
        : word('visit.status', e.status) + (e.ticketNumber ? ' ' + e.ticketNumber : '') + (e.text ? ' — ' + e.text : '');
      const outcome = e.kind === 'contact' ? word('outcome', e.outcome) || word('contact.status', e.outcome)
        : e.kind === 'visit' || e.kind === 'survey' ? word('visit.outcome', e.outcome) : '';
      [Hotline.dateTime(e.at), t('timeline.' + e.kind), what, e.agent || '', outcome, describe(e.disposition)].forEach(v => {
        const td = document.createElement('td'); td.textContent = v; tr.appendChild(td);
      });
      return tr;
    }));
  }

  /** The screen pop of a number not in the archive offers to register it, the number filled in. */
  function offerRegistration(pop) {
    const box = $('register');
    box.classList.toggle('hidden', !pop || !pop.newCaller);
    if (pop && pop.newCaller) { $('register-phone').value = pop.from || ''; $('register-result').textContent = ''; }
  }

  async function register(e) {
    e.preventDefault();
    const body = {name: $('register-name').value, contactPerson: $('register-person').value || null,
      phones: [$('register-phone').value], address: $('register-address').value || null,
      notes: $('register-notes').value || null, tier: 'REGULAR'};
    try {
      const c = await Hotline.write('POST', '/api/customers', body);
      // the caller of the contact in hand is this customer: its record and its draft ticket name them
      const contact = TicketPanel.contact();
      if (contact) {
        await Hotline.write('PUT', '/api/console/contacts/' + contact + '/customer', {customerId: c.id});
        TicketPanel.show(contact, c.products || []);
      }
      $('register-result').textContent = t('register.done', {name: c.name});
      $('register-form').reset();
      timeline(c);
    } catch (err) { $('register-result').textContent = err.message; }
  }

  async function logContact(e) {
    e.preventDefault();
    const body = {channel: $('log-channel').value, from: $('log-from').value || null, subject: $('log-subject').value,
      queue: $('log-queue').value || null};
    try {
      const c = await Hotline.write('POST', '/api/contacts', body);
      $('log-result').textContent = t('log.done', {channel: word('channel', c.channel), id: c.id});
      $('log-result').dataset.contact = c.id;
      $('log-form').reset();
    } catch (err) { $('log-result').textContent = err.message; }
  }

  /** {@code dispositionText} shows a stored disposition in words; {@code queues} the agent serves. */
  function init(dispositionText, queues) {
    describe = dispositionText;
    $('customer-search-form').onsubmit = e => { e.preventDefault(); search($('customer-search').value); };
    $('timeline-more').onclick = () => shown && timeline(shown, true);
    $('register-form').onsubmit = register;
    $('log-form').onsubmit = logContact;
    $('log-queue').replaceChildren(...queues.map(q => new Option(q, q)));
  }

  /** A known caller's screen pop opens their timeline (contacts, tickets, visits, surveys) unless it is shown. */
  function showCaller(customer) {
    if (customer && (!shown || shown.id !== customer.id)) timeline(customer);
  }

  return {init, offerRegistration, showCaller, render: () => { if (results.length) renderResults(); renderTimeline(); }};
})();
