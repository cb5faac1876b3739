import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { reportSeed } from '../../../test/support/report-seed.js';
import { ReportRows } from '../../../test/support/report-rows.js';
import { type SmtpCapture, startSmtpCapture } from '../../../test/support/smtp-capture.js';
import type { Client } from '../../../test/support/test-app.js';
import { ownerClient, startTestApp } from '../../../test/support/test-app.js';

const USER = 'rapoarte';
const PASS = 'Smtp-parola-42';
// Bucharest is UTC+2 in November: local = UTC + 2 h.
const P = (h: number, m = 0) => Date.UTC(2026, 10, 28, h, m); // 2026-11-28, the day before
const D = (h: number, m = 0) => Date.UTC(2026, 10, 29, h, m); // 2026-11-29, "yesterday"
const MORNING = Date.UTC(2026, 10, 30, 5, 0); // 07:00 local on 30 November
const nbsp = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

/**
 * The morning e-mail of a seeded yesterday, every figure computed by hand from the rows below:
 *
 * 28 Nov (P): o1 in 10:00, Ana assigned and packed; its AWB (FAN, COD 123.45) made 12:00;
 *             o2 in 11:00, not assigned.
 *   → in 2, distributed 1, packed 1, shipped 1, COD to collect 123.45, outstanding 123.45,
 *     backlog 2 − 1 = 1.
 * 29 Nov (D): o1's AWB delivered 14:00; o2 assigned to Cristi 09:00 (not packed);
 *             o3 in 08:00, Ana packs it, its AWB (COD 50.00) made 10:00;
 *             o4 in 08:30 and o5 in 09:30, Bogdan packs both; o6 in 23:30 (still D);
 *             o7 in 00:30 on 30 Nov (not D). Penalties created on D: Ana (proposed), Bogdan
 *             (proposed, then waived); one on P.
 *   → in 4, distributed 4 (o2–o5), packed 3, shipped 1, delivered 1, returned 0,
 *     COD to collect 50.00, collected 123.45, outstanding 123.45 + 50 − 123.45 = 50.00,
 *     backlog 1 + 4 − 3 = 2 (o2, o6); top packers Bogdan 2, Ana 1; penalties proposed 2.
 */
