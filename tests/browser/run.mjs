// tests/browser/run.mjs - Tumbuh in a real browser (Debian's Chromium,
// headless, driven by playwright-core). Environment: BASE (server URL),
// USERS (the file `tumbuh demo` printed its users to), SHOTS (screenshot
// directory). Prints "N passed, N failed" like every Tumbuh test.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync, statSync } from 'node:fs';

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

async function login(ctx, user) {
  const page = await ctx.newPage();
  await page.goto(BASE + '/masuk');
  await page.fill('input[name=pengguna]', user);
  await page.fill('input[name=sandi]', users[user]);
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Masuk")')]);
  return page;
}

try {
  // 1. A cadre logs in, enters a posyandu day, opens a child's growth chart.
  {
    const ctx = await browser.newContext({ viewport: { width: 412, height: 900 }, acceptDownloads: true });
    const page = await login(ctx, 'kader');
    check('cadre lands on the posyandu day', /\/posyandu\/\d+/.test(page.url()));
    check('list of target children', (await page.locator('ul.anak-daftar > li').count()) > 10);
    await page.screenshot({ path: `${SHOTS}/1-posyandu-day.png`, fullPage: false });
    const form = page.locator('form.ukur').first();
    const last = parseFloat((await form.getAttribute('data-bb-lalu')) || '9');
    await form.locator('input[name=bb]').fill((last + 0.2).toFixed(1));
    await form.locator('input[name=tb]').fill('80.5');
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
    check('offline: entry kept on the device', /tersimpan di perangkat/i.test(await page.locator('#antrian').innerText()));
    await page.screenshot({ path: `${SHOTS}/3-offline-queue.png` });
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await form2.locator('.hasil p', { hasText: 'BB/U' }).first().waitFor({ timeout: 15000 });
    check('back online: queue sent and emptied', (await page.evaluate(() => JSON.parse(localStorage.getItem('tumbuh_antrian') || '[]').length)) === 0);
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
  }
  // 2. A kecamatan user is refused a desa outside the kecamatan.
  {
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
  }
  // 3. A district user downloads an XLSX and the PDF.
  {
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
  }
} catch (e) {
  fail++;
  console.error('FAIL: ' + (e && e.stack || e));
}
await browser.close();
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
