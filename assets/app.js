// Tumbuh: posyandu-day entry that survives a dropped connection, an ended
// session and a refusal, and that a shared phone does not show to the next user.
//
// A save goes to /api/v1/pengukuran with a client id (uuid); the server
// stores an id once, so sending again never enters anything twice. Every
// entry waits in a queue until the server has stored it (2xx, or "duplikat")
// or refused it for a reason the user must act on (422 invalid, 409 asking
// to confirm an unusual value, 403/404 child out of reach): then the entry
// shows the reason and the user corrects and resends it, confirms it, or
// discards it. 401 (session ended) keeps everything and asks to log in again;
// network errors and 5xx are retried later with a growing pause.
//
// The queue lives in localStorage under the user's own key
// ("tumbuh_antrian:<user id>"), encrypted with AES-GCM under a key the
// server gives only to that logged-in user (GET /api/v1/saya,
// kunci_antrian): after logout nothing readable is left, and each user of a
// phone sees and sends only their own entries. Without WebCrypto (plain
// http on a network) entries are kept only while the page is open.
// Without JavaScript the forms post normally.
//
// A monitoring visit (/monitoring/isi) is an entry too; its photo answers
// wait in IndexedDB, encrypted with the same key (see "photos on the
// phone" below), and are uploaded just before the visit is sent.
//
// The TPK member's day (/tpk/hari) uses the same queue: a visit form
// (form.tpk) becomes an entry with jalur 'tpk' whose fields (isi) go to
// /api/v1/kunjungan-tpk with their uuid, stored once like a measurement.
(function () {
  'use strict';
  var PREFIX = 'tumbuh_antrian';
  var SENT = ['uuid', 'anak_id', 'posyandu_id', 'tanggal', 'bb', 'tb', 'cara_ukur', 'lila', 'vit_a', 'pmt', 'yakin'];
  var me = null;          // {id, csrf, key}
  var Q = [];             // this user's entries, oldest first
  var gone = {};          // uuids stored or discarded on this page
  var sesiBerakhir = false, penggunaLain = false, hanyaMemori = false;
  var sending = false, pause = 0, nextTry = 0, timer = null;
  var chain = Promise.resolve();
  var ready;

  function $(sel, root) { return (root || document).querySelector(sel); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function csrf() {
    if (me && me.csrf) return me.csrf;
    var m = $('meta[name=csrf]'); return m ? m.content : '';
  }
  function b64(buf) { return btoa(String.fromCharCode.apply(null, new Uint8Array(buf))); }
  function unb64(s) { return Uint8Array.from(atob(s), function (c) { return c.charCodeAt(0); }); }
  function storeKey() { return PREFIX + ':' + me.id; }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var a = new Uint8Array(16); crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // --- encrypted storage -------------------------------------------------
  function encrypt(list) {
    var iv = crypto.getRandomValues(new Uint8Array(12));
    var data = new TextEncoder().encode(JSON.stringify(list));
    return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv, additionalData: new TextEncoder().encode(storeKey()) }, me.key, data)
      .then(function (ct) { return JSON.stringify({ v: 1, iv: b64(iv), data: b64(ct) }); });
  }
  function decrypt(text) {
    if (!text) return Promise.resolve([]);
    return Promise.resolve(text).then(JSON.parse).then(function (o) {
      return crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(o.iv), additionalData: new TextEncoder().encode(storeKey()) }, me.key, unb64(o.data));
    }).then(function (pt) { return JSON.parse(new TextDecoder().decode(pt)); });
  }
  function merge(stored) {
    var have = {};
    Q.forEach(function (e) { have[e.uuid] = true; });
    (stored || []).forEach(function (e) { if (!have[e.uuid] && !gone[e.uuid]) Q.push(e); });
    Q = Q.filter(function (e) { return !gone[e.uuid]; });
  }
  // Writes the queue (merged with what another tab may have written).
  function persist() {
    render();
    if (!me || !me.key) return chain;
    chain = chain.then(function () {
      return decrypt(localStorage.getItem(storeKey())).catch(function () { return []; });
    }).then(function (stored) {
      merge(stored);
      if (!Q.length) { localStorage.removeItem(storeKey()); return; }
      return encrypt(Q).then(function (t) { localStorage.setItem(storeKey(), t); });
    }).catch(function () { hanyaMemori = true; render(); });
    return chain;
  }
  // Who is logged in, the queue key and the CSRF token (null: not logged in).
  function saya() {
    return fetch('/api/v1/saya', { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      if (r.status === 401) return null;
      if (!r.ok) throw new Error('saya ' + r.status);
      return r.json();
    });
  }
  function load() {
    return saya().then(function (u) {
      if (!u) return;
      me = { id: u.id, csrf: u.csrf, key: null };
      if (!(window.crypto && crypto.subtle && u.kunci_antrian)) { hanyaMemori = true; return; }
      return crypto.subtle.importKey('raw', unb64(u.kunci_antrian), 'AES-GCM', false, ['encrypt', 'decrypt']).then(function (k) {
        me.key = k;
        return decrypt(localStorage.getItem(storeKey())).catch(function () {
          // written under another key (e.g. a new database): keep it aside, unread
          localStorage.setItem(storeKey() + ':tak-terbaca', localStorage.getItem(storeKey()));
          return [];
        });
      }).then(function (stored) {
        merge(stored);
        fotoBersihkan();
        var old = localStorage.getItem(PREFIX); // plain queue of an older version
        if (old) {
          try { JSON.parse(old).forEach(function (e) { delete e.yakin; e.status = 'menunggu'; Q.push(e); }); } catch (x) { /* unreadable */ }
          localStorage.removeItem(PREFIX);
          return persist();
        }
      });
    }).catch(function () { /* offline at load: nothing to decrypt with */ });
  }

  // --- photos on the phone (monitoring) ----------------------------------
  // A photo answer is kept in IndexedDB (a photo is too large for
  // localStorage), encrypted with the queue's key, additionalData naming the
  // user and the photo's client id: another user of the phone can neither
  // read nor send it. The queued entry refers to it by that id (e.foto
  // {kode: id}); at flush each photo is uploaded first with ?uuid=id (the
  // server stores an id once), the server's photo id goes into the answer,
  // and the photo is deleted from the phone once the answer is stored.
  var FOTO_MAX = 8 * 1024 * 1024, FOTO_SISI = 1600;
  var fotoMem = {}; // without WebCrypto/IndexedDB: kept while the page is open
  var fotoDb = null;
  function fotoAd(id) { return new TextEncoder().encode('tumbuh_foto:' + me.id + ':' + id); }
  function fotoTx(mode, fn) {
    if (!fotoDb) fotoDb = new Promise(function (res, rej) {
      var rq = indexedDB.open('tumbuh_foto', 1);
      rq.onupgradeneeded = function () { rq.result.createObjectStore('foto', { keyPath: 'id' }).createIndex('user', 'user'); };
      rq.onsuccess = function () { res(rq.result); };
      rq.onerror = function () { rej(rq.error); };
    });
    return fotoDb.then(function (db) {
      return new Promise(function (res, rej) {
        var t = db.transaction('foto', mode), rq = fn(t.objectStore('foto'));
        t.oncomplete = function () { res(rq && rq.result); };
        t.onerror = t.onabort = function () { rej(t.error); };
      });
    });
  }
  function fotoAman() { return !!(me && me.key && window.indexedDB); }
  function fotoSimpan(id, blob) {
    if (!fotoAman()) { fotoMem[id] = blob; return Promise.resolve(); }
    var iv = crypto.getRandomValues(new Uint8Array(12));
    return blob.arrayBuffer().then(function (buf) {
      return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv, additionalData: fotoAd(id) }, me.key, buf);
    }).then(function (ct) {
      return fotoTx('readwrite', function (st) {
        return st.put({ id: id, user: me.id, jenis: blob.type || 'image/jpeg', iv: iv, data: ct, waktu: Date.now() });
      });
    });
  }
  // The photo as a Blob, or null when it is not on this phone for this user.
  function fotoBaca(id) {
    if (fotoMem[id]) return Promise.resolve(fotoMem[id]);
    if (!fotoAman()) return Promise.resolve(null);
    return fotoTx('readonly', function (st) { return st.get(id); }).then(function (r) {
      if (!r || r.user !== me.id) return null;
      return crypto.subtle.decrypt({ name: 'AES-GCM', iv: r.iv, additionalData: fotoAd(id) }, me.key, r.data)
        .then(function (pt) { return new Blob([pt], { type: r.jenis }); });
    });
  }
  function fotoHapus(ids) {
    ids.forEach(function (id) { delete fotoMem[id]; });
    if (!ids.length || !window.indexedDB) return Promise.resolve();
    return fotoTx('readwrite', function (st) { ids.forEach(function (id) { st.delete(id); }); }).catch(function () {});
  }
  function fotoIds(e) { return Object.keys(e.foto || {}).map(function (k) { return e.foto[k]; }); }
  // This user's photos no queued entry uses and older than a day (a form
  // left without saving) are removed from the phone.
  function fotoBersihkan() {
    if (!fotoAman()) return;
    var pakai = {}, lama = Date.now() - 86400000;
    Q.forEach(function (e) { fotoIds(e).forEach(function (id) { pakai[id] = true; }); });
    return fotoTx('readonly', function (st) { return st.index('user').getAll(me.id); }).then(function (rs) {
      return fotoHapus(rs.filter(function (r) { return !pakai[r.id] && r.waktu < lama; }).map(function (r) { return r.id; }));
    }).catch(function () {});
  }
  function tolak(pesan) { var x = new Error(pesan); x.pesan = pesan; return x; }
  // A chosen photo, ready to keep: a long side above 1600 px is scaled down
  // (JPEG 0.8); a photo that is not JPEG/PNG/WebP is re-encoded as JPEG.
  function fotoSiapkan(f) {
    if (!/^image\//.test(f.type || 'image/')) return Promise.reject(tolak('Berkas ini bukan foto (JPEG, PNG atau WebP): pilih foto lain.'));
    if (!window.createImageBitmap) {
      return f.size > FOTO_MAX ? Promise.reject(tolak('Foto terlalu besar (paling besar 8 MB): pilih foto dengan resolusi kamera lebih rendah.')) : Promise.resolve(f);
    }
    return createImageBitmap(f).then(function (bmp) {
      var w = bmp.width, h = bmp.height, k = Math.min(1, FOTO_SISI / Math.max(w, h));
      if (k === 1 && f.size <= FOTO_MAX && /^image\/(jpeg|png|webp)$/.test(f.type)) { if (bmp.close) bmp.close(); return f; }
      var c = document.createElement('canvas'), g;
      c.width = Math.max(1, Math.round(w * k)); c.height = Math.max(1, Math.round(h * k));
      g = c.getContext('2d');
      g.fillStyle = '#fff'; g.fillRect(0, 0, c.width, c.height); // a PNG's transparency: white, not black
      g.drawImage(bmp, 0, 0, c.width, c.height);
      if (bmp.close) bmp.close();
      return new Promise(function (res) { c.toBlob(res, 'image/jpeg', 0.8); });
    }, function () {
      throw tolak('Berkas ini tidak bisa dibaca sebagai foto (JPEG, PNG atau WebP): pilih foto lain.');
    }).then(function (b) {
      if (!b) throw tolak('Foto tidak bisa diperkecil di perangkat ini: pilih foto lain.');
      if (b.size > FOTO_MAX) throw tolak('Foto terlalu besar (paling besar 8 MB): pilih foto dengan resolusi kamera lebih rendah.');
      return b;
    });
  }
  // Uploads the photos of entry e not yet on the server; null when all are
  // there (their ids in the answers), else the refusing response.
  function fotoKirim(e) {
    var p = Promise.resolve(null);
    Object.keys(e.foto || {}).forEach(function (kode) {
      p = p.then(function (stop) {
        if (stop || e.data.jawaban[kode]) return stop;
        var id = e.foto[kode];
        return fotoBaca(id).then(function (blob) {
          if (!blob) {
            delete e.foto[kode];
            return { status: 422, body: { galat: 'Foto untuk "' + kode + '" tidak ada lagi di perangkat ini. Kirim ulang tanpa foto itu, atau buang isian.' } };
          }
          return fetch('/api/v1/monitoring/foto?uuid=' + encodeURIComponent(id), {
            method: 'POST', credentials: 'same-origin',
            headers: { 'X-CSRF-Token': csrf(), 'Content-Type': 'application/octet-stream' }, body: blob
          }).then(function (r) {
            return r.json().catch(function () { return {}; }).then(function (j) {
              if (r.ok && j.id) { e.data.jawaban[kode] = String(j.id); return null; }
              if (j.galat && r.status !== 401 && r.status !== 403) j.galat = 'Foto "' + kode + '" ditolak: ' + j.galat;
              return { status: r.status, body: j };
            });
          });
        });
      });
    });
    return p;
  }

  // --- sending -----------------------------------------------------------
  function formOf(e) {
    if (e.jalur === 'tpk') return $('form.tpk[data-individu="' + e.individu_id + '"][data-jenis="' + e.jenis + '"]');
    return $('form.ukur[data-anak="' + e.anak_id + '"]');
  }
  function send(entry) {
    var body = {};
    if (entry.jalur === 'tpk') {
      Object.keys(entry.isi || {}).forEach(function (k) { body[k] = entry.isi[k]; });
      body.uuid = entry.uuid;
    } else SENT.forEach(function (k) { if (entry[k] !== undefined) body[k] = entry[k]; });
    if (entry.url) body = entry.data; // another form's entry (monitoring): its own URL and body
    return fetch(entry.url || (entry.jalur === 'tpk' ? '/api/v1/kunjungan-tpk' : '/api/v1/pengukuran'), {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf() },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) { return { status: r.status, body: j }; });
    });
  }
  function later() {
    pause = Math.min(pause ? pause * 2 : 5000, 300000);
    nextTry = Date.now() + pause;
    clearTimeout(timer);
    timer = setTimeout(function () { flush(); }, pause);
    render();
  }
  function flush(force) {
    if (force) nextTry = 0;
    if (sending || !me || sesiBerakhir || penggunaLain || !navigator.onLine || Date.now() < nextTry) return;
    var entry = Q.filter(function (e) { return e.status === 'menunggu'; })[0];
    if (!entry) return;
    sending = true;
    render();
    (entry.foto ? fotoKirim(entry) : Promise.resolve(null)).then(function (stop) { return stop || send(entry); }).then(function (r) {
      sending = false;
      answered(entry, r);
    }, function () { sending = false; later(); });
  }
  function answered(entry, r) {
    var s = r.status, j = r.body || {};
    if ((s >= 200 && s < 300) || j.duplikat === true) {
      pause = 0; nextTry = 0;
      gone[entry.uuid] = true;
      merge([]);
      var form = formOf(entry);
      if (form) { show(form, j); form.dataset.tersimpan = '1'; } // measured now: not "belum ditimbang"
      var mon = entry.url && $('form.monitoring .hasil');
      var nf = fotoIds(entry).length;
      if (mon) mon.textContent = 'Tersimpan di server: ' + entry.nama + '.' + (nf ? ' Foto terkirim.' : '');
      fotoHapus(fotoIds(entry)); // only now: the answer that uses them is stored
      persist();
      return flush();
    }
    if (s === 401) { sesiBerakhir = true; return render(); }
    if (s === 403 && !entry.tokenBaru) { // a CSRF token of an older session?
      entry.tokenBaru = true;
      return saya().then(function (u) {
        if (!u) { sesiBerakhir = true; return render(); }
        if (u.id !== me.id) { penggunaLain = true; return render(); }
        me.csrf = u.csrf; flush(true);
      }, later);
    }
    if (s === 408 || s === 429 || s >= 500 || !s) return later();
    entry.status = s === 409 && j.perlu_konfirmasi ? 'konfirmasi' : 'gagal';
    entry.kode = s;
    entry.galat = j.galat || ('Ditolak server (kode ' + s + ').');
    entry.periksa = Array.isArray(j.periksa) ? j.periksa : [];
    delete entry.tokenBaru;
    var f = formOf(entry);
    if (f) show(f, { ringkasan: 'Belum tersimpan: ' + entry.galat, gagal: entry.uuid });
    persist();
    flush();
  }

  // --- what the user sees ------------------------------------------------
  function show(form, res) {
    var out = form.querySelector('.hasil') || document.createElement('div');
    out.className = 'hasil' + (res.rujuk ? ' rujuk' : '') + (res.gagal ? ' gagal' : '');
    out.setAttribute('role', 'status');
    out.textContent = '';
    out.appendChild(el('p', null, res.ringkasan || 'Tersimpan.'));
    (res.saran || []).forEach(function (s) { out.appendChild(el('p', null, s)); });
    if (res.gagal) {
      var a = el('a', null, 'Perbaiki di daftar isian belum terkirim');
      a.href = '#isian-' + res.gagal;
      out.appendChild(a);
    }
    form.appendChild(out);
  }
  // Shown as Indonesians write them: 30/11/2026, 8,4 (the entry keeps ISO and dots).
  function tgl(d) {
    return /^\d{4}-\d{2}-\d{2}$/.test(d || '') ? d.slice(8, 10) + '/' + d.slice(5, 7) + '/' + d.slice(0, 4) : (d || '');
  }
  function angka(x) { return String(x).replace('.', ','); }
  function values(e) {
    if (e.jalur === 'tpk') return tgl(e.isi && e.isi.tanggal) + ' · kunjungan ' + e.jenis;
    var v = [tgl(e.tanggal)];
    if (e.bb) v.push('BB ' + angka(e.bb) + ' kg');
    if (e.tb) v.push((e.cara_ukur === 'h' ? 'TB ' : 'PB ') + angka(e.tb) + ' cm');
    if (e.lila) v.push('LiLA ' + angka(e.lila) + ' cm');
    return v.join(' · ');
  }
  function field(label, name, value, type) {
    var l = el('label', null, label + ' ');
    var i = el('input');
    i.name = name; i.type = type; i.value = value || '';
    if (type === 'number') { i.step = '0.1'; i.inputMode = 'decimal'; }
    l.appendChild(i);
    return l;
  }
  function button(text, cls, fn) {
    var b = el('button', cls, text);
    b.type = 'button';
    b.addEventListener('click', fn);
    return b;
  }
  function fix(e, li, yakin) {
    if (e.jalur === 'tpk') {
      Array.prototype.forEach.call(li.querySelectorAll('.ubah input'), function (i) { e.isi[i.name] = i.value; });
      e.tanggal = e.isi.tanggal;
    } else ['tanggal', 'bb', 'tb', 'lila'].forEach(function (k) {
      var i = li.querySelector('input[name=' + k + ']'); if (i) e[k] = i.value;
    });
    e.status = 'menunggu';
    if (yakin) e.yakin = 1; else delete e.yakin;
    delete e.galat; delete e.kode; delete e.periksa;
    var f = formOf(e);
    if (f) show(f, { ringkasan: 'Menyimpan…' });
    persist();
    flush(true);
  }
  function discard(e) {
    if (!window.confirm('Buang isian ' + e.nama + ' (' + values(e) + ')? Isian ini tidak akan tersimpan.')) return;
    gone[e.uuid] = true;
    merge([]);
    fotoHapus(fotoIds(e));
    persist();
  }
  function item(e) {
    var li = el('li', 'isian ' + e.status);
    li.id = 'isian-' + e.uuid;
    var head = el('p');
    head.appendChild(el('strong', null, e.nama || (e.jalur === 'tpk' ? 'Sasaran #' + e.individu_id : 'Anak #' + e.anak_id)));
    head.appendChild(document.createTextNode(' · ' + values(e)));
    li.appendChild(head);
    if (e.status === 'menunggu') {
      var nf = fotoIds(e).length;
      li.appendChild(el('p', 'keadaan', 'Menunggu dikirim.' + (nf ? ' ' + nf + ' foto tersimpan di perangkat, dikirim saat tersambung.' : '')));
      return li;
    }
    li.appendChild(el('p', 'galat', e.galat));
    if (e.url) { // a monitoring visit: correct it in a new form, or send again, or discard
      var ul2 = el('ul', 'periksa');
      (e.periksa || []).forEach(function (p) { ul2.appendChild(el('li', null, (p.kolom ? p.kolom + ': ' : '') + p.pesan)); });
      li.appendChild(ul2);
      var act2 = el('div', 'aksi');
      act2.appendChild(button('Kirim ulang', 'kedua', function () {
        (e.periksa || []).forEach(function (p) { if (e.foto && e.foto[p.kolom]) delete e.data.jawaban[p.kolom]; });
        e.status = 'menunggu'; delete e.galat; persist(); flush(true);
      }));
      act2.appendChild(button('Buang', 'buang', function () { discard(e); }));
      li.appendChild(act2);
      return li;
    }
    if (e.periksa && e.periksa.length) {
      var ul = el('ul', 'periksa');
      e.periksa.forEach(function (p) { ul.appendChild(el('li', null, (p.kolom ? p.kolom + ': ' : '') + p.pesan)); });
      li.appendChild(ul);
    }
    var act = el('div', 'aksi');
    if (e.kode === 403 || e.kode === 404) {
      li.appendChild(el('p', 'keadaan', 'Isian ini tidak bisa disimpan untuk anak ini. Bila anak ini seharusnya ada di posyandu Anda, hubungi petugas gizi puskesmas lalu coba kirim lagi; bila tidak, buang isian ini.'));
      act.appendChild(button('Coba kirim lagi', 'kedua', function () { fix(e, li, !!e.yakin); }));
    } else {
      if (e.status === 'konfirmasi') li.appendChild(el('p', 'keadaan', 'Periksa nilai di bawah. Perbaiki lalu kirim ulang, atau konfirmasi bila nilai memang benar.'));
      else li.appendChild(el('p', 'keadaan', 'Perbaiki isian di bawah lalu kirim ulang.'));
      var edit = el('div', 'ubah');
      if (e.jalur === 'tpk') { // the date and every refused field, as typed
        var seen = { tanggal: true };
        edit.appendChild(field('Tanggal', 'tanggal', e.isi.tanggal, 'date'));
        (e.periksa || []).forEach(function (p) {
          if (!p.kolom || seen[p.kolom]) return;
          seen[p.kolom] = true;
          edit.appendChild(field(p.kolom, p.kolom, e.isi[p.kolom], 'text'));
        });
        li.appendChild(edit);
        act.appendChild(button('Kirim ulang', '', function () { fix(e, li, false); }));
        act.appendChild(button('Buang', 'buang', function () { discard(e); }));
        li.appendChild(act);
        return li;
      }
      edit.appendChild(field('Tanggal', 'tanggal', e.tanggal, 'date'));
      edit.appendChild(field('BB (kg)', 'bb', e.bb, 'number'));
      edit.appendChild(field('PB/TB (cm)', 'tb', e.tb, 'number'));
      edit.appendChild(field('LiLA (cm)', 'lila', e.lila, 'number'));
      li.appendChild(edit);
      if (e.status === 'konfirmasi') act.appendChild(button('Ya, nilai benar', 'yakin', function () { fix(e, li, true); }));
      act.appendChild(button('Kirim ulang', e.status === 'konfirmasi' ? 'kedua' : '', function () { fix(e, li, false); }));
    }
    act.appendChild(button('Buang', 'buang', function () { discard(e); }));
    li.appendChild(act);
    return li;
  }
  // The bar above the list, sticky at the top while scrolling the children.
  function bar(box) {
    var b = $('#antrian-bar');
    if (!b) { b = el('div', 'antrian-bar'); b.id = 'antrian-bar'; box.parentNode.insertBefore(b, box); }
    b.textContent = '';
    return b;
  }
  function summary(box, wait, bad) {
    var p = el('p', 'ringkas');
    p.setAttribute('role', 'status');
    var t = [];
    if (wait) t.push(wait + ' isian tersimpan di perangkat, ' + (sending ? 'sedang dikirim…' : navigator.onLine && !sesiBerakhir ? 'menunggu dikirim…' : 'menunggu sambungan…'));
    if (bad) t.push(bad + ' isian ditolak server dan perlu diperiksa.');
    p.textContent = t.join(' ');
    if (bad && location.hash !== '#antrian') {
      var see = el('a', 'lihat', 'Lihat');
      see.href = '#antrian';
      p.appendChild(document.createTextNode(' '));
      p.appendChild(see);
    }
    box.appendChild(p);
    if (sesiBerakhir) {
      var s = el('p', 'sesi', 'Sesi berakhir: masuk lagi untuk mengirim ' + Q.length + ' isian. ');
      var a = el('a', 'tombol', 'Masuk lagi');
      a.href = '/masuk?lanjut=' + encodeURIComponent(location.pathname + location.search);
      s.appendChild(a);
      box.appendChild(s);
    }
    if (penggunaLain) box.appendChild(el('p', 'sesi', 'Pengguna lain sudah masuk di perangkat ini. Muat ulang halaman; isian Anda tetap tersimpan dan terkirim saat Anda masuk lagi.'));
    if (hanyaMemori) box.appendChild(el('p', 'sesi', 'Peramban ini tidak bisa menyimpan antrian dengan aman: isian hanya tersimpan selama halaman ini terbuka.'));
  }
  // Redraws the queue; an entry being edited is kept as it is.
  function render() {
    var box = $('#antrian'); if (!box) return;
    var wait = Q.filter(function (e) { return e.status === 'menunggu'; }).length, bad = Q.length - wait;
    var top = bar(box), cls = (Q.length ? ' ada' : '') + (bad || sesiBerakhir ? ' perlu' : '');
    box.className = 'antrian' + cls;
    top.className = 'antrian-bar' + cls;
    var old = {}, focused = document.activeElement;
    Array.prototype.forEach.call(box.querySelectorAll('li.isian'), function (li) { old[li.id] = li; });
    box.textContent = '';
    if (!Q.length) return;
    summary(top, wait, bad);
    box.appendChild(el('h2', null, 'Isian belum terkirim'));
    var list = el('ul', 'isian-daftar');
    Q.forEach(function (e) {
      var ver = [e.status, e.galat, e.tanggal, e.bb, e.tb, e.lila].join('|');
      var li = old['isian-' + e.uuid];
      if (!li || li.getAttribute('data-ver') !== ver) { li = item(e); li.setAttribute('data-ver', ver); }
      list.appendChild(li);
    });
    box.appendChild(list);
    if (focused && box.contains(focused)) focused.focus();
  }

  // A hint before sending; the server decides (409 asks to confirm).
  function hint(form, e) {
    var bb = parseFloat(e.bb), tb = parseFloat(e.tb);
    var lastBb = parseFloat(form.dataset.bbLalu || 'NaN'), lastTb = parseFloat(form.dataset.tbLalu || 'NaN');
    var w = [];
    if (!isNaN(bb) && !isNaN(lastBb) && Math.abs(bb - lastBb) > 1.5) w.push('berat berubah ' + (bb - lastBb).toFixed(1) + ' kg dari bulan lalu');
    if (!isNaN(tb) && !isNaN(lastTb) && tb < lastTb - 1.5) w.push('panjang/tinggi turun ' + (lastTb - tb).toFixed(1) + ' cm dari bulan lalu');
    return w.length ? ' Periksa: ' + w.join(', ') + '.' : '';
  }
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (form.matches && form.matches('form.keluar')) return logout(ev, form);
    if (form.matches && form.matches('form.tpk')) return visit(ev, form);
    if (!form.matches || !form.matches('form.ukur')) return;
    ev.preventDefault();
    var fd = new FormData(form), li = form.closest('li'), name = li && li.querySelector('strong');
    var e = { uuid: uuid(), anak_id: parseInt(form.dataset.anak, 10), posyandu_id: parseInt(form.dataset.posyandu, 10),
              tanggal: fd.get('tanggal'), bb: fd.get('bb'), tb: fd.get('tb'), cara_ukur: fd.get('cara_ukur'),
              lila: fd.get('lila'), vit_a: fd.get('vit_a') ? 1 : 0, pmt: fd.get('pmt') ? 1 : 0,
              nama: name ? name.textContent : '', status: 'menunggu' };
    var h = hint(form, e);
    Q.push(e);
    show(form, { ringkasan: navigator.onLine ? 'Menyimpan…' + h : 'Tidak ada sambungan: tersimpan di perangkat, akan dikirim otomatis.' + h });
    (ready || Promise.resolve()).then(persist).then(function () { flush(true); });
    setTimeout(function () {
      if (Q.some(function (x) { return x.uuid === e.uuid && x.status === 'menunggu'; }))
        show(form, { ringkasan: 'Tersimpan di perangkat, akan dikirim saat sambungan kembali.' + h });
    }, 4000);
  });
  // A TPK visit: queued like a measurement, its fields sent as typed.
  function visit(ev, form) {
    ev.preventDefault();
    var fd = new FormData(form), li = form.closest('li'), name = li && li.querySelector('strong'), isi = {};
    fd.forEach(function (v, k) { if (k !== 'csrf') isi[k] = v; });
    var e = { uuid: uuid(), jalur: 'tpk', individu_id: parseInt(form.dataset.individu, 10), jenis: form.dataset.jenis,
              tanggal: isi.tanggal, isi: isi, nama: name ? name.textContent : '', status: 'menunggu' };
    Q.push(e);
    show(form, { ringkasan: navigator.onLine ? 'Menyimpan…' : 'Tidak ada sambungan: tersimpan di perangkat, akan dikirim otomatis.' });
    (ready || Promise.resolve()).then(persist).then(function () { flush(true); });
    setTimeout(function () {
      if (Q.some(function (x) { return x.uuid === e.uuid && x.status === 'menunggu'; }))
        show(form, { ringkasan: 'Tersimpan di perangkat, akan dikirim saat sambungan kembali.' });
    }, 4000);
  }
  // Logging out with entries queued asks first; they stay (encrypted) for the next login.
  function logout(ev, form) {
    if (form.dataset.yakin) return;
    ev.preventDefault();
    var wait = new Promise(function (res) { setTimeout(res, 3000); });
    Promise.race([ready || Promise.resolve(), wait]).then(function () { return chain; }).then(function () {
      var n = Q.length;
      if (n && !window.confirm(n + ' isian belum terkirim. Keluar tetap? Isian tetap disimpan di perangkat ini dan terkirim saat Anda masuk lagi.')) return;
      if (n && hanyaMemori && !window.confirm('Peramban ini tidak bisa menyimpan isian dengan aman: ' + n + ' isian akan hilang. Keluar tetap?')) return;
      form.dataset.yakin = '1';
      Q = []; me = null;
      form.submit();
    });
  }
  function start() {
    var logged = !!$('meta[name=csrf]'), any = false;
    for (var i = 0; i < localStorage.length; i++) if (localStorage.key(i).indexOf(PREFIX) === 0) any = true;
    ready = logged && ($('#antrian') || any) ? load() : Promise.resolve();
    ready.then(function () { render(); flush(true); });
  }
  window.addEventListener('online', function () { flush(true); });
  window.addEventListener('offline', render);
  window.addEventListener('storage', function (ev) {
    if (!me || !me.key || ev.key !== storeKey()) return;
    decrypt(ev.newValue).then(function (s) { merge(s); render(); flush(); }, function () {});
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState !== 'visible' || !sesiBerakhir || !me) return;
    saya().then(function (u) {
      if (u && u.id === me.id) { sesiBerakhir = false; me.csrf = u.csrf; flush(true); } else render();
    }, function () {});
  });
  window.addEventListener('beforeunload', function (ev) {
    if (hanyaMemori && Q.length) { ev.preventDefault(); ev.returnValue = ''; }
  });
  setInterval(function () {
    if (!me && navigator.onLine && $('#antrian')) { // the key could not be fetched at load: again, then send
      ready = load();
      ready.then(function () { render(); flush(true); });
    } else flush();
  }, 10000);
  // Monitoring visits (/monitoring/isi): the answers go into the same queue
  // as a measurement, sent to /api/v1/monitoring with their client id.
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (!form.matches || !form.matches('form.monitoring')) return;
    ev.preventDefault();
    var out = form.querySelector('.hasil') || el('div', 'hasil');
    out.setAttribute('role', 'status');
    if (form.querySelector('.foto-status.sedang')) {
      out.textContent = 'Foto masih disiapkan: tunggu sebentar lalu simpan lagi.';
      form.appendChild(out);
      return;
    }
    var wajib = Array.prototype.filter.call(form.querySelectorAll('fieldset.butir input[type=hidden][required]'), function (i) { return !i.value; })[0];
    if (wajib) { // a required photo: the browser does not check a hidden field
      var lg = wajib.closest('fieldset').querySelector('legend');
      out.textContent = 'Belum tersimpan: foto "' + (lg ? lg.textContent.replace(/\s*\*$/, '') : '') + '" wajib, pilih fotonya dulu.';
      form.appendChild(out);
      return;
    }
    var fd = new FormData(form), jawaban = {}, foto = null, desa = form.querySelector('select[name=desa]');
    fd.forEach(function (v, k) {
      if (k.indexOf('j_') !== 0 || v === '') return;
      if (String(v).indexOf('lokal:') === 0) { foto = foto || {}; foto[k.slice(2)] = v.slice(6); } // a photo kept on the phone
      else jawaban[k.slice(2)] = v;
    });
    var pos = fd.get('posyandu_id'), id = uuid();
    var label = (form.dataset.kuesioner || 'Monitoring') + ' · ' + (desa && desa.selectedIndex > 0 ? desa.options[desa.selectedIndex].text : '');
    var p = form.querySelector('select[name=posyandu_id]');
    if (p && p.selectedIndex > 0) label += ' · ' + p.options[p.selectedIndex].text;
    var e = { uuid: id, url: '/api/v1/monitoring', nama: label, tanggal: fd.get('tanggal'), status: 'menunggu',
              data: { uuid: id, versi_id: parseInt(form.dataset.versi, 10), desa: fd.get('desa'),
                      posyandu_id: pos ? parseInt(pos, 10) : 0, tahap: parseInt(fd.get('tahap'), 10),
                      tanggal: fd.get('tanggal'), catatan: fd.get('catatan') || '', jawaban: jawaban } };
    if (foto) e.foto = foto;
    Q.push(e);
    out.textContent = navigator.onLine ? 'Menyimpan ' + label + '…' : 'Tidak ada sambungan: ' + label + ' tersimpan di perangkat, akan dikirim otomatis.';
    form.appendChild(out);
    (ready || Promise.resolve()).then(persist).then(function () { flush(true); });
    // ready for the next posyandu: the answers cleared, desa, stage and date kept
    Array.prototype.forEach.call(form.querySelectorAll('fieldset.butir input, fieldset.butir select, fieldset.butir textarea, textarea[name=catatan]'), function (i) {
      if (i.type === 'radio' || i.type === 'checkbox') i.checked = false; else if (i.type !== 'file') i.value = ''; else i.value = null;
    });
    Array.prototype.forEach.call(form.querySelectorAll('.foto-status'), function (s) { s.textContent = ''; });
  });
  // A photo question: the chosen photo is made ready (scaled down when
  // large) and kept on the phone, encrypted; the answer refers to it
  // ("lokal:<client id>") until the queue sends it before the answer.
  document.addEventListener('change', function (ev) {
    var input = ev.target;
    if (!input.matches || !input.matches('form.monitoring input.foto')) return;
    var box = input.closest('fieldset'), hidden = box.querySelector('input[type=hidden]'), msg = box.querySelector('.foto-status');
    var f = input.files[0], before = hidden.value, id = uuid();
    input.dataset.pilihan = id; // a photo chosen again meanwhile replaces this one
    if (before.indexOf('lokal:') === 0) fotoHapus([before.slice(6)]); // replaced
    hidden.value = '';
    msg.textContent = '';
    if (!f) { msg.classList.remove('sedang'); return; }
    msg.textContent = 'Menyiapkan foto…';
    msg.classList.add('sedang');
    fotoSiapkan(f).then(function (blob) {
      return (ready || Promise.resolve()).then(function () { return fotoSimpan(id, blob); }).then(function () {
        if (input.dataset.pilihan !== id) return fotoHapus([id]);
        hidden.value = 'lokal:' + id;
        msg.textContent = 'Foto tersimpan di perangkat, dikirim saat tersambung (' + Math.max(1, Math.round(blob.size / 1024)) + ' KB).';
      }, function () { throw tolak('Foto tidak dapat disimpan di perangkat ini (penyimpanan penuh?): kosongkan ruang lalu pilih lagi.'); });
    }).catch(function (x) {
      if (input.dataset.pilihan !== id) return;
      input.value = '';
      msg.textContent = x && x.pesan ? x.pesan : 'Foto tidak dapat disiapkan: pilih lagi.';
    }).then(function () { if (input.dataset.pilihan === id) msg.classList.remove('sedang'); });
  });
  // The posyandu list follows the chosen desa.
  document.addEventListener('change', function (ev) {
    var d = ev.target;
    if (!d.matches || !d.matches('form.monitoring select[name=desa]')) return;
    var p = d.form.querySelector('select[name=posyandu_id]');
    Array.prototype.forEach.call(p.options, function (o) { o.hidden = !!o.dataset.desa && o.dataset.desa !== d.value; });
    if (p.selectedOptions[0] && p.selectedOptions[0].hidden) p.value = '';
  });
  // test hook: how many entries wait (for tests/browser/run.mjs)
  window.tumbuhAntrian = { jumlah: function () { return Q.length; }, siap: function () { return ready.then(function () { return chain; }); } };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
