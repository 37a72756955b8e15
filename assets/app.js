// Tumbuh: posyandu-day entry that survives a dropped connection.
// A save goes to /api/v1/pengukuran with a client id (uuid). When the network
// fails, the entry is kept in localStorage and sent again when the
// connection returns; the server stores an id once, so nothing is entered
// twice. Without JavaScript the forms post normally.
(function () {
  'use strict';
  var KEY = 'tumbuh_antrian';
  function csrf() { var m = document.querySelector('meta[name=csrf]'); return m ? m.content : ''; }
  function queue() { try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch (e) { return []; } }
  function setQueue(q) { localStorage.setItem(KEY, JSON.stringify(q)); showQueue(); }
  function showQueue() {
    var el = document.getElementById('antrian'); if (!el) return;
    var n = queue().length;
    el.textContent = n ? n + ' isian tersimpan di perangkat, menunggu sambungan…' : '';
    el.className = 'antrian' + (n ? ' ada' : '');
  }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var a = new Uint8Array(16); crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function show(form, res) {
    var out = form.querySelector('.hasil') || document.createElement('div');
    out.className = 'hasil' + (res.rujuk ? ' rujuk' : '');
    out.setAttribute('role', 'status');
    out.textContent = '';
    var p = document.createElement('p');
    p.textContent = res.ringkasan || 'Tersimpan.';
    out.appendChild(p);
    (res.saran || []).forEach(function (s) { var q = document.createElement('p'); q.textContent = s; out.appendChild(q); });
    form.appendChild(out);
  }
  function send(entry) {
    return fetch('/api/v1/pengukuran', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf() },
      body: JSON.stringify(entry)
    }).then(function (r) {
      return r.json().then(function (j) { return { status: r.status, body: j }; });
    });
  }
  function flush() {
    var q = queue(); if (!q.length || !navigator.onLine) return;
    var entry = q[0];
    send(entry).then(function (r) {
      var rest = queue().filter(function (e) { return e.uuid !== entry.uuid; });
      setQueue(rest);
      var form = document.querySelector('form[data-anak="' + entry.anak_id + '"]');
      if (form && r.status < 300) show(form, r.body);
      if (rest.length) flush();
    }).catch(function () { /* still offline: keep it */ });
  }
  function plausible(form, e) {
    var bb = parseFloat(e.bb), tb = parseFloat(e.tb), last = parseFloat(form.dataset.bbLalu || 'NaN');
    var warn = [];
    if (!isNaN(bb) && (bb < 1 || bb > 40)) warn.push('berat ' + bb + ' kg');
    if (!isNaN(tb) && (tb < 40 || tb > 130)) warn.push('panjang/tinggi ' + tb + ' cm');
    if (!isNaN(bb) && !isNaN(last) && Math.abs(bb - last) > 1.5) warn.push('berat berubah ' + (bb - last).toFixed(1) + ' kg dari bulan lalu');
    return !warn.length || window.confirm('Nilai tidak biasa: ' + warn.join(', ') + '. Simpan juga?');
  }
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (!form.matches || !form.matches('form.ukur')) return;
    ev.preventDefault();
    var fd = new FormData(form);
    var e = { uuid: uuid(), anak_id: parseInt(form.dataset.anak, 10), posyandu_id: parseInt(form.dataset.posyandu, 10),
              tanggal: fd.get('tanggal'), bb: fd.get('bb'), tb: fd.get('tb'), cara_ukur: fd.get('cara_ukur'),
              lila: fd.get('lila'), vit_a: fd.get('vit_a') ? 1 : 0, pmt: fd.get('pmt') ? 1 : 0 };
    if (!plausible(form, e)) return;
    e.yakin = 1;
    var q = queue(); q.push(e); setQueue(q);
    show(form, { ringkasan: 'Menyimpan…' });
    if (navigator.onLine) flush(); else show(form, { ringkasan: 'Tidak ada sambungan: tersimpan di perangkat, akan dikirim otomatis.' });
    setTimeout(function () { if (queue().some(function (x) { return x.uuid === e.uuid; })) show(form, { ringkasan: 'Tersimpan di perangkat, akan dikirim saat sambungan kembali.' }); }, 4000);
  });
  window.addEventListener('online', flush);
  setInterval(flush, 10000);
  document.addEventListener('DOMContentLoaded', function () { showQueue(); flush(); });
})();
document.addEventListener('click', function (ev) {
  if (ev.target && ev.target.hasAttribute && ev.target.hasAttribute('data-cetak')) window.print();
});