describe('daily summary e-mail: the job sends yesterday once, with the right figures', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client & { accountId: number };
  let smtp: SmtpCapture;

  const settings = (over: Record<string, unknown> = {}) =>
    owner.request('PUT', '/api/settings/report-mail', {
      enabled: true,
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      username: USER,
      password: '',
      from: 'ecomdir@magazin.ro',
      recipients: ['patron@magazin.ro'],
      hour: 7,
      language: 'ro',
      ...over,
    });
  const lastSent = async () =>
    (
      await app.database.db
        .selectFrom('report_mail_settings')
        .select('last_sent_day')
        .where('account_id', '=', owner.accountId)
        .executeTakeFirstOrThrow()
    ).last_sent_day;

  before(async () => {
    smtp = await startSmtpCapture(USER, PASS);
    app = await startTestApp();
    owner = await ownerClient(app);
    const acc = owner.accountId;
    const seed = reportSeed(app.database.db);
    const rows = new ReportRows(app.database.db, acc);
    const ana = await seed.packer(acc, 'Ana');
    const bogdan = await seed.packer(acc, 'Bogdan');
    const cristi = await seed.packer(acc, 'Cristi');
    await seed.packer(acc, 'Dana');

    const o1 = await seed.order(acc, { storeId: null, createdAt: P(8) });
    await seed.assignment(acc, {
      orderId: o1,
      packerId: ana,
      assignedAt: P(8, 10),
      packedAt: P(9),
    });
    await seed.shipment(acc, {
      orderId: o1,
      courier: 'fan',
      createdAt: P(10),
      cod: 12345,
      status: 'delivered',
      events: [['delivered', D(12)]],
    });
    const o2 = await seed.order(acc, { storeId: null, createdAt: P(9) });
    await seed.assignment(acc, { orderId: o2, packerId: cristi, assignedAt: D(7) });
    const o3 = await seed.order(acc, { storeId: null, createdAt: D(6) });
    await seed.assignment(acc, { orderId: o3, packerId: ana, assignedAt: D(6, 5), packedAt: D(7) });
    await seed.shipment(acc, { orderId: o3, courier: 'fan', createdAt: D(8), cod: 5000 });
    const o4 = await seed.order(acc, { storeId: null, createdAt: D(6, 30) });
    await seed.assignment(acc, {
      orderId: o4,
      packerId: bogdan,
      assignedAt: D(6, 40),
      packedAt: D(8),
    });
    const o5 = await seed.order(acc, { storeId: null, createdAt: D(7, 30) });
    await seed.assignment(acc, {
      orderId: o5,
      packerId: bogdan,
      assignedAt: D(7, 35),
      packedAt: D(9),
    });
    await seed.order(acc, { storeId: null, createdAt: D(21, 30) });
    await seed.order(acc, { storeId: null, createdAt: D(22, 30) });
    await rows.penalty({
      packerId: ana,
      orderId: o3,
      amount: 2000,
      at: D(10),
      states: ['proposed'],
    });
    await rows.penalty({
      packerId: bogdan,
      orderId: o4,
      amount: 2000,
      at: D(11),
      states: ['proposed', 'waived'],
    });
    await rows.penalty({
      packerId: ana,
      orderId: o1,
      amount: 1000,
      at: P(11),
      states: ['proposed'],
    });
  });
  after(async () => {
    await app.cleanup();
    await smtp.close();
  });

  it('the summary of yesterday: its row, the day before, top packers, penalties', async () => {
    const s = await app.services.reportMail.summary(owner.accountId, MORNING);
    assert.equal(s.day, '2026-11-29');
    assert.equal(s.currency, 'RON');
    assert.deepEqual(s.figures, {
      day: '2026-11-29',
      orders_in: 4,
      distributed: 4,
      packed: 3,
      shipped: 1,
      delivered: 1,
      returned: 0,
      cod_to_collect: 5000,
      cod_collected: 12345,
      cod_outstanding: 5000,
      backlog: 2,
    });
    assert.deepEqual(s.previous, {
      day: '2026-11-28',
      orders_in: 2,
      distributed: 1,
      packed: 1,
      shipped: 1,
      delivered: 0,
      returned: 0,
      cod_to_collect: 12345,
      cod_collected: 0,
      cod_outstanding: 12345,
      backlog: 1,
    });
    assert.deepEqual(
      s.top_packers.map((p) => [p.packer_name, p.packed]),
      [
        ['Bogdan', 2],
        ['Ana', 1],
      ],
    );
    assert.equal(s.penalties_proposed, 2);
  });

  it('GET /api/reports/summary answers the staff (yesterday of now)', async () => {
    const res = await owner.get('/api/reports/summary');
    assert.equal(res.statusCode, 200, res.body);
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Europe/Bucharest',
    });
    assert.equal(res.json<{ day: string }>().day, yesterday);
  });

  it('the job sends the figures in Romanian once, and marks the day only after', async () => {
    assert.equal((await settings({ password: PASS })).statusCode, 200);
    assert.equal(await app.services.reportMail.enqueueDue(MORNING), 1);
    assert.equal(await app.worker.runUntilIdle(), 1);
    const [m] = await smtp.waitFor(1);
    assert.ok(m);
    assert.equal(m.user, USER);
    assert.deepEqual(m.envelopeTo, ['patron@magazin.ro']);
    assert.equal(m.subject, 'ecomdir — rezumatul zilei 2026-11-29');
    assert.equal(
      nbsp(m.text),
      [
        'Rezumatul zilei 2026-11-29',
        '',
        'Comenzi intrate: 4 (ziua precedentă: 2)',
        'Distribuite: 4 (ziua precedentă: 1)',
        'Împachetate: 3 (ziua precedentă: 1)',
        'Expediate: 1 (ziua precedentă: 1)',
        'Livrate: 1 (ziua precedentă: 0)',
        'Returnate: 0 (ziua precedentă: 0)',
        'Ramburs de încasat: 50,00 RON (ziua precedentă: 123,45 RON)',
        'Ramburs încasat: 123,45 RON (ziua precedentă: 0,00 RON)',
        'Ramburs restant: 50,00 RON (ziua precedentă: 123,45 RON)',
        'Restanțe la sfârșitul zilei: 2 (ziua precedentă: 1)',
        '',
        'Comenzi împachetate, pe împachetator:',
        '1. Bogdan: 2',
        '2. Ana: 1',
        '',
        'Penalizări propuse: 2',
        '',
        'Trimis de ecomdir. Rapoartele complete sunt în panou, la Rapoarte.',
      ].join('\n'),
    );
    assert.match(nbsp(m.html), /<td [^>]*>Ramburs încasat<\/td><td [^>]*><b>123,45 RON<\/b><\/td>/);
    assert.match(m.html, /<li>Bogdan: 2<\/li><li>Ana: 1<\/li>/);
    assert.equal(await lastSent(), '2026-11-29');

    // Sent once: the tick adds nothing more that day, and a repeated job sends nothing.
    assert.equal(await app.services.reportMail.enqueueDue(MORNING + 5 * 60_000), 0);
    await app.services.reportMail.runDaily({ account_id: owner.accountId, day: '2026-11-29' });
    assert.equal(smtp.messages.length, 1);
  });

  it('a refused login keeps the day unsent and retries; English once the password is right', async () => {
    await settings({ password: 'wrong password', language: 'en' });
    const next = Date.UTC(2026, 11, 1, 5, 0); // 07:00 local on 1 December: 30 November is due
    assert.equal(await app.services.reportMail.enqueueDue(next), 1);
    await app.worker.runUntilIdle();
    const job = await app.database.db
      .selectFrom('jobs')
      .select(['id', 'state', 'attempts', 'last_error'])
      .where('kind', '=', 'reports.daily_mail')
      .where('dedupe_key', 'like', '%2026-11-30')
      .executeTakeFirstOrThrow();
    assert.equal(job.state, 'queued');
    assert.equal(job.attempts, 1);
    assert.match(job.last_error ?? '', /SMTP server refused/);
    assert.ok(!(job.last_error ?? '').includes('wrong password'));
    assert.equal(await lastSent(), '2026-11-29');
    assert.equal(smtp.messages.length, 1);
    // The tick does not add a second job while this one waits for its retry.
    assert.equal(await app.services.reportMail.enqueueDue(next + 5 * 60_000), 0);

    await settings({ password: PASS, language: 'en' });
    await app.database.db.updateTable('jobs').set({ run_at: 0 }).where('id', '=', job.id).execute();
    assert.equal(await app.worker.runUntilIdle(), 1);
    const [, m] = await smtp.waitFor(2);
    assert.equal(m?.subject, 'ecomdir — daily summary 2026-11-30');
    // 30 November: only o7 came in (00:30 local); nothing else happened.
    assert.match(nbsp(m?.text ?? ''), /^Orders in: 1 \(day before: 4\)$/m);
    assert.match(nbsp(m?.text ?? ''), /^COD outstanding: RON 50\.00 \(day before: RON 50\.00\)$/m);
    assert.match(m?.text ?? '', /^No order packed\.$/m);
    assert.equal(await lastSent(), '2026-11-30');
  });
});