document.addEventListener('click', function (ev) {
  if (ev.target && ev.target.hasAttribute && ev.target.hasAttribute('data-cetak')) window.print();
});
// The posyandu day's search box and "belum ditimbang" filter: the list is
// filtered as the cadre types (the form's GET is the fallback without
// JavaScript); the URL keeps the filter so a reload shows the same list.
(function () {
  'use strict';
  var form = document.getElementById('saring-hari');
  var list = document.querySelector('.anak-daftar');
  if (!form || !list) return;
  var cari = document.getElementById('cari-anak'), belum = document.getElementById('belum-ditimbang');
  var none = document.getElementById('tak-cocok');
  // children the server left out (a reload with cari=/belum=): ask it again
  var partial = none && list.children.length < parseInt(none.dataset.s || '0', 10);
  function apply() {
    var q = cari.value.trim().toLowerCase(), shown = 0;
    if (partial) { form.submit(); return; }
    Array.prototype.forEach.call(list.children, function (li) {
      var name = li.querySelector('strong'), f = li.querySelector('form.ukur');
      var ok = (!q || (name && name.textContent.toLowerCase().indexOf(q) >= 0)) &&
        !(belum.checked && f && (f.dataset.diukur || f.dataset.tersimpan));
      li.hidden = !ok;
      if (ok) shown++;
    });
    if (none) none.hidden = shown > 0 || !list.children.length;
    var u = new URL(location.href);
    if (q) u.searchParams.set('cari', cari.value.trim()); else u.searchParams.delete('cari');
    if (belum.checked) u.searchParams.set('belum', '1'); else u.searchParams.delete('belum');
    history.replaceState(null, '', u.pathname + u.search + u.hash);
  }
  cari.addEventListener('input', apply);
  belum.addEventListener('change', apply);
  form.addEventListener('submit', function (ev) { ev.preventDefault(); apply(); });
})();
// /impor: the chosen file is sent as the body of POST /impor/unggah with the
// CSRF token in a header (checked before the server accepts a byte; the
// server streams the body to disk), then the page follows the dry run and
// the import on GET /impor/status and reloads when the stage changes.
(function () {
  'use strict';
  function start() {
    var form = document.getElementById('impor-form');
    var msg = document.getElementById('impor-pesan');
    if (form) form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var f = document.getElementById('impor-berkas').files[0];
      if (!f) { msg.textContent = 'Pilih berkas dulu.'; return; }
      var jenis = document.getElementById('impor-jenis').value;
      var x = new XMLHttpRequest();
      var lembar = document.getElementById('impor-lembar').value.trim();
      x.open('POST', '/impor/unggah?jenis=' + encodeURIComponent(jenis) + '&nama=' + encodeURIComponent(f.name) +
        (lembar ? '&lembar=' + encodeURIComponent(lembar) : ''));
      x.setRequestHeader('X-CSRF-Token', form.getAttribute('data-csrf'));
      x.setRequestHeader('Content-Type', 'application/octet-stream');
      msg.textContent = 'Mengunggah ' + f.name + ' ...';
      x.upload.onprogress = function (e) {
        if (e.lengthComputable) msg.textContent = 'Mengunggah ' + f.name + ': ' + Math.round(100 * e.loaded / e.total) + '%';
      };
      x.onload = function () {
        if (x.status < 400) { window.location.href = '/impor'; return; }
        var d = new DOMParser().parseFromString(x.responseText, 'text/html').querySelector('.galat');
        msg.textContent = d ? d.textContent : 'Unggahan ditolak (' + x.status + ').';
      };
      x.onerror = function () { msg.textContent = 'Unggahan terputus: periksa jaringan lalu coba lagi.'; };
      x.send(f);
    });
    var sec = document.getElementById('impor-tahap'), bar = document.getElementById('impor-kemajuan');
    if (!sec || !bar) return;
    var tahap = sec.getAttribute('data-tahap'), teks = document.getElementById('impor-teks');
    var timer = setInterval(function () {
      fetch('/impor/status', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (s) {
        if (s.persen >= 0) bar.value = s.persen;
        teks.textContent = (s.persen >= 0 ? s.persen + '%, ' : '') + s.baris + ' baris';
        if (s.tahap !== tahap) { clearInterval(timer); bar.value = 100; window.location.reload(); }
      }, function () {});
    }, 700);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
// Documents (/tpps, /aksi): a form marked data-unggah sends the chosen file as
// the body of a POST to its action (+ nama=the file's name) with the CSRF token
// in a header, like /impor; the page reloads when it is stored, or shows why not.
(function () {
  'use strict';
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-unggah]'), function (form) {
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        var f = form.querySelector('input[type=file]').files[0], msg = form.querySelector('.pesan');
        if (!f) { msg.textContent = 'Pilih berkas dulu.'; return; }
        var a = form.getAttribute('action'), x = new XMLHttpRequest();
        x.open('POST', a + (a.indexOf('?') < 0 ? '?' : '&') + 'nama=' + encodeURIComponent(f.name));
        x.setRequestHeader('X-CSRF-Token', form.getAttribute('data-csrf'));
        x.setRequestHeader('Content-Type', 'application/octet-stream');
        msg.textContent = 'Mengunggah ' + f.name + ' ...';
        x.onload = function () {
          if (x.status < 400) { window.location.reload(); return; }
          var d = new DOMParser().parseFromString(x.responseText, 'text/html').querySelector('.galat');
          msg.textContent = d ? d.textContent : 'Unggahan ditolak (' + x.status + ').';
        };
        x.onerror = function () { msg.textContent = 'Unggahan terputus: periksa jaringan lalu coba lagi.'; };
        x.send(f);
      });
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
// a meeting's attachment: the chosen file is sent as the body of POST
// /rapat/ID/lampiran with the CSRF token in a header (as /impor does); the
// server checks its type from its bytes and answers with an error page
// whose message is shown here.
(function () {
  'use strict';
  function start() {
    var form = document.getElementById('lampiran-form');
    if (!form) return;
    var msg = document.getElementById('lampiran-pesan');
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var f = document.getElementById('lampiran-berkas').files[0];
      if (!f) { msg.textContent = 'Pilih berkas dulu.'; return; }
      var id = form.getAttribute('data-rapat');
      var ket = document.getElementById('lampiran-ket').value.trim();
      var x = new XMLHttpRequest();
      x.open('POST', '/rapat/' + id + '/lampiran?nama=' + encodeURIComponent(f.name) +
        (ket ? '&keterangan=' + encodeURIComponent(ket) : ''));
      x.setRequestHeader('X-CSRF-Token', form.getAttribute('data-csrf'));
      x.setRequestHeader('Content-Type', 'application/octet-stream');
      msg.textContent = 'Mengunggah ' + f.name + ' ...';
      x.onload = function () {
        if (x.status < 400) { window.location.reload(); return; }
        var d = new DOMParser().parseFromString(x.responseText, 'text/html').querySelector('.galat');
        msg.textContent = d ? d.textContent : 'Unggahan ditolak (' + x.status + ').';
      };
      x.onerror = function () { msg.textContent = 'Unggahan terputus: periksa jaringan lalu coba lagi.'; };
      x.send(f);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
