// tests/browser/run.mjs - Tumbuh in a real browser (Debian's Chromium,
// headless, driven by playwright-core). Environment: BASE (server URL),
// USERS (the file `tumbuh demo` printed its users to), SHOTS (screenshot
// directory). Prints "N passed, N failed" like every Tumbuh test.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const BASE = process.env.BASE;
const SHOTS = process.env.SHOTS || 'build/artifacts/browser';
mkdirSync(SHOTS, { recursive: true });
const users = {};
for (const line of readFileSync(process.env.USERS, 'utf8').split('\n')) {
  const m = line.match(/^\s+(\S+)\s+(\S+-\d{4})\s/);
  if (m) users[m[1]] = m[2];
}
let pass = 0, fail = 0;
function check(desc, ok) {
  if (ok) pass++; else { fail++; console.error('FAIL: ' + desc); }
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true });

async function fillLogin(page, user) {
  await page.fill('input[name=pengguna]', user);
  await page.fill('input[name=sandi]', users[user]);
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Masuk")')]);
}
async function login(ctx, user) {
  const page = await ctx.newPage();
  await page.goto(BASE + '/masuk');
  await fillLogin(page, user);
  return page;
}
// The cadre's phone: 360 x 740.
const PHONE = { viewport: { width: 360, height: 740 } };
// The measurements of child id on day tanggal, through the API.
async function measured(page, id, tanggal) {
  const api = await page.evaluate(async i => (await fetch('/api/v1/anak/' + i)).json(), id);
  return api.pengukuran.filter(p => p.tanggal === tanggal);
}
async function queued(page) {
  return page.evaluate(async () => {
    if (!window.tumbuhAntrian) return -1;
    await window.tumbuhAntrian.siap();
    return window.tumbuhAntrian.jumlah();
  });
}
// Runs one part of the tests; an exception fails it, and the next part runs.
async function part(name, fn) {
  try { await fn(); } catch (e) {
    fail++;
    const at = ((e && e.stack) || '').split('\n').find(l => l.includes('run.mjs')) || '';
    console.error('FAIL: ' + name + ': ' + String(e && e.message || e).split('\n')[0] + at);
  }
}
// Every button and link in the queue box is at least 44 px high (touch).
async function touchable(page) {
  const h = await page.locator('#antrian button, #antrian-bar a').evaluateAll(
    els => els.map(e => e.getBoundingClientRect().height));
  return h.length > 0 && h.every(x => x >= 44);
}

