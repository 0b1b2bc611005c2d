// The agent console's ticket panel: the ticket of the contact in hand, edited in place through /api/tickets.
// Which fields show follows the ticket's type; the next steps and what each still needs come from the ticket's flow
// (/api/console/.../ticket); warranty and charge come from the archive's rules by serial (/api/warranty/check).
'use strict';
const TicketPanel = (() => {
  const $ = id => document.getElementById(id);
  const TYPES = ['INQUIRY', 'COMPLAINT', 'REPAIR', 'RETURN_EXCHANGE', 'INSTALLATION', 'MAINTENANCE', 'SUGGESTION', 'PRAISE',
    'EMERGENCY'];
  const CHOICES = {
    category: ['QUALITY', 'NON_QUALITY', 'OTHER'], severity: ['MINOR', 'MAJOR'],
    // the customer archive's vocabulary (customer.ReturnReason), shared with /api/warranty/check's reasons
    returnReason: ['INTACT_IN_WARRANTY_WITH_CONSENT', 'SPECIFICATION_NOT_MET', 'TRANSPORT_DAMAGE', 'CUSTOM_MADE',
      'SELF_COLLECTED', 'NO_FACTORY_CONSENT', 'NO_RETURN_GROUND', 'OUT_OF_WARRANTY', 'USED_WITHOUT_QUALITY_PROBLEM',
      'APPEARANCE_DAMAGED_NOT_BY_US', 'DISASSEMBLED_OR_MODIFIED', 'MISUSE'],
    partsInStock: ['true', 'false'], onSiteVisit: ['true', 'false'], remoteSite: ['true', 'false'],
  };
  /** The fields each flow asks for (003/001): besides the description every ticket has. */
  const BY_TYPE = {
    COMPLAINT: ['category', 'severity', 'productSerial', 'orderNo', 'partNo', 'shipDate', 'quantity', 'defectQuantity',
      'customerDemand', 'cause', 'responsibleDepartment', 'solution'],
    REPAIR: ['productSerial', 'partsInStock', 'onSiteVisit', 'remoteSite'],
    RETURN_EXCHANGE: ['productSerial', 'returnReason', 'quantity', 'defectQuantity'],
    EMERGENCY: ['severity', 'responsibleDepartment'],
    // 004 §4.0 (配送安装) and §3.3 a (定期保养): the product and the day agreed with the customer
    INSTALLATION: ['productSerial', 'appointmentOn'],
    MAINTENANCE: ['productSerial', 'appointmentOn'],
  };
  const INPUT = {shipDate: 'date', appointmentOn: 'date', quantity: 'number', defectQuantity: 'number'};
  let contactId = null, panel = null, products = [], warranty = null, tick = null, loading = 0, typeChosen = null;
  /** What the agent typed and has not saved yet: kept when the form is drawn again (type chosen, reload). */
  let pending = {}, shownText = null;
  /** The recordings drawn last, as JSON: a player is drawn again only when they changed (else playback would stop). */
  let shownRecordings = null;

  const t = Hotline.t, word = Hotline.word;
  const el = (tag, props, ...children) => { const e = Object.assign(document.createElement(tag), props || {}); e.append(...children); return e; };

  /** Shows the ticket of {@code id}; {@code owned} the caller's products (from the screen pop) to pick from. */
  function show(id, owned) {
    if (contactId !== id) {
      // facts established on the last contact's product are not this one's
      warranty = null; typeChosen = null; pending = {};
      $('ticket-quality').checked = false; $('ticket-processed').checked = false;
    }
    contactId = id;
    products = owned || [];
    $('ticket').classList.remove('hidden');
    load(id, 0);
  }

  async function load(id, attempt) {
    const mine = ++loading;
    const r = await fetch('/api/console/contacts/' + id + '/ticket');
    if (mine !== loading || contactId !== id) return;
    // the draft is opened as the contact arrives, asynchronously: it may be a moment behind the offer
    if (r.status === 404 && attempt < 20) { setTimeout(() => load(id, attempt + 1), 500); return; }
    if (!r.ok) { problem(r.statusText); return; }
    const text = await r.text();
    // the same ticket as on screen: drawing it again would only take the form from under the agent's hands
    if (panel && text === shownText) return;
    shownText = text;
    panel = JSON.parse(text);
    render();
  }

  const reload = () => contactId && load(contactId, 0);

  function problem(text) { $('ticket-problem').textContent = text || ''; }

  function fieldValue(name) {
    if (pending[name] !== undefined) return pending[name];
    const f = panel.detail.ticket.fields || {};
    const v = f[name];
    return v === null || v === undefined ? '' : String(v);
  }

  function input(name) {
    const id = 'ticket-' + name;
    let control;
    if (name === 'productSerial') {
      control = el('select', {id});
      control.append(new Option(t('ticket.product.choose'), ''),
        ...products.map(p => new Option(p.model + ' · ' + p.serialNumber, p.serialNumber)));
      const current = fieldValue(name);
      if (current && !products.some(p => p.serialNumber === current)) control.append(new Option(current, current));
      control.value = current;
      control.onchange = () => decideWarranty(control.value);
    } else if (CHOICES[name]) {
      control = el('select', {id});
      control.append(new Option('—', ''), ...CHOICES[name].map(v => new Option(word('ticket.' + name, v), v)));
      control.value = fieldValue(name);
    } else if (name === 'description') {
      control = el('textarea', {id, rows: 3, maxLength: 2000, value: fieldValue(name)});
    } else {
      control = el('input', {id, type: INPUT[name] || 'text', value: fieldValue(name)});
    }
    control.dataset.field = name;
    return el('label', {className: 'field'}, el('span', {}, t('field.' + name)), control);
  }

  /** The archive decides warranty and charge for the serial (regulation 001), not the agent. */
  async function decideWarranty(serial) {
    warranty = null;
    $('ticket-warranty').textContent = '';
    if (!serial) return;
    try {
      const facts = {ourQualityFault: $('ticket-quality').checked, customerProcessedPart: $('ticket-processed').checked};
      const w = await Hotline.write('POST', '/api/warranty/check', {serialNumber: serial, facts});
      warranty = {warranty: w.inWarranty ? 'IN_WARRANTY' : 'OUT_OF_WARRANTY', charge: w.charge, until: w.until};
      renderWarranty();
    } catch (e) { problem(e.message); }
  }

  function renderWarranty() {
    const f = panel.detail.ticket.fields || {};
    const w = warranty || (f.warranty ? {warranty: f.warranty, charge: f.charge} : null);
    $('ticket-warranty').dataset.warranty = w ? w.warranty : '';
    $('ticket-warranty').dataset.charge = w && w.charge ? w.charge : '';
    $('ticket-warranty').textContent = !w ? '' : word('ticket.warranty', w.warranty)
      + (w.until ? ' (' + t('warranty.until', {until: w.until}) + ')' : '')
      + (w.charge ? ' · ' + t('ticket.charge') + ': ' + word('ticket.charge', w.charge) : '');
  }

  /** What the form says: only fields the agent filled, plus the archive's warranty decision. */
  function collected() {
    const fields = {};
    const type = typeChosen || panel.detail.ticket.type;
    if (type) fields.type = type;
    $('ticket-fields').querySelectorAll('[data-field]').forEach(c => {
      if (c.value === '') return;
      fields[c.dataset.field] = CHOICES[c.dataset.field] && ['true', 'false'].includes(c.value) ? c.value === 'true'
        : INPUT[c.dataset.field] === 'number' ? Number(c.value) : c.value;
    });
    if (warranty) { fields.warranty = warranty.warranty; fields.charge = warranty.charge; }
    return fields;
  }

  function keepTyped() {
    $('ticket-fields').querySelectorAll('[data-field]').forEach(c => { pending[c.dataset.field] = c.value; });
  }

  const act = promise => promise.then(() => { problem(''); pending = {}; shownText = null; reload(); })
    .catch(e => { keepTyped(); problem(e.message); });

  function render() {
    const tk = panel.detail.ticket;
    if ($('ticket-number').textContent === tk.number) keepTyped();
    const step = $('ticket-step').value;
    const type = typeChosen || tk.type;
    $('ticket-number').textContent = tk.number;
    $('ticket-status').textContent = word('ticket.status', tk.status);
    $('ticket-status').dataset.status = tk.status;
    const typeSelect = el('select', {id: 'ticket-type', disabled: tk.status !== 'DRAFT'});
    typeSelect.append(new Option(t('ticket.type.choose'), ''), ...TYPES.map(v => new Option(word('ticket.type', v), v)));
    typeSelect.value = type || '';
    typeSelect.onchange = () => { keepTyped(); typeChosen = typeSelect.value || null; render(); };
    $('ticket-fields').replaceChildren(el('label', {className: 'field'}, el('span', {}, t('field.type')), typeSelect),
      ...['description', ...(BY_TYPE[type] || [])].map(input));
    renderWarranty();
    $('ticket-step').replaceChildren(new Option(t('ticket.step.choose'), ''), ...panel.nextSteps.map(s => {
      const o = new Option(word('ticket.status', s.target)
        + (s.missing.length ? ' — ' + t('ticket.needs', {fields: s.missing.map(m => t('field.' + m.split(' ')[0])).join(', ')}) : ''), s.target);
      return o;
    }));
    if ([...$('ticket-step').options].some(o => o.value === step)) $('ticket-step').value = step;
    renderDeadlines();
    renderRecordings();
    $('ticket-history').replaceChildren(...panel.detail.history.slice(-6).reverse().map(h => el('li', {},
      Hotline.time(h.at) + ' ' + h.actor + ' · ' + word('ticket.action', h.action)
      + (h.toStatus && h.toStatus !== h.fromStatus ? ' → ' + word('ticket.status', h.toStatus) : '') + (h.note ? ': ' + noteText(h.note) : ''))));
    clearInterval(tick); tick = setInterval(renderDeadlines, 1000);
  }

  /** The service writes changed fields as "fields: name=VALUE, ..." (for the record): named in words here. */
  function noteText(note) {
    const m = /^(.*?)fields: (.*)$/s.exec(note);
    if (!m) return note;
    const names = [...m[2].matchAll(/(?:^|, )([a-zA-Z]+)=/g)].map(f => t('field.' + f[1]));
    return (m[1] ? m[1].replace(/\s*[|;,]\s*$/, '') + '; ' : '') + t('ticket.fields.changed', {fields: names.join(', ')});
  }

  function left(ms) {
    const m = Math.round(Math.abs(ms) / 60000);
    const text = m >= 120 ? t('hours', {n: Math.round(m / 60)}) : t('minutes', {n: m});
    return ms >= 0 ? t('ticket.left', {time: text}) : t('ticket.overdue', {time: text});
  }

  function renderDeadlines() {
    if (!panel) return;
    $('ticket-deadlines').replaceChildren(...(panel.detail.deadlines.length ? panel.detail.deadlines.map(d => {
      const ms = Date.parse(d.dueAt) - Date.now();
      const item = el('li', {}, t('deadline.' + d.kind) + ': ' + Hotline.dateTime(d.dueAt) + ' — '
        + (d.stoppedAt ? t('ticket.met') : left(ms)));
      item.dataset.kind = d.kind;
      if (!d.stoppedAt && ms < 0) item.className = 'bad';
      return item;
    }) : [el('li', {}, t('none'))]));
  }

  /**
   * The call recordings of the ticket's contacts, each with a player of the app's own audio URL (the server fetches
   * Twilio's copy or reads Asterisk's file; the browser never sees where it is). Contacts the agent may not hear are
   * left out (the API answers 403); a recording still being made has no player yet.
   */
  async function renderRecordings() {
    const mine = panel;
    const lists = await Promise.all(mine.detail.contactIds.map(id => fetch('/api/contacts/' + id + '/recordings')
      .then(r => r.ok ? r.json() : []).catch(() => [])));
    if (mine !== panel) return;
    const all = lists.flat();
    const text = document.documentElement.lang + JSON.stringify(all);   // a language change draws them anew
    if (text === shownRecordings) return;
    shownRecordings = text;
    $('ticket-recordings').replaceChildren(...(all.length ? all.map(rec => {
      const item = el('li', {}, Hotline.dateTime(rec.startedAt) + ' · '
        + (rec.durationSeconds === null ? '' : t('recording.seconds', {n: rec.durationSeconds}) + ' · ')
        + word('recording.source', rec.source) + ' ');
      item.dataset.recording = rec.id;
      if (rec.status === 'COMPLETED') {
        item.append(el('audio', {controls: true, preload: 'metadata', src: '/api/recordings/' + rec.id + '/audio',
          title: t('recording.play')}));
      } else {
        item.append(el('em', {}, t('recording.ongoing')));
      }
      return item;
    }) : [el('li', {}, t('recording.none'))]));
  }

  function init() {
    const recheck = () => { const serial = $('ticket-productSerial'); if (serial && serial.value) decideWarranty(serial.value); };
    $('ticket-quality').onchange = recheck;
    $('ticket-processed').onchange = recheck;
    $('ticket-save').onclick = () => act(Hotline.write('PATCH', '/api/tickets/' + panel.detail.ticket.id, collected()));
    $('ticket-go').onclick = () => {
      const target = $('ticket-step').value;
      if (!target) return;
      act(Hotline.write('POST', '/api/tickets/' + panel.detail.ticket.id + '/transitions',
        {target, fields: collected(), note: $('ticket-note').value || null}).then(() => { $('ticket-note').value = ''; typeChosen = null; }));
    };
    $('ticket-comment-add').onclick = () => {
      const text = $('ticket-comment').value;
      if (!text.trim()) return;
      act(Hotline.write('POST', '/api/tickets/' + panel.detail.ticket.id + '/comments', {text}).then(() => { $('ticket-comment').value = ''; }));
    };
  }

  /** A new offer rings: the ticket of a contact already finished goes, so it is not taken for the new one's. */
  function hideUnless(activeIds) {
    if (contactId !== null && !activeIds.has(contactId)) {
      $('ticket').classList.add('hidden'); contactId = null; panel = null; shownText = null; shownRecordings = null;
      clearInterval(tick);
    }
  }

  return {init, show, hideUnless, render: () => panel && render(), reload, contact: () => contactId};
})();
