import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { type SmtpCapture, startSmtpCapture } from '../../../test/support/smtp-capture.js';
import { Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { Vault } from '../stores/vault.js';
import { dailyMailKey } from './report-mail.service.js';

const USER = 'shop@example.ro';
const PASS = 'smtp-s3cret-Pa55';
const MASTER_KEY = randomBytes(32).toString('base64');

/**
 * The e-mail settings and the test message against a local SMTP server that requires a login
 * (smtp-server on 127.0.0.1), and the tick that queues the morning e-mail.
 */
describe('daily summary e-mail: settings, test message, tick', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client & { accountId: number };
  let smtp: SmtpCapture;
  let log = '';

  const form = (over: Record<string, unknown> = {}) => ({
    enabled: true,
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    username: USER,
    password: PASS,
    from: 'ecomdir@example.ro',
    recipients: ['owner@example.ro', 'boss@example.ro'],
    hour: 7,
    language: 'ro',
    ...over,
  });
  const put = (c: Client, body: unknown) => c.request('PUT', '/api/settings/report-mail', body);

  before(async () => {
    smtp = await startSmtpCapture(USER, PASS);
    const logStream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        log += chunk.toString();
        cb();
      },
    });
    app = await startTestApp({ logLevel: 'debug', masterKey: MASTER_KEY }, { logStream });
    owner = await ownerClient(app);
  });
  after(async () => {
    await app.cleanup();
    await smtp.close();
  });

  it('answers defaults before the first save: off, 07:00, the account language', async () => {
    const res = await owner.get('/api/settings/report-mail');
    assert.equal(res.statusCode, 200);
    const s = res.json<Record<string, unknown>>();
    assert.equal(s.configured, false);
    assert.equal(s.enabled, false);
    assert.equal(s.hour, 7);
    assert.equal(s.language, 'ro');
    assert.equal(s.password_set, false);
  });

  it('saves the settings; the password never comes back and is stored sealed', async () => {
    const res = await put(owner, form());
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(!res.body.includes(PASS));
    const s = res.json<Record<string, unknown>>();
    assert.equal(s.password_set, true);
    assert.equal('password' in s, false);
    assert.deepEqual(s.recipients, ['owner@example.ro', 'boss@example.ro']);

    const row = await app.database.db
      .selectFrom('report_mail_settings')
      .selectAll()
      .where('account_id', '=', owner.accountId)
      .executeTakeFirstOrThrow();
    assert.ok(row.password_sealed);
    assert.ok(!row.password_sealed.includes(PASS));
    assert.match(row.password_sealed, /^v1\./);
    const vault = Vault.open('', MASTER_KEY);
    assert.equal(vault.open(row.password_sealed), PASS);

    // An empty password keeps the stored one; GET answers the same, password-free.
    const again = await put(owner, form({ password: '', hour: 8 }));
    assert.equal(again.json<{ hour: number }>().hour, 8);
    const row2 = await app.database.db
      .selectFrom('report_mail_settings')
      .select('password_sealed')
      .where('account_id', '=', owner.accountId)
      .executeTakeFirstOrThrow();
    assert.equal(row2.password_sealed, row.password_sealed);
    const got = await owner.get('/api/settings/report-mail');
    assert.ok(!got.body.includes(PASS));
    assert.equal(got.json<{ password_set: boolean }>().password_set, true);
  });

  it('refuses bad forms: no recipient, eleven, a wrong address, an hour of 24', async () => {
    for (const bad of [
      form({ recipients: [] }),
      form({ recipients: Array.from({ length: 11 }, (_, i) => `r${i}@example.ro`) }),
      form({ recipients: ['not-an-address'] }),
      form({ hour: 24 }),
      form({ security: 'ssl' }),
    ]) {
      const res = await put(owner, bad);
      assert.equal(res.statusCode, 400, JSON.stringify(bad));
    }
  });

  it('only the owner reads or changes them; a manager may read the summary only', async () => {
    const email = `manager-${Date.now()}@example.ro`;
    const created = await owner.post('/api/users', {
      email,
      name: 'Mara',
      password: 'manager pw 1',
    });
    assert.equal(created.statusCode, 201, created.body);
    const manager = new Client(app);
    await manager.post('/api/auth/login', { email, password: 'manager pw 1' });
    assert.equal((await manager.get('/api/settings/report-mail')).statusCode, 403);
    assert.equal((await put(manager, form())).statusCode, 403);
    assert.equal((await manager.post('/api/settings/report-mail/test', form())).statusCode, 403);
    const summary = await manager.get('/api/reports/summary');
    assert.equal(summary.statusCode, 200, summary.body);
    assert.equal(summary.json<{ timezone: string }>().timezone, 'Europe/Bucharest');
  });

  it('sends a test message with the stored password and the right login', async () => {
    const before = smtp.messages.length;
    const res = await owner.post('/api/settings/report-mail/test', form({ password: '' }));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { sent_to: ['owner@example.ro', 'boss@example.ro'] });
    const [m] = (await smtp.waitFor(before + 1)).slice(before);
    assert.ok(m);
    assert.equal(m.user, USER);
    assert.equal(m.envelopeFrom, 'ecomdir@example.ro');
    assert.deepEqual(m.envelopeTo, ['owner@example.ro', 'boss@example.ro']);
    assert.equal(m.subject, 'ecomdir — e-mail de test');
    assert.match(m.text, /Acesta este un e-mail de test/);
    const en = await owner.post('/api/settings/report-mail/test', form({ language: 'en' }));
    assert.equal(en.statusCode, 200);
    assert.equal((await smtp.waitFor(before + 2))[before + 1]?.subject, 'ecomdir — test e-mail');
  });

  it('a refused login is smtp_auth_failed (502) without the server text, and nothing arrives', async () => {
    const before = smtp.messages.length;
    const res = await owner.post('/api/settings/report-mail/test', form({ password: 'wrong' }));
    assert.equal(res.statusCode, 502);
    const body = res.json<{ error: { code: string; message: string } }>();
    assert.equal(body.error.code, 'smtp_auth_failed');
    assert.ok(!res.body.includes('Invalid username'));
    const down = await owner.post('/api/settings/report-mail/test', form({ port: 1 }));
    assert.equal(down.json<{ error: { code: string } }>().error.code, 'smtp_unreachable');
    assert.equal(smtp.messages.length, before);
  });

  it('the tick queues yesterday only from the sending hour, once', async () => {
    await put(owner, form({ password: '', hour: 7 }));
    const svc = app.services.reportMail;
    // 30 November 2026, Bucharest is UTC+2: 04:59 UTC is 06:59 local.
    const jobs = () =>
      app.database.db
        .selectFrom('jobs')
        .select(['payload', 'state', 'dedupe_key'])
        .where('kind', '=', 'reports.daily_mail')
        .where('account_id', '=', owner.accountId)
        .execute();
    assert.equal(await svc.enqueueDue(Date.UTC(2026, 10, 30, 4, 59)), 0);
    assert.equal((await jobs()).length, 0);
    assert.equal(await svc.enqueueDue(Date.UTC(2026, 10, 30, 5, 0)), 1);
    assert.equal(await svc.enqueueDue(Date.UTC(2026, 10, 30, 5, 5)), 0);
    const q = await jobs();
    assert.equal(q.length, 1);
    assert.deepEqual(JSON.parse(q[0]!.payload), { account_id: owner.accountId, day: '2026-11-29' });
    assert.equal(q[0]!.dedupe_key, dailyMailKey(owner.accountId, '2026-11-29'));
    // A disabled account is never queued, whatever the hour.
    await put(owner, form({ password: '', enabled: false }));
    assert.equal(await svc.enqueueDue(Date.UTC(2026, 11, 1, 9, 0)), 0);
    await app.database.db.deleteFrom('jobs').where('kind', '=', 'reports.daily_mail').execute();
  });

  it('never writes the SMTP password to the log', () => {
    assert.ok(log.length > 0);
    assert.ok(!log.includes(PASS));
  });
});