try {
  // 1. A cadre logs in, enters a posyandu day, opens a child's growth chart.
  await part('cadre', async () => {
    const ctx = await browser.newContext({ ...PHONE, acceptDownloads: true });
    const page = await login(ctx, 'kader');
    check('cadre lands on the posyandu day', /\/posyandu\/\d+/.test(page.url()));
    check('list of target children', (await page.locator('ul.anak-daftar > li').count()) > 10);
    await page.screenshot({ path: `${SHOTS}/1-posyandu-day.png`, fullPage: false });
    const form = page.locator('form.ukur').first();
    const last = parseFloat((await form.getAttribute('data-bb-lalu')) || '9');
    await form.locator('input[name=bb]').fill((last + 0.2).toFixed(1));
    const lastTb = parseFloat((await form.getAttribute('data-tb-lalu')) || '80');
    await form.locator('input[name=tb]').fill((lastTb + 0.5).toFixed(1));
    page.on('dialog', d => d.accept());
    await form.locator('button').click();
    await form.locator('.hasil p', { hasText: 'BB/U' }).first().waitFor({ timeout: 10000 });
    const result = await form.locator('.hasil').innerText();
    check('save shows z-score categories at once', /BB\/U/.test(result) && /(PB|TB)\/U/.test(result));
    check('save shows advice', result.split('\n').length >= 2);
    await page.screenshot({ path: `${SHOTS}/2-saved.png` });
    // offline: the entry waits on the device and is sent when the link returns
    const form2 = page.locator('form.ukur').nth(1);
    const anak2 = await form2.getAttribute('data-anak');
    await ctx.setOffline(true);
    await form2.locator('input[name=bb]').fill(((parseFloat((await form2.getAttribute('data-bb-lalu')) || '9')) + 0.1).toFixed(1));
    await form2.locator('button').click();
    await page.locator('#antrian.ada').waitFor({ timeout: 5000 });
    check('offline: entry kept on the device', /tersimpan di perangkat/i.test(await page.locator('#antrian-bar').innerText()));
    const waiting = await page.locator('#antrian').innerText();
    check('offline: the waiting entry as Indonesians write it (dd/mm/yyyy, decimal comma): ' + waiting.replace(/\s+/g, ' ').slice(0, 120),
      /\d{2}\/\d{2}\/\d{4}/.test(waiting) && /BB \d+,\d kg/.test(waiting) && !/\d{4}-\d{2}-\d{2}/.test(waiting));
    await page.screenshot({ path: `${SHOTS}/3-offline-queue.png` });
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await form2.locator('.hasil p', { hasText: 'BB/U' }).first().waitFor({ timeout: 15000 });
    check('back online: queue sent and emptied', (await queued(page)) === 0 && (await page.evaluate(() => localStorage.getItem('tumbuh_antrian'))) === null);
    const api = await page.evaluate(async id => (await fetch('/api/v1/anak/' + id)).json(), anak2);
    const today = new Date().toISOString().slice(0, 10);
    // one measurement per child per month: the entry is stored once, in this month
    // (on the posyandu day, or correcting the month's measurement on its date)
    check('stored exactly once', api.pengukuran.filter(p => p.tanggal.slice(0, 7) === today.slice(0, 7)).length === 1);
    // the child's page and growth chart
    await Promise.all([page.waitForNavigation(), page.locator('ul.anak-daftar > li a').first().click()]);
    check('child page has growth charts', (await page.locator('section.grafik svg').count()) === 3);
    await page.screenshot({ path: `${SHOTS}/4-child-chart.png`, fullPage: true });
    await ctx.close();
  });
  // 2. A kecamatan user is refused a desa outside the kecamatan.
  await part('kecamatan', async () => {
    const ctx = await browser.newContext();
    const page = await login(ctx, 'tpps.kec');
    const own = await page.goto(BASE + '/dasbor?wilayah=35.99.01');
    check('kecamatan user sees own kecamatan', own.status() === 200 && (await page.locator('svg').count()) >= 2);
    await page.screenshot({ path: `${SHOTS}/5-kecamatan-dashboard.png`, fullPage: true });
    const other = await page.goto(BASE + '/dasbor?wilayah=35.99.02.2001');
    check('desa outside the kecamatan refused (403)', other.status() === 403);
    check('refusal explained', /di luar wilayah/i.test(await page.locator('main').innerText()));
    await page.screenshot({ path: `${SHOTS}/6-refused.png` });
    await ctx.close();
  });
  // 3. A district user downloads an XLSX and the PDF.
  await part('district', async () => {
    const ctx = await browser.newContext({ acceptDownloads: true });
    const page = await login(ctx, 'tpps.kab');
    check('district user lands on the kabupaten dashboard', /wilayah=35\.99$/.test(page.url()) || /wilayah=35\.99&/.test(page.url()));
    for (const [link, magic, name] of [['SKDN (XLSX)', 'PK', 'xlsx'], ['Laporan publikasi (PDF)', '%PDF', 'pdf']]) {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`a:has-text("${link}")`)]);
      const path = `${SHOTS}/download.${name}`;
      await dl.saveAs(path);
      const head = readFileSync(path).subarray(0, magic.length).toString('latin1');
      check(`${name} downloaded and valid`, head === magic && statSync(path).size > 1000);
    }
    await page.screenshot({ path: `${SHOTS}/7-district.png`, fullPage: true });
    await ctx.close();
  });
  // 4. Session ended while an entry waits offline (401): kept, "masuk lagi",
  //    sent exactly once after logging in again.
  await part('401', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await login(ctx, 'kader');
    const url = page.url();
    await queued(page);
    const form = page.locator('form.ukur:not([data-diukur])').nth(2);
    const anak = await form.getAttribute('data-anak');
    const tgl = await form.locator('input[name=tanggal]').inputValue();
    const bb = (parseFloat((await form.getAttribute('data-bb-lalu')) || '9') + 0.2).toFixed(1);
    await ctx.setOffline(true);
    await form.locator('input[name=bb]').fill(bb);
    await form.locator('button').click();
    await page.locator('#antrian.ada').waitFor({ timeout: 5000 });
    const other = await browser.newContext();
    await other.addCookies(await ctx.cookies());
    const token = await page.locator('meta[name=csrf]').getAttribute('content');
    const out = await other.request.post(BASE + '/keluar', { form: { csrf: token }, maxRedirects: 0 });
    check('401: session ended from another window', out.status() === 303);
    await other.close();
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const sesi = page.locator('#antrian-bar .sesi', { hasText: 'masuk lagi' });
    await sesi.waitFor({ timeout: 10000 });
    check('401: "Sesi berakhir: masuk lagi" with the number of entries',
      /Sesi berakhir: masuk lagi untuk mengirim 1 isian/.test(await sesi.innerText()));
    check('401: the entry is kept', (await queued(page)) === 1);
    check('401: touch targets >= 44 px at 360 px', await touchable(page));
    await page.screenshot({ path: `${SHOTS}/8-session-ended.png` });
    await Promise.all([page.waitForNavigation(), sesi.locator('a').click()]);
    check('401: the link opens the login, back to this page after', /\/masuk\?lanjut=%2Fposyandu%2F\d+/.test(page.url()));
    await fillLogin(page, 'kader');
    check('401: after login back on the posyandu day', page.url() === url);
    await page.locator(`form.ukur[data-anak="${anak}"] .hasil p`, { hasText: 'BB/U' }).first().waitFor({ timeout: 15000 });
    const m = await measured(page, anak, tgl);
    check('401: after login the entry is stored exactly once', m.length === 1 && Math.abs(m[0].bb - parseFloat(bb)) < 0.01);
    check('401: queue empty after sending', (await queued(page)) === 0);
    await ctx.close();
  });
  // 5. A date in the future (422): the server's message on the entry, the
  //    user corrects the date and it is stored; discarding asks first.
  await part('422', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await login(ctx, 'kader');
    await queued(page);
    const form = page.locator('form.ukur:not([data-diukur])').nth(3);
    const anak = await form.getAttribute('data-anak');
    const nama = await page.locator(`#anak-${anak} strong`).first().innerText();
    const tgl = await form.locator('input[name=tanggal]').inputValue();
    // a day surely after today (the form's date is the posyandu's day, which may be past)
    const besok = new Date(Date.now() + 2 * 86400000).toISOString().slice(0, 10);
    const bb = (parseFloat((await form.getAttribute('data-bb-lalu')) || '9') + 0.1).toFixed(1);
    await form.locator('input[name=tanggal]').fill(besok);
    await form.locator('input[name=bb]').fill(bb);
    await form.locator('button').click();
    const item = page.locator('#antrian li.isian.gagal');
    await item.waitFor({ timeout: 10000 });
    const text = await item.innerText();
    check('422: the server\'s message on the entry', /masa depan/.test(text));
    const besokId = besok.slice(8, 10) + '/' + besok.slice(5, 7) + '/' + besok.slice(0, 4);
    check('422: the entry says which child and what was entered (as Indonesians write it)',
      text.includes(nama) && text.includes(besokId) && text.includes(bb.replace('.', ',')));
    check('422: the child\'s form says it is not stored', /Belum tersimpan/.test(await form.locator('.hasil').innerText()));
    check('422: nothing stored for the future date', (await measured(page, anak, besok)).length === 0);
    check('422: touch targets >= 44 px at 360 px', await touchable(page));
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/9-invalid-date.png` });
    await item.locator('input[name=tanggal]').fill(tgl);
    await item.locator('button', { hasText: 'Kirim ulang' }).click();
    await form.locator('.hasil p', { hasText: 'BB/U' }).first().waitFor({ timeout: 10000 });
    const m = await measured(page, anak, tgl);
    check('422: corrected and resent, stored once', m.length === 1 && Math.abs(m[0].bb - parseFloat(bb)) < 0.01);
    check('422: queue empty', (await queued(page)) === 0);
    // a second wrong entry, discarded: cancel keeps it, confirm removes it
    const form2 = page.locator('form.ukur:not([data-diukur])').nth(5);
    const anak2 = await form2.getAttribute('data-anak');
    await form2.locator('input[name=tanggal]').fill(besok);
    await form2.locator('input[name=bb]').fill('9');
    await form2.locator('button').click();
    const item2 = page.locator('#antrian li.isian.gagal');
    await item2.waitFor({ timeout: 10000 });
    page.once('dialog', d => d.dismiss());
    await item2.locator('button', { hasText: 'Buang' }).click();
    check('discard: cancelling the confirmation keeps the entry', (await queued(page)) === 1);
    let asked = '';
    page.once('dialog', d => { asked = d.message(); d.accept(); });
    await item2.locator('button', { hasText: 'Buang' }).click();
    await page.locator('#antrian.ada').waitFor({ state: 'hidden', timeout: 5000 });
    check('discard: asks, then removes the entry', /^Buang isian/.test(asked) && (await queued(page)) === 0);
    check('discard: nothing stored', (await measured(page, anak2, besok)).length === 0);
    await ctx.close();
  });
  // 6. A height well below last month's: the server asks (409), the entry
  //    shows its message, the user confirms and it is stored with yakin.
  await part('409', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await login(ctx, 'kader');
    await queued(page);
    const form = page.locator('form.ukur[data-tb-lalu]').last();
    const anak = await form.getAttribute('data-anak');
    const tgl = await form.locator('input[name=tanggal]').inputValue();
    const tb = (parseFloat(await form.getAttribute('data-tb-lalu')) - 5).toFixed(1);
    const bodies = [];
    page.on('request', r => { if (r.url().endsWith('/api/v1/pengukuran')) bodies.push(r.postDataJSON()); });
    await form.locator('input[name=tb]').fill(tb);
    await form.locator('button').click();
    const item = page.locator('#antrian li.isian.konfirmasi');
    await item.waitFor({ timeout: 10000 });
    check('409: sent first without yakin', bodies.length === 1 && bodies[0].yakin === undefined);
    check('409: the server\'s message on the entry', /Nilai tidak biasa/.test(await item.innerText()));
    check('409: not stored before confirming', (await measured(page, anak, tgl)).length === 0);
    check('409: touch targets >= 44 px at 360 px', await touchable(page));
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/10-confirm-height.png` });
    await item.locator('button', { hasText: 'Ya, nilai benar' }).click();
    await form.locator('.hasil p', { hasText: 'BB/U' }).first().waitFor({ timeout: 10000 });
    const m = await measured(page, anak, tgl);
    check('409: confirmed, resent with yakin:1', bodies.length === 2 && bodies[1].yakin === 1);
    check('409: stored once with the confirmed height', m.length === 1 && Math.abs(m[0].tb - parseFloat(tb)) < 0.01);
    // the optional "periksa" items of a 409 are listed on the entry
    await page.route('**/api/v1/pengukuran', r => r.fulfill({ status: 409, contentType: 'application/json',
      body: JSON.stringify({ galat: 'Periksa nilai ini.', perlu_konfirmasi: true, periksa: [{ kolom: 'lila', pesan: 'LiLA tidak cocok dengan umur' }] }) }));
    const form2 = page.locator('form.ukur:not([data-diukur])').nth(6);
    await form2.locator('input[name=bb]').fill('9.9');
    await form2.locator('button').click();
    const item2 = page.locator('#antrian li.isian.konfirmasi');
    await item2.waitFor({ timeout: 10000 });
    check('409: "periksa" items shown', /lila: LiLA tidak cocok dengan umur/.test(await item2.innerText()));
    await ctx.close();
  });
  // 7. Logging out with an entry queued warns; what stays on the phone is
  //    unreadable; another user neither sees nor sends it; the same user
  //    logging in again sends it.
  await part('logout', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await login(ctx, 'kader');
    const posyandu = page.url();
    await queued(page);
    await page.route('**/api/v1/pengukuran', r => r.abort('internetdisconnected'));
    const form = page.locator('form.ukur:not([data-diukur])').nth(7);
    const anak = await form.getAttribute('data-anak');
    const tgl = await form.locator('input[name=tanggal]').inputValue();
    const bb = (parseFloat((await form.getAttribute('data-bb-lalu')) || '9') + 0.3).toFixed(1);
    await form.locator('input[name=bb]').fill(bb);
    await form.locator('button').click();
    await page.locator('#antrian.ada').waitFor({ timeout: 5000 });
    check('logout: entry waiting', (await queued(page)) === 1);
    let warned = '';
    page.once('dialog', d => { warned = d.message(); d.accept(); });
    await Promise.all([page.waitForNavigation(), page.click('form.keluar button')]);
    check('logout: warns with the number of entries',
      /^1 isian belum terkirim\. Keluar tetap\? Isian tetap disimpan di perangkat ini dan terkirim saat Anda masuk lagi/.test(warned));
    check('logout: logged out', /\/masuk/.test(page.url()));
    const stored = await page.evaluate(() => Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]));
    const values = stored.map(x => x[1]).join('\n');
    check('logout: the queue stays on the device under the user\'s key', stored.some(([k]) => /^tumbuh_antrian:\d+$/.test(k)));
    check('logout: no readable entry left (no child id, no weight, no field names)',
      !values.includes('anak_id') && !values.includes(bb) && !values.includes(tgl) &&
      !new RegExp('(^|[^A-Za-z0-9+/])' + anak + '([^A-Za-z0-9+/]|$)').test(values));
    // another user of the same phone: sees none of it, queues an entry of its own
    await fillLogin(page, 'bidan.desa');
    await page.goto(posyandu);
    check('other user: does not see the entry', (await queued(page)) === 0 && !(await page.locator('#antrian.ada').count()));
    await page.unroute('**/api/v1/pengukuran');
    await page.waitForTimeout(500);
    check('other user: does not send it', (await measured(page, anak, tgl)).length === 0);
    await page.route('**/api/v1/pengukuran', r => r.abort('internetdisconnected'));
    const formB = page.locator('form.ukur:not([data-diukur])').nth(8);
    const anakB = await formB.getAttribute('data-anak');
    const bbB = (parseFloat((await formB.getAttribute('data-bb-lalu')) || '9') + 0.1).toFixed(1);
    await formB.locator('input[name=bb]').fill(bbB);
    await formB.locator('button').click();
    await page.locator('#antrian.ada').waitFor({ timeout: 5000 });
    check('other user: only its own entry in its queue', (await queued(page)) === 1);
    let warnedB = '';
    page.once('dialog', d => { warnedB = d.message(); d.accept(); });
    await Promise.all([page.waitForNavigation(), page.click('form.keluar button')]);
    check('other user: warned about its own 1 entry', /^1 isian belum terkirim/.test(warnedB));
    await page.unroute('**/api/v1/pengukuran');
    check('two queues on the phone, each under its own key',
      (await page.evaluate(() => Object.keys(localStorage).filter(k => /^tumbuh_antrian:\d+$/.test(k)).length)) === 2);
    await fillLogin(page, 'kader');
    await page.locator(`form.ukur[data-anak="${anak}"] .hasil p`, { hasText: 'BB/U' }).first().waitFor({ timeout: 15000 });
    const m = await measured(page, anak, tgl);
    check('logout: the same user logs in again, the entry is stored once', m.length === 1 && Math.abs(m[0].bb - parseFloat(bb)) < 0.01);
    check('logout: the other user\'s entry is neither shown nor sent', (await queued(page)) === 0 &&
      (await measured(page, anakB, tgl)).length === 0);
    let asked = false;
    page.once('dialog', d => { asked = true; d.accept(); });
    await Promise.all([page.waitForNavigation(), page.click('form.keluar button')]);
    check('logout: with an empty queue no warning', !asked);
    await fillLogin(page, 'bidan.desa'); // lands on the dashboard, which sends the queue too
    await page.goto(posyandu);
    let mb = [];
    for (let i = 0; i < 50 && !mb.length; i++) {
      mb = await measured(page, anakB, tgl);
      if (!mb.length) await page.waitForTimeout(300);
    }
    check('other user: its entry sent at its next login, once', mb.length === 1 && Math.abs(mb[0].bb - parseFloat(bbB)) < 0.01);
    check('logout: nothing left in either queue', (await queued(page)) === 0 &&
      (await page.evaluate(() => Object.keys(localStorage).filter(k => /^tumbuh_antrian:\d+$/.test(k)).length)) === 0);
    await ctx.close();
  });
  // 8. Server errors are retried later with a growing pause; a refusal the
  //    user must act on (404: child gone) is shown and kept until discarded.
  // 8a. The queue's key cannot be fetched when the page loads (the server
  //     answers /api/v1/saya with 503 once): the waiting entry is not lost,
  //     and the page tries again by itself and sends it without a reload.
  await part('queue load fails once', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await login(ctx, 'kader');
    await queued(page);
    const form = page.locator('form.ukur:not([data-diukur])').nth(5);
    const anak = await form.getAttribute('data-anak');
    const tgl = await form.locator('input[name=tanggal]').inputValue();
    const bb = (parseFloat((await form.getAttribute('data-bb-lalu')) || '9') + 0.1).toFixed(1);
    await ctx.setOffline(true);
    await form.locator('input[name=bb]').fill(bb);
    await form.locator('button').click();
    await page.locator('#antrian.ada').waitFor({ timeout: 5000 });
    check('load fails: the entry waits on the phone', (await queued(page)) === 1);
    const url = page.url();
    await page.close(); // the phone's browser closed while offline; the entry is in storage
    let failed = 0;
    await ctx.route('**/api/v1/saya', r => {
      if (failed++ === 0) return r.fulfill({ status: 503, contentType: 'application/json', body: '{"galat":"sibuk"}' });
      return r.continue();
    });
    await ctx.setOffline(false);
    const again = await ctx.newPage();
    const errs = [];
    again.on('pageerror', e => errs.push(String(e)));
    await again.goto(url);
    let mb = [];
    for (let i = 0; i < 50 && !mb.length; i++) { // the retry comes within 10 s, the entry at once after it
      mb = await measured(again, anak, tgl);
      if (!mb.length) await again.waitForTimeout(300);
    }
    check('load failed once (' + failed + ' calls' + (errs.length ? '; ' + errs.join(' | ') : '') + '): the entry sent by the page itself, once', failed >= 2 && mb.length === 1 &&
      Math.abs(mb[0].bb - parseFloat(bb)) < 0.01);
    await ctx.close();
  });
  await part('server errors', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await login(ctx, 'kader');
    await queued(page);
    let calls = 0;
    await page.route('**/api/v1/pengukuran', r => { calls++; r.fulfill({ status: 503, contentType: 'application/json', body: '{"galat":"Server sibuk."}' }); });
    const form = page.locator('form.ukur:not([data-diukur])').last();
    await form.locator('input[name=bb]').fill('9.9');
    await form.locator('button').click();
    await page.waitForTimeout(3000);
    check('5xx: entry kept, waiting', (await queued(page)) === 1 && (await page.locator('#antrian li.isian.menunggu').count()) === 1);
    check('5xx: no tight loop (one try in 3 s)', calls === 1);
    await page.waitForTimeout(4000);
    check('5xx: tried again after a pause (two tries in 7 s)', calls === 2);
    await page.unroute('**/api/v1/pengukuran');
    await page.route('**/api/v1/pengukuran', r => r.fulfill({ status: 404, contentType: 'application/json', body: '{"galat":"Anak tidak ditemukan.","perlu_konfirmasi":false}' }));
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const item = page.locator('#antrian li.isian.gagal');
    await item.waitFor({ timeout: 10000 });
    check('404: the reason on the entry, kept', /Anak tidak ditemukan/.test(await item.innerText()) && (await queued(page)) === 1);
    check('404: nothing to correct, only retry or discard', (await item.locator('input').count()) === 0 &&
      (await item.locator('button', { hasText: 'Buang' }).count()) === 1);
    await page.waitForTimeout(1500);
    check('404: not sent again by itself', (await queued(page)) === 1);
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/11-refused-404.png` });
    page.once('dialog', d => d.accept());
    await item.locator('button', { hasText: 'Buang' }).click();
    await page.locator('#antrian.ada').waitFor({ state: 'hidden', timeout: 5000 });
    check('404: discarded after confirming', (await queued(page)) === 0);
    await ctx.close();
  });
  // Registering on a 360 px phone: a likely duplicate is shown before a second child is made.
  await part('registrasi', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await login(ctx, 'kader');
    const day = page.url();
    const born = new Date(Date.now() - 90 * 86400000).toISOString().slice(0, 10);
    async function register(name) {
      await page.locator('#anak-baru summary').click();
      const f = page.locator('#anak-baru form');
      await f.locator('input[name=nama]').fill(name);
      await f.locator('select[name=jk]').selectOption('2');
      await f.locator('input[name=tgl_lahir]').fill(born);
      await f.locator('input[name=ibu]').fill('Sri Wahyuningsih');
      await Promise.all([page.waitForNavigation(), f.locator('button').click()]);
    }
    await register('Putri Ayu Lestari');
    check('first registration goes back to the posyandu day', page.url().startsWith(day.split('#')[0].split('?')[0]));
    await register('Putri Ayu Lestary');
    const warn = page.locator('section.mirip');
    check('duplicate warning shown', await warn.isVisible() && /Mungkin anak ini sudah terdaftar/.test(await warn.innerText()));
    check('the candidate can be opened', await warn.locator('a:has-text("Buka data anak")').isVisible());
    check('registering anyway is an explicit button', await page.locator('button:has-text("Tetap daftarkan sebagai anak baru")').isVisible());
    check('what was typed is kept', (await page.locator('input[name=nama]').inputValue()) === 'Putri Ayu Lestary');
    check('fits 360 px (no sideways scrolling)', await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    await page.screenshot({ path: `${SHOTS}/12-duplicate-360.png`, fullPage: true });
    await ctx.close();
  });
  // 13. An administrator creates a cadre; the cadre logs in on a phone with
  // the one-time password, must change it, then reaches the posyandu day.
  await part('new cadre', async () => {
    const actx = await browser.newContext();
    const admin = await login(actx, 'admin');
    await admin.goto(BASE + '/pengguna');
    await admin.fill('input[name=nama]', 'Sari Kader Baru');
    await admin.fill('input[name=username]', 'sari.baru');
    await admin.selectOption('select[name=peran]', 'kader');
    await admin.fill('input[name=posyandu]', '2');
    await Promise.all([admin.waitForNavigation(), admin.click('button:has-text("Tambah")')]);
    const otp = (await admin.locator('#sandi').innerText()).trim();
    check('admin: one-time password shown', /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/.test(otp));
    await actx.close();
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(BASE + '/masuk');
    await page.fill('input[name=pengguna]', 'sari.baru');
    await page.fill('input[name=sandi]', otp);
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Masuk")')]);
    check('new cadre: sent to /akun first', /\/akun$/.test(page.url()) && await page.locator('#sandi-sementara').isVisible());
    await page.goto(BASE + '/posyandu/2');
    check('new cadre: other pages redirect to /akun', /\/akun$/.test(page.url()));
    check('new cadre: /akun fits 360 px', await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    await page.screenshot({ path: `${SHOTS}/13-sandi-sementara-360.png`, fullPage: true });
    await page.fill('input[name=sandi_lama]', otp);
    await page.fill('input[name=sandi_baru]', 'melati-pagi-2026');
    await page.fill('input[name=sandi_ulang]', 'melati-pagi-2026');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Simpan kata sandi")')]);
    check('new cadre: password changed', /sudah diganti/.test(await page.locator('main').innerText()));
    await page.goto(BASE + '/');
    check('new cadre: reaches the posyandu day', /\/posyandu\/2/.test(page.url()) &&
      (await page.locator('ul.anak-daftar > li').count()) > 0);
    await ctx.close();
  });
  // A lokmin recorded end to end by the TPPS kecamatan on a phone: the meeting,
  // a problem, an action tied to an indicator, the minutes PDF, the pack.
  await part('lokmin', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await login(ctx, 'tpps.kec');
    await page.goto(BASE + '/rapat');
    const baru = page.locator('form[action="/rapat"]');
    await baru.locator('select[name=jenis]').selectOption('minilok');
    await baru.locator('input[name=judul]').fill('Lokmin uji peramban');
    await baru.locator('input[name=tanggal]').fill('2026-11-12');
    await baru.locator('select[name=tahap]').selectOption('5');
    await Promise.all([page.waitForNavigation(), baru.locator('button').click()]);
    check('lokmin: on the new meeting page', /\/rapat\/\d+$/.test(page.url()) &&
      /Lokmin uji peramban/.test(await page.locator('h1').innerText()));
    const m = page.locator('form[action$="/masalah"]');
    await m.locator('input[name=uraian]').fill('Cakupan D/S rendah');
    await m.locator('select[name=desa]').selectOption({ index: 2 });
    await Promise.all([page.waitForNavigation(), m.locator('button').click()]);
    check('lokmin: the problem listed', /Cakupan D\/S rendah/.test(await page.locator('main').innerText()));
    const t = page.locator('form[action$="/tindakan"]');
    await t.locator('input[name=uraian]').fill('Sweeping balita tidak hadir');
    await t.locator('select[name=pj_lembaga]').selectOption({ index: 1 });
    await t.locator('input[name=tenggat]').fill('2026-12-15');
    await t.locator('select[name=indikator]').selectOption('ds');
    await t.locator('select[name=indikator_wilayah]').selectOption({ index: 2 });
    await t.locator('input[name=target_nilai]').fill('80');
    await t.locator('input[name=target_bulan]').fill('2026-12');
    await Promise.all([page.waitForNavigation(), t.locator('button').click()]);
    const text = await page.locator('main').innerText();
    check('lokmin: the action with its indicator check', /Sweeping balita tidak hadir/.test(text) &&
      /D\/S .* >= 80,0% pada 2026-12/.test(text) && /\(2026-11\): belum tercapai|\(2026-11\): tercapai/.test(text));
    const wide = await page.evaluate(() => [...document.querySelectorAll('main *')]
      .filter(e => e.getBoundingClientRect().right > 362 && !e.closest('.tabel'))
      .map(e => e.tagName + '.' + e.className + ':' + (e.getAttribute('name') || '')).slice(0, 5));
    check('lokmin: the page fits 360 px ' + wide.join(' '),
      await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    await page.screenshot({ path: `${SHOTS}/20-lokmin-360.png`, fullPage: true });
    const url = page.url().replace(/#.*/, '');
    const pdf = await page.request.get(url + '/notulen.pdf');
    check('lokmin: minutes PDF', pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf');
    await page.goto(url + '/bahan');
    check('lokmin: the meeting pack', /Balita belum ditimbang/.test(await page.locator('main').innerText()));
    await ctx.close();
  });
  // The posyandu day on a 360 px phone: the search finds a child by part of the
  // name as the cadre types, "belum ditimbang" hides the measured children, the
  // page never scrolls sideways, every button is at least 44 px high.
  await part('posyandu day search', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await login(ctx, 'kader');
    const items = page.locator('ul.anak-daftar > li');
    const total = await items.count();
    if ((await page.locator('form.ukur[data-diukur]').count()) === 0) { // measure one child
      const li = items.nth(1), form = li.locator('form.ukur');
      await form.locator('input[name=bb]').fill(((parseFloat(await form.getAttribute('data-bb-lalu')) || 9) + 0.2).toFixed(1));
      page.on('dialog', d => d.accept());
      await form.locator('button').click();
      await form.locator('.hasil').first().waitFor({ timeout: 10000 });
    }
    const measuredN = await page.locator('form.ukur[data-diukur], form.ukur[data-tersimpan]').count();
    const names = await items.locator('strong').allInnerTexts();
    const name = names[Math.min(3, names.length - 1)];
    const part = name.slice(2, 7).toUpperCase(); // a middle part, other case
    const visible = () => page.locator('ul.anak-daftar > li:not([hidden])');
    await page.fill('#cari-anak', part);
    const shown = await visible().locator('strong').allInnerTexts();
    check('search by part of the name finds the child', shown.includes(name));
    check('search shows only matching children', shown.length < total &&
      shown.every(n => n.toLowerCase().includes(part.toLowerCase())));
    check('search without reloading, kept in the URL', /\/posyandu\/\d+\?.*cari=/.test(page.url()));
    await page.screenshot({ path: `${SHOTS}/17-cari-360.png`, fullPage: false });
    await page.fill('#cari-anak', '');
    check('empty search shows every child again', (await visible().count()) === total);
    await page.check('#belum-ditimbang');
    const left = await visible().count();
    check(`belum ditimbang hides the ${measuredN} measured (${total} -> ${left})`,
      measuredN > 0 && left === total - measuredN &&
      (await visible().locator('form.ukur[data-diukur], form.ukur[data-tersimpan]').count()) === 0);
    await page.uncheck('#belum-ditimbang');
    check('fits 360 px (no sideways scrolling)', await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    const hs = await page.locator('button').evaluateAll(els => els
      .filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect().height));
    check(`every button >= 44 px high (${Math.min(...hs)})`, hs.length > 5 && hs.every(h => h >= 44));
    const tops = await page.locator('header > *').evaluateAll(els => els
      .filter(e => e.offsetParent !== null && e.tagName !== 'META').map(e => e.getBoundingClientRect().top));
    check('the header on one line', tops.length >= 3 && Math.max(...tops) - Math.min(...tops) < 10);
    const box = await page.locator('#saring-hari').boundingBox();
    const first = await items.first().boundingBox();
    check('the search at the top, above the list', box && first && box.y < first.y && box.y < 400);
    await ctx.close();
  });
  // The escalation path of issue 13, in the browser: a lokmin of last month
  // (its pack, two problems, one raised to the kabupaten, three actions, one
  // tied to the D/S of Wonourip this month, the minutes PDF, the photo of the
  // attendance list attached; a slide of the wrong type refused); this month
  // a new weighing marks the indicator action met; the open actions are on
  // the next lokmin; the raised problem is on the kabupaten's rakor with its
  // origin, and its answer flows back to the next lokmin.
  await part('eskalasi', async () => {
    const D1 = '35.99.01.2001';
    const now = new Date();
    const M = now.toISOString().slice(0, 7), today = now.toISOString().slice(0, 10);
    const P = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
    const ctx = await browser.newContext(PHONE);
    const page = await login(ctx, 'tpps.kec');
    const newMeeting = async (pg, jenis, judul, tanggal) => {
      await pg.goto(BASE + '/rapat');
      const f = pg.locator('form[action="/rapat"]');
      await f.locator('select[name=jenis]').selectOption(jenis);
      await f.locator('input[name=judul]').fill(judul);
      await f.locator('input[name=tanggal]').fill(tanggal);
      await Promise.all([pg.waitForNavigation(), f.locator('button').click()]);
      return pg.url().replace(/#.*/, '');
    };
    const url = await newMeeting(page, 'minilok', 'Lokmin eskalasi', P + '-15');
    check('eskalasi: the lokmin of last month', /\/rapat\/\d+$/.test(url));
    await page.goto(url + '/bahan');
    check('eskalasi: its pack generated', /Balita belum ditimbang/.test(await page.locator('main').innerText()));
    await page.goto(url);
    const problem = async (uraian, desa, naik) => {
      const m = page.locator('form[action$="/masalah"]');
      await m.locator('input[name=uraian]').fill(uraian);
      await m.locator('select[name=desa]').selectOption(desa);
      if (naik) await m.locator('input[name=naik]').check();
      await Promise.all([page.waitForNavigation(), m.locator('button').click()]);
    };
    await problem('D/S Wonourip rendah', D1, false);
    await problem('Dacin rusak di lima posyandu', '', true);
    const probs = await page.locator('main').innerText();
    check('eskalasi: two problems, one raised', /D\/S Wonourip rendah/.test(probs) && /Dacin rusak di lima posyandu/.test(probs));
    // the target: one more weighing in Wonourip this month reaches it
    const skdn = await page.evaluate(async w => (await fetch(w)).json(),
      `/api/v1/laporan/skdn?wilayah=${D1}&bulan=${M}`);
    const sum = skdn.baris.find(r => r.wilayah === 'Jumlah');
    const target = Math.floor(100 * sum.D / sum.S) + 1;
    const need = Math.max(1, Math.ceil(target * sum.S / 100 - sum.D));
    check(`eskalasi: reachable with ${need} weighing(s) (S ${sum.S}, D ${sum.D})`, need <= 3 && sum.D + need <= sum.S);
    const action = async (fields) => {
      const t = page.locator('form[action$="/tindakan"]');
      for (const [k, v] of Object.entries(fields)) {
        const el = t.locator(`[name=${k}]`);
        if ((await el.evaluate(e => e.tagName)) === 'SELECT') await el.selectOption(v); else await el.fill(v);
      }
      await Promise.all([page.waitForNavigation(), t.locator('button').click()]);
    };
    await action({ uraian: 'Sweeping balita Wonourip', pj_lembaga: 'DESA-' + D1, tenggat: M + '-28',
      indikator: 'ds', indikator_wilayah: D1, target_nilai: String(target), target_bulan: M });
    await action({ uraian: 'Pengadaan dacin', pj_lembaga: 'OPD-DINKES', sumber_anggaran: 'APBD', tenggat: M + '-20', target_volume: '5 dacin' });
    await action({ uraian: 'Kelas ibu balita Wonourip', pj_lembaga: 'DESA-' + D1, tenggat: M + '-25' });
    const acts = await page.locator('main').innerText();
    check('eskalasi: three actions', /Sweeping balita Wonourip/.test(acts) && /Pengadaan dacin/.test(acts) && /Kelas ibu balita Wonourip/.test(acts));
    const pdf = await page.request.get(url + '/notulen.pdf');
    check('eskalasi: minutes PDF', pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf');
    // attachments through the page's upload form
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(300)]);
    await page.setInputFiles('#lampiran-berkas', { name: 'daftar-hadir.png', mimeType: 'image/png', buffer: png });
    await page.fill('#lampiran-ket', 'Foto daftar hadir');
    await Promise.all([page.waitForEvent('load'), page.click('#lampiran-form button')]);
    check('eskalasi: the attendance photo attached and listed',
      /daftar-hadir\.png \(png/.test(await page.locator('#lampiran').innerText()));
    await page.setInputFiles('#lampiran-berkas', { name: 'paparan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('bukan pdf') });
    await page.click('#lampiran-form button');
    await page.locator('#lampiran-pesan', { hasText: 'Jenis berkas tidak diterima' }).waitFor({ timeout: 10000 });
    check('eskalasi: a slide of the wrong type refused with the reason', !/paparan\.pdf/.test(await page.locator('#lampiran ul').innerText()));
    check('eskalasi: the meeting page fits 360 px', await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    await page.screenshot({ path: `${SHOTS}/21-eskalasi-lokmin.png`, fullPage: true });
    const tid = await page.locator('tr', { hasText: 'Sweeping balita Wonourip' }).locator('a[href^="/tindakan/"]').first().getAttribute('href');
    await page.goto(BASE + tid);
    check(`eskalasi: this month, before new data: not met (${target}%)`, new RegExp(`\\(${M}\\): belum tercapai`).test(await page.locator('main').innerText()));
    // new data: the cadre weighs children of Wonourip not weighed this month
    const kctx = await browser.newContext();
    const kader = await login(kctx, 'kader');
    await kader.goto(BASE + '/posyandu/1');
    const ids = await kader.locator('form.ukur').evaluateAll(fs => fs.map(f => [f.dataset.anak, f.dataset.bbLalu]));
    let added = 0;
    for (const [anak, bb] of ids) {
      if (added >= need) break;
      const api = await kader.evaluate(async i => (await fetch('/api/v1/anak/' + i)).json(), anak);
      if (api.pengukuran.some(p => p.tanggal.slice(0, 7) === M)) continue;
      const st = await kader.evaluate(async ([i, b, d]) => {
        const me = await (await fetch('/api/v1/saya')).json();
        const r = await fetch('/api/v1/pengukuran', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf },
          body: JSON.stringify({ anak_id: Number(i), tanggal: d, bb: Math.round((parseFloat(b || '9') + 0.2) * 10) / 10, yakin: 1 }) });
        return r.status;
      }, [anak, bb, today]);
      if (st === 201) added++;
    }
    check(`eskalasi: ${need} new weighing(s) stored`, added === need);
    await kctx.close();
    await page.reload();
    check('eskalasi: with the new data the action says met', new RegExp(`\\(${M}\\): tercapai`).test(await page.locator('main').innerText()));
    // the next lokmin: the open actions on its agenda
    const next = await newMeeting(page, 'minilok', 'Lokmin bulan ini', today);
    const carried = await page.locator('table:has(caption:has-text("Tindak lanjut rapat sebelumnya"))').innerText();
    check('eskalasi: the open actions carried to the next lokmin', /Sweeping balita Wonourip/.test(carried) &&
      /Pengadaan dacin/.test(carried) && /Kelas ibu balita Wonourip/.test(carried));
    // the kabupaten's rakor: the raised problem with its origin, answered
    const kab = await browser.newContext();
    const kp = await login(kab, 'tpps.kab');
    const rakor = await newMeeting(kp, 'rakor', 'Rakor TPPS bulan ini', today);
    const below = await kp.locator('h2:has-text("Masalah dari tingkat di bawah") + ul').innerText();
    check('eskalasi: the raised problem on the rakor with its origin', /Dacin rusak di lima posyandu/.test(below) && /Lokmin eskalasi/.test(below));
    check('eskalasi: the problem kept at the desa is not raised', !/D\/S Wonourip rendah/.test(below));
    const j = kp.locator('form[action$="/jawaban"]');
    const v = await j.locator('option', { hasText: 'Dacin rusak' }).first().getAttribute('value');
    await j.locator('select[name=masalah_id]').selectOption(v);
    await j.locator('input[name=jawaban]').fill('Dinkes mengadakan dacin lewat DAK');
    await Promise.all([kp.waitForNavigation(), j.locator('button').click()]);
    check('eskalasi: answered at the rakor', /Dinkes mengadakan dacin lewat DAK/.test(await kp.locator('main').innerText()) && /\/rapat\/\d+/.test(rakor));
    await kab.close();
    await page.goto(next);
    check('eskalasi: the answer flows back to the next lokmin', /Dinkes mengadakan dacin lewat DAK/.test(
      await page.locator('h2:has-text("Masalah yang dinaikkan dari rapat sebelumnya") + ul').innerText()));
    await ctx.close();
  });
  // The administrator imports a code list from the web: upload, dry run, import.
  await part('impor', async () => {
    const ctx = await browser.newContext();
    const page = await login(ctx, 'admin');
    await page.goto(BASE + '/impor');
    await page.selectOption('#impor-jenis', 'wilayah');
    await page.setInputFiles('#impor-berkas', 'tests/data/import/wilayah.csv');
    await Promise.all([page.waitForURL(BASE + '/impor'), page.click('button:has-text("Unggah dan uji coba")')]);
    await page.locator('#impor-tahap[data-tahap=diperiksa]').waitFor({ timeout: 30000 });
    const dry = await page.locator('#impor-tahap').innerText();
    check('impor: dry run counts (6 to add, 2 refused)', /Akan ditambahkan\s+6/.test(dry) && /Akan ditolak\s+2/.test(dry));
    check('impor: refused rows with their reason', /bukan kode wilayah/.test(dry) && /sudah ada di baris 2/.test(dry));
    await page.screenshot({ path: `${SHOTS}/14-impor-uji-coba.png`, fullPage: true });
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Impor sekarang")')]);
    await page.locator('#impor-tahap[data-tahap=selesai]').waitFor({ timeout: 30000 });
    const done = await page.locator('#impor-tahap').innerText();
    check('impor: done, 6 added', /Impor selesai/.test(done) && /Ditambahkan\s+6/.test(done));
    const st = await page.evaluate(async () => (await fetch('/impor/status')).json());
    check('impor: progress reached 100%', st.tahap === 'selesai' && st.persen === 100);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('a[href="/impor/tolak.csv"]')]);
    check('impor: rejects file downloaded', /\.tolak\.csv$/.test(dl.suggestedFilename()));
    await ctx.close();
  });
  // The administrator sets the district up: a posyandu refused, then added; a target on the trend.
  await part('atur', async () => {
    const ctx = await browser.newContext();
    const page = await login(ctx, 'admin');
    await page.click('nav a:has-text("Atur")');
    check('atur: the setup page from the menu', /\/atur\/posyandu$/.test(page.url()));
    const form = page.locator('form[method=post][action="/atur/posyandu"]');
    await form.locator('input[name=nama]').fill('Posyandu Kenanga Baru');
    await form.locator('input[name=desa]').fill('Atlantis');
    await form.locator('input[name=hari]').fill('9');
    await Promise.all([page.waitForNavigation(), form.locator('button').click()]);
    const again = page.locator('form[method=post][action="/atur/posyandu"]');
    check('atur: refused, the name kept', await again.locator('input[name=nama]').inputValue() === 'Posyandu Kenanga Baru');
    check('atur: the error beside the desa field', /tidak ada di wilayah Anda/.test(
      await again.locator('label:has(input[name=desa]) .galat').innerText()));
    await again.locator('input[name=desa]').fill('sukotani');
    await Promise.all([page.waitForNavigation(), again.locator('button').click()]);
    check('atur: added, listed with its desa', /Posyandu Kenanga Baru\s+SUKOTANI/.test(await page.locator('table').first().innerText()));
    await page.screenshot({ path: `${SHOTS}/15-atur-posyandu.png`, fullPage: false });
    await page.goto(BASE + '/atur/target');
    const t = page.locator('form[action="/atur/target"]');
    await t.locator('input[name=wilayah]').fill('35.99.01.2002');
    await t.locator('input[name=tahun]').fill(String(new Date().getFullYear()));
    await t.locator('input[name=stunting]').fill('12,5');
    await t.locator('input[name=sumber]').fill('RPJMDes');
    await Promise.all([page.waitForNavigation(), t.locator('button').click()]);
    await page.goto(BASE + '/dasbor?wilayah=35.99.01.2002');
    check('atur: the desa trend draws its target', await page.locator('svg line.target').count() === 1 &&
      /Target \d{4}: 12,5%/.test(await page.locator('svg').nth(1).innerHTML()));
    await ctx.close();
  });
  // The desa records its TPPS on a phone: the decree uploaded by the page's
  // script (a text file refused with the reason shown), then its map.
  await part('tpps', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await login(ctx, 'bidan.desa');
    await Promise.all([page.waitForNavigation(), page.click('nav a:has-text("TPPS")')]);
    check('tpps: the desa\'s team from the menu', /\/tpps$/.test(page.url()) &&
      /Susunan tim/.test(await page.locator('main').innerText()));
    const up = page.locator('form[data-unggah]');
    await up.locator('input[type=file]').setInputFiles({ name: 'catatan.pdf', mimeType: 'application/pdf',
      buffer: Buffer.from('ini bukan pdf') });
    await up.locator('button').click();
    await page.locator('form[data-unggah] .pesan:has-text("bukan PDF")').waitFor({ timeout: 10000 });
    check('tpps: a text file refused, the reason shown', /bukan PDF, PNG atau JPEG/.test(
      await up.locator('.pesan').innerText()));
    await up.locator('input[type=file]').setInputFiles({ name: 'sk-tpps-desa.pdf', mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await Promise.all([page.waitForNavigation(), up.locator('button').click()]);
    check('tpps: the decree linked after the upload', await page.locator('a:has-text("Lihat dokumen SK")').count() === 1);
    const wide = await page.evaluate(() => [...document.querySelectorAll('main *')]
      .filter(e => e.getBoundingClientRect().right > 362 && !e.closest('.tabel')).length);
    check('tpps: the page fits 360 px (' + wide + ' wider)', wide === 0);
    await page.screenshot({ path: `${SHOTS}/23-tpps-desa-360.png`, fullPage: true });
    await page.click('a:has-text("Pemetaan kelembagaan desa")');
    await Promise.all([page.waitForNavigation(), page.locator('td a').first().click()]);
    await page.fill('input[name=kpm_ada]', '1');
    await page.fill('input[name=kpm_terlatih]', '2');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Simpan")')]);
    check('map: refused, the error beside the field', /KPM terlatih lebih banyak/.test(
      await page.locator('label:has(input[name=kpm_terlatih]) .galat').innerText()));
    await page.fill('input[name=kpm_terlatih]', '1');
    await page.check('input[name=bkl]');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Simpan")')]);
    check('map: saved, the desa listed', /\/kelembagaan\?/.test(page.url()) &&
      await page.locator('tr[data-desa]').count() === 1);
    await ctx.close();
  });
  // Posyandu monitoring: the district sets a team up, the agency builds its
  // questionnaire, and its member answers it offline on a 360 px phone for
  // two posyandu of a desa; synced, the visits show in the desa table.
  let monIsi = '', monPng = null, monPos = [];
  await part('monitoring', async () => {
    const kab = await browser.newContext();
    const admin = await login(kab, 'tpps.kab');
    await admin.goto(BASE + '/monitoring');
    const tim = admin.locator('form[action="/monitoring/tim"]');
    await tim.locator('input[name=nama]').fill('Tim Uji Peramban');
    await Promise.all([admin.waitForNavigation(), tim.locator('button').click()]);
    const ang = admin.locator('form[action="/monitoring/tim-anggota"]');
    await ang.locator('select[name=tim]').selectOption({ label: 'Tim Uji Peramban' });
    await ang.locator('select[name=lembaga]').selectOption('OPD-DINKES');
    await ang.locator('select[name=desa]').selectOption('35.99.01.2002');
    await Promise.all([admin.waitForNavigation(), ang.locator('button').click()]);
    check('monitoring: the team lists Dinkes and its desa', /Tim Uji Peramban\s+Dinas Kesehatan\s+1\s+SUKOTANI/.test(
      await admin.locator('table').first().innerText()));
    await kab.close();
    const ctx = await browser.newContext(PHONE);
    const page = await login(ctx, 'opd.dinkes');
    await page.goto(BASE + '/monitoring');
    const kf = page.locator('form[action="/monitoring/kuesioner"]');
    await kf.locator('input[name=nama]').fill('Kuesioner uji peramban');
    await Promise.all([page.waitForNavigation(), kf.locator('button').click()]);
    check('monitoring: on the builder', /\/monitoring\/kuesioner\/\d+$/.test(page.url()));
    const kuesionerId = page.url().replace(/.*\/kuesioner\/(\d+)$/, '$1');
    const add = async (kode, label, tipe, wajib) => {
      const f = page.locator('form[action$="/butir"]');
      await f.locator('input[name=kode]').fill(kode);
      await f.locator('input[name=label]').fill(label);
      await f.locator('select[name=tipe]').selectOption(tipe);
      await f.locator('select[name=kelompok]').selectOption('posyandu');
      if (wajib) await f.locator('input[name=wajib]').check();
      await Promise.all([page.waitForNavigation(), f.locator('button').click()]);
    };
    await add('buka', 'Posyandu buka sesuai jadwal?', 'ya_tidak', true);
    await add('kader_hadir', 'Jumlah kader hadir', 'angka', false);
    await add('foto_meja', 'Foto meja penimbangan', 'foto', true);
    check('monitoring: three questions built', await page.locator('#butir tbody tr').count() === 3);
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Terbitkan versi ini")')]);
    check('monitoring: published, no longer editable', await page.locator('form[action$="/butir"]').count() === 0 &&
      await page.locator('button:has-text("Buat versi baru")').count() === 1);
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Isi kuesioner")')]);
    await page.evaluate(() => window.tumbuhAntrian.siap());
    const form = page.locator('form.monitoring');
    const pos = await form.locator('select[name=posyandu_id] option[data-desa="35.99.01.2002"]').evaluateAll(
      os => os.map(o => o.value));
    // a phone camera's photo: 2000 x 1000 px (PNG, drawn by the browser)
    const png = Buffer.from((await page.evaluate(() => {
      const c = document.createElement('canvas'); c.width = 2000; c.height = 1000;
      const g = c.getContext('2d'); g.fillStyle = '#3a7'; g.fillRect(0, 0, 2000, 1000);
      g.fillStyle = '#fff'; g.fillRect(100, 100, 800, 400);
      return c.toDataURL('image/png');
    })).split(',')[1], 'base64');
    const fotoDb = () => page.evaluate(() => new Promise(res => {
      const rq = indexedDB.open('tumbuh_foto', 1);
      rq.onupgradeneeded = () => rq.result.createObjectStore('foto', { keyPath: 'id' }).createIndex('user', 'user');
      rq.onsuccess = () => {
        const t = rq.result.transaction('foto'), all = t.objectStore('foto').getAll();
        all.onsuccess = () => { rq.result.close(); res(all.result.map(r => ({ user: r.user, head: Array.from(new Uint8Array(r.data, 0, 4)) }))); };
      };
    }));
    monIsi = page.url(); monPng = png; monPos = pos;
    await ctx.setOffline(true);
    const fotoIn = form.locator('fieldset:has(input[name=j_foto_meja]) input.foto');
    const fotoMsg = form.locator('fieldset:has(input[name=j_foto_meja]) .foto-status');
    const visit = async (p, buka, kader, foto) => {
      await form.locator('select[name=desa]').selectOption('35.99.01.2002');
      await form.locator('select[name=posyandu_id]').selectOption(p);
      await form.locator(`input[name=j_buka][value=${buka}]`).check();
      await form.locator('input[name=j_kader_hadir]').fill(kader);
      if (foto) {
        await fotoIn.setInputFiles({ name: 'meja.png', mimeType: 'image/png', buffer: foto });
        await fotoMsg.filter({ hasText: 'Foto tersimpan di perangkat, dikirim saat tersambung' }).waitFor({ timeout: 10000 });
      }
      await form.locator('button:has-text("Simpan")').click();
    };
    await visit(pos[0], 'ya', '5', png);
    await fotoIn.setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan foto') });
    check('monitoring: a text file is refused when chosen, with the reason', /bukan foto/.test(await fotoMsg.innerText()) &&
      await form.locator('input[name=j_foto_meja]').inputValue() === '');
    await visit(pos[1], 'tidak', '3'); // the photo is required: not saved, nothing typed lost
    check('monitoring: a required photo missing: said, nothing queued, the answers kept',
      /foto "Foto meja penimbangan" wajib/.test(await form.locator('.hasil').innerText()) && (await queued(page)) === 1 &&
      await form.locator('input[name=j_kader_hadir]').inputValue() === '3');
    await fotoIn.setInputFiles({ name: 'meja2.png', mimeType: 'image/png', buffer: png });
    await fotoMsg.filter({ hasText: 'Foto tersimpan di perangkat' }).waitFor({ timeout: 10000 });
    await form.locator('button:has-text("Simpan")').click();
    const kept = await fotoDb();
    // AES-GCM output, not the image: neither JPEG (FF D8) nor PNG (89 50) bytes
    check('monitoring: offline, the photo is kept on the phone, encrypted (' + JSON.stringify(kept) + ')',
      kept.length === 2 && kept.every(k => !(k.head[0] === 0xff && k.head[1] === 0xd8) && k.head[0] !== 0x89));
    await page.locator('#antrian.ada').waitFor({ timeout: 5000 });
    check('monitoring: two visits wait on the phone', (await queued(page)) === 2 &&
      /2 isian tersimpan di perangkat/.test(await page.locator('#antrian-bar').innerText()) &&
      (await page.locator('#antrian li.isian', { hasText: '1 foto tersimpan di perangkat, dikirim saat tersambung' }).count()) === 2);
    check('monitoring: the form fits 360 px', await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    await page.screenshot({ path: `${SHOTS}/24-monitoring-offline-360.png`, fullPage: true });
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    for (let i = 0; i < 80 && (await queued(page)) !== 0; i++) await page.waitForTimeout(250);
    check('monitoring: synced, the queue empty', /Tersimpan di server/.test(await form.locator('.hasil').innerText()));
    // the photo reached the server and is in the first posyandu's answer
    const ids = execFileSync('sqlite3', [process.env.DB, 'SELECT j.nilai FROM monitoring_jawaban j' +
      ' JOIN kuesioner_butir b ON b.id = j.butir_id JOIN monitoring_kunjungan k ON k.id = j.kunjungan_id' +
      ` WHERE b.kode = 'foto_meja' AND k.posyandu_id = ${parseInt(pos[0], 10)}`], { encoding: 'utf8' }).trim().split('\n');
    check('monitoring: the first posyandu\'s answer has a photo id (' + ids + ')', ids.length === 1 && /^\d+$/.test(ids[0]));
    const got = await page.request.get(BASE + '/monitoring/foto/' + ids[0]);
    const jpg = await got.body();
    const jpegSize = b => { // width x height of the first SOF marker
      for (let i = 2; i + 9 < b.length && b[i] === 0xff;) {
        const m = b[i + 1];
        if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) return b.readUInt16BE(i + 7) + 'x' + b.readUInt16BE(i + 5);
        i += 2 + b.readUInt16BE(i + 2);
      }
      return '';
    };
    check('monitoring: the photo opens, a JPEG scaled to 1600 x 800 (' + got.status() + ' ' + jpegSize(jpg) + ')',
      got.status() === 200 && /image\/jpeg/.test(got.headers()['content-type']) && jpg[0] === 0xff && jpg[1] === 0xd8 &&
      jpegSize(jpg) === '1600x800');
    check('monitoring: two photos stored on the server, with their client ids', execFileSync('sqlite3', [process.env.DB,
      "SELECT count(*) FROM monitoring_foto WHERE uuid IS NOT NULL"], { encoding: 'utf8' }).trim() === '2');
    check('monitoring: the phone keeps no photo once sent', (await fotoDb()).length === 0);
    // the results show the photos, loaded, on the phone's width
    await page.goto(BASE + '/monitoring/hasil?kuesioner=' + kuesionerId);
    await page.locator('.foto-daftar').scrollIntoViewIfNeeded(); // lazy: loaded when in view
    let shown = [];
    for (let i = 0; i < 40; i++) { // until both have loaded, at most 10 s
      shown = await page.locator('.foto-daftar img').evaluateAll(imgs => imgs.map(i => i.complete && i.naturalWidth));
      if (shown.length === 2 && shown.every(w => w === 1600)) break;
      await page.waitForTimeout(250);
    }
    check('monitoring: the results show the 2 photos, loaded (' + shown + ')', shown.length === 2 && shown.every(w => w === 1600));
    check('monitoring: the results fit 360 px', await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    await page.screenshot({ path: `${SHOTS}/25-monitoring-hasil-foto-360.png`, fullPage: true });
    await page.goto(BASE + '/monitoring');
    const row = await page.locator('#hasil-desa tr', { hasText: 'SUKOTANI' }).innerText();
    // two stage-1 visits; buka: ya and tidak -> posyandu score 50
    check('monitoring: the desa table shows 2 visits, score 50 (' + row.replace(/\s+/g, ' ') + ')',
      /^SUKOTANI\s+Tim Uji Peramban\s+2\s+0\s+50\s/.test(row));
    await ctx.close();
  });
  // A monitoring photo whose upload reached the server but whose answer was
  // lost (the connection dropped): sent again, stored once. Meanwhile the
  // member logs out and another user of the phone logs in: the photo stays
  // on the phone, and is neither shown to nor sent by that user.
  await part('monitoring photo: dropped upload, shared phone', async () => {
    const sql = q => execFileSync('sqlite3', [process.env.DB, q], { encoding: 'utf8' }).trim();
    const ctx = await browser.newContext(PHONE);
    let sent = 0, dropped = 0;
    await ctx.route('**/api/v1/monitoring/foto*', async route => { // reaches the server, the answer is lost
      sent++;
      await route.fetch();
      dropped++;
      await route.abort('internetdisconnected');
    });
    const page = await login(ctx, 'opd.dinkes');
    await page.goto(monIsi);
    await page.evaluate(() => window.tumbuhAntrian.siap());
    const form = page.locator('form.monitoring');
    await form.locator('select[name=desa]').selectOption('35.99.01.2002');
    await form.locator('select[name=posyandu_id]').selectOption(monPos[0]);
    await form.locator('input[name=j_buka][value=ya]').check();
    await form.locator('input.foto').setInputFiles({ name: 'kader.png', mimeType: 'image/png', buffer: monPng });
    await form.locator('.foto-status', { hasText: 'Foto tersimpan di perangkat' }).waitFor({ timeout: 10000 });
    await form.locator('select[name=tahap]').selectOption('2');
    await form.locator('button:has-text("Simpan")').click();
    for (let i = 0; i < 40 && !dropped; i++) await page.waitForTimeout(250);
    check('shared phone: the first upload reached the server, its answer lost', dropped >= 1 && (await queued(page)) === 1);
    page.once('dialog', d => d.accept());
    await Promise.all([page.waitForNavigation(), page.click('form.keluar button')]);
    const b = await login(ctx, 'kader');
    await b.evaluate(() => window.tumbuhAntrian && window.tumbuhAntrian.siap());
    const before = sent;
    await b.waitForTimeout(1500);
    const kept = await b.evaluate(() => new Promise(res => {
      const rq = indexedDB.open('tumbuh_foto', 1);
      rq.onsuccess = () => { const all = rq.result.transaction('foto').objectStore('foto').getAll(); all.onsuccess = () => { rq.result.close(); res(all.result.map(r => r.user)); }; };
    }));
    const dinkes = sql("SELECT id FROM pengguna WHERE username = 'opd.dinkes'");
    check('shared phone: the member\'s photo stays on the phone after logout (' + kept + ')', kept.length === 1 && String(kept[0]) === dinkes);
    check('shared phone: the next user neither sees nor sends it', (await queued(b)) === 0 && sent === before &&
      sql("SELECT count(*) FROM monitoring_foto WHERE oleh = (SELECT id FROM pengguna WHERE username = 'kader')") === '0');
    b.once('dialog', d => d.accept());
    await Promise.all([b.waitForNavigation(), b.click('form.keluar button')]);
    await ctx.unroute('**/api/v1/monitoring/foto*');
    const a = await login(ctx, 'opd.dinkes');
    await a.goto(monIsi);
    // until the visit is stored (the queue may be empty only because it has not loaded yet:
    // a failed load is tried again every 10 s), at most 40 s
    const stored = () => sql("SELECT count(*) FROM monitoring_kunjungan WHERE tahap = 2 AND posyandu_id = " + parseInt(monPos[0], 10));
    for (let i = 0; i < 160 && ((await queued(a)) !== 0 || stored() === '0'); i++) await a.waitForTimeout(250);
    const row = sql("SELECT count(*), max(f.oleh) FROM monitoring_foto f JOIN monitoring_jawaban j ON j.nilai = CAST(f.id AS TEXT)" +
      " JOIN monitoring_kunjungan k ON k.id = j.kunjungan_id WHERE k.tahap = 2 AND k.posyandu_id = " + parseInt(monPos[0], 10));
    const left = await queued(a);
    const visits = sql("SELECT group_concat(k.tahap || ':' || k.posyandu_id || ':' || coalesce(j.nilai, '-'), ' ') FROM monitoring_kunjungan k" +
      " LEFT JOIN monitoring_jawaban j ON j.kunjungan_id = k.id AND j.butir_id IN (SELECT id FROM kuesioner_butir WHERE tipe = 'foto')" +
      " WHERE k.lembaga = 'OPD-DINKES' OR 1");
    const status = await a.evaluate(() => Array.from(document.querySelectorAll('#antrian li.isian')).map(li => li.innerText).join(' | '));
    check('shared phone: back in, the visit is sent with the photo stored once (' + row + '; queue ' + left + ' ' + status + '; visits ' + visits + ')',
      (await queued(a)) === 0 && row === '1|' + dinkes &&
      sql('SELECT count(*) FROM monitoring_foto WHERE uuid IS NOT NULL') === '3');
    await ctx.close();
  });
  // The posyandu's own page on the cadre's phone: a PMT menu with its source.
  await part('posyandu page', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await login(ctx, 'kader');
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Kader, alat, PMT, PAUD")')]);
    check('posyandu page: from the posyandu day', /\/posyandu\/1\/profil$/.test(page.url()));
    const f = page.locator('form[action$="/profil/pmt"]');
    await f.locator('input[name=menu]').fill('Nugget ikan lele');
    await f.locator('input[name=sumber]').fill('APBDes');
    await Promise.all([page.waitForNavigation(), f.locator('button').click()]);
    check('posyandu page: the menu listed with its source', /Nugget ikan lele\s+APBDes/.test(await page.locator('#pmt').innerText()));
    check('posyandu page: no kit form for a cadre', await page.locator('form[action$="/profil/alat"]').count() === 0);
    check('posyandu page: fits 360 px', await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    await page.screenshot({ path: `${SHOTS}/22-posyandu-profil-360.png`, fullPage: true });
    await ctx.close();
  });
  // The parents' card printed (Chromium's print to PDF, A4): one page, the
  // weight curve and the next posyandu day on it.
  await part('parents card prints on one page', async () => {
    const ctx = await browser.newContext();
    const page = await login(ctx, 'kader');
    await page.goto(BASE + '/posyandu/1');
    const href = await page.locator('a[href^="/anak/"]').first().getAttribute('href');
    const id = href.match(/\/anak\/(\d+)/)[1];
    await page.goto(BASE + '/anak/' + id + '/kartu');
    check('card: next posyandu day', /Posyandu berikutnya:/.test(await page.locator('article').innerText()));
    check('card: the weight curve (BB/U) with the child\'s points',
      (await page.locator('article svg').first().locator('circle.titik').count()) > 0);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', path: `${SHOTS}/16-kartu-cetak.pdf` });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    check(`card: prints on one A4 page (${pages})`, pages === 1);
    await ctx.close();
  });
  // A TPK member on a 360 px phone records a visit offline; it syncs and the
  // desa's 4 PASTI figures (pasti didampingi) change.
  await part('tpk', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await login(ctx, 'tpk');
    await page.goto(BASE + '/tpk/hari');
    check('tpk: the day lists the team\'s targets', (await page.locator('ul.hari-tpk > li.sasaran').count()) > 0);
    check('tpk: the day fits 360 px', await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    const month = new Date().toISOString().slice(0, 7);
    const pasti = () => page.evaluate(async m => {
      const me = await (await fetch('/api/v1/saya')).json();
      const r = await (await fetch('/api/v1/laporan/3standar4pasti?wilayah=' + me.wilayah + '&bulan=' + m)).json();
      return r.baris[0].pasti_didampingi_ya;
    }, month);
    const before = await pasti();
    // a pregnant woman not yet visited this month
    const li = page.locator('ul.hari-tpk > li.sasaran', { has: page.locator('form.tpk[data-jenis=bumil]') })
      .filter({ hasNotText: 'terakhir ' + month }).first();
    await li.locator('summary').click();
    const form = li.locator('form.tpk');
    await ctx.setOffline(true);
    await form.locator('input[name=usia_kehamilan]').fill('20');
    await form.locator('input[name=lila]').fill('24.5');
    await form.locator('input[name=hb]').fill('11.8');
    await form.locator('input[name=konseling]').fill('Gizi seimbang ibu hamil');
    await form.locator('button').click();
    await page.locator('#antrian.ada').waitFor({ timeout: 5000 });
    check('tpk offline: the visit waits on the device', /tersimpan di perangkat/i.test(await page.locator('#antrian-bar').innerText()));
    check('tpk offline: one entry queued', (await queued(page)) === 1);
    await page.screenshot({ path: `${SHOTS}/18-tpk-offline-360.png`, fullPage: false });
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await form.locator('.hasil p', { hasText: 'Kunjungan tersimpan' }).first().waitFor({ timeout: 15000 });
    check('tpk back online: queue sent and emptied', (await queued(page)) === 0);
    const after = await pasti();
    check(`tpk: the desa's pasti didampingi went up by one (${before} -> ${after})`, after === before + 1);
    await ctx.close();
  });
  // The administrator fixes a place-name spelling on a 360 px phone: the
  // form filled from the link /impor gives, the area chosen in a select
  // grouped by kecamatan, saved, listed, removed.
  await part('ejaan', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await login(ctx, 'admin');
    await page.goto(BASE + '/atur/ejaan?nama=SUKOTANY&kecamatan=35.99.01&kode=35.99.01.2002');
    const sel = page.locator('select[name=kode]');
    check('ejaan: the spelling and the desa filled from the link',
      await page.inputValue('input[name=nama]') === 'SUKOTANY' && await sel.inputValue() === '35.99.01.2002');
    const box = await sel.boundingBox();
    check(`ejaan: the select fits 360 px and is touchable (${Math.round(box.x + box.width)} px, ${Math.round(box.height)} px high)`,
      box.x + box.width <= 360 && box.height >= 44);
    await sel.selectOption('35.99.01.2003');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Simpan ejaan")')]);
    check('ejaan: saved and listed', /Ejaan disimpan/.test(await page.locator('main').innerText()) &&
      await page.locator('#ejaan-daftar tr[data-ejaan]', { hasText: 'GUNUNGHARJO' }).count() === 1);
    const wide = await page.evaluate(() => [...document.querySelectorAll('main *')]
      .filter(e => e.getBoundingClientRect().right > 362).length);
    check('ejaan: the page with its list fits 360 px (' + wide + ' wider)', wide === 0);
    await page.screenshot({ path: `${SHOTS}/24-ejaan-360.png`, fullPage: true });
    await Promise.all([page.waitForNavigation(),
      page.locator('#ejaan-daftar tr[data-ejaan]', { hasText: 'SUKOTANY' }).locator('button').click()]);
    check('ejaan: removed', await page.locator('#ejaan-daftar tr[data-ejaan]', { hasText: 'SUKOTANY' }).count() === 0);
    await ctx.close();
  });
} catch (e) {
  fail++;
  console.error('FAIL: ' + (e && e.stack || e));
}
await browser.close();
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
