import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type App, buildApp } from '../../http/app.js';
import { openDatabase } from '../../db/database.js';
import { migrateWithout } from '../../../test/support/migrate-without.js';
import { createPacker, stationCodeOf } from '../../../test/support/factories.js';
import { createTestDatabase, testConfig } from '../../../test/support/test-db.js';
import { Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { EMPTY_SCHEDULE } from '../packers/packers.schema.js';
import { hashSecret } from './passwords.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const errorOf = (res: { json<T>(): T }) =>
  res.json<{ error: { code: string; message: string } }>().error;

/**
 * Packer usernames are unique per account: the station's address (`/station/<code>`) names
 * the account. Two shops can each have "ioana", and nothing a shop is told reveals another.
 */
describe('station login: usernames per account, the station code names the account', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof ownerClient>>;
  let b: Awaited<ReturnType<typeof ownerClient>>;
  let codeA: string;
  let codeB: string;
  before(async () => {
    app = await startTestApp({ loginRateLimit: { max: 5, windowMs: 60_000 } });
    a = await ownerClient(app, 'Magazin A');
    b = await ownerClient(app, 'Magazin B');
    codeA = await stationCodeOf(a);
    codeB = await stationCodeOf(b);
  });
  after(() => app.cleanup());

  const pinLogin = (body: Record<string, string>, ip = '203.0.113.50') =>
    app.http.inject({
      method: 'POST',
      url: '/api/auth/packer-login',
      remoteAddress: ip,
      payload: body,
    });

  it('gives every account its own station code, shown to the owner', async () => {
    assert.match(codeA, /^[a-z2-9]{8}$/);
    assert.notEqual(codeA, codeB);
    const account = (await a.get('/api/account')).json<{ station_code: string }>();
    assert.equal(account.station_code, codeA);
  });

  it('lets two accounts each have a packer "ioana"', async () => {
    const inA = await a.post('/api/packers', { name: 'Ioana A', username: 'ioana', pin: '111222' });
    assert.equal(inA.statusCode, 201);
    const inB = await b.post('/api/packers', { name: 'Ioana B', username: 'Ioana', pin: '333444' });
    assert.equal(inB.statusCode, 201, inB.body);
    // Renaming to a username another account uses is allowed too.
    const other = await createPacker(b, { username: 'mara-b' });
    const renamed = await b.patch(`/api/packers/${other.id}`, { username: 'ioana2' });
    assert.equal(renamed.statusCode, 200);
    await createPacker(a, { username: 'ioana2' });
    // Within one account a username is still taken, and the answer is about that account.
    const again = await a.post('/api/packers', { name: 'X', username: 'IOANA', pin: '555666' });
    assert.equal(again.statusCode, 409);
    assert.equal(errorOf(again).code, 'username_taken');
  });

  it("logs in each account's packer only with that account's code", async () => {
    const okA = await pinLogin({ station_code: codeA, username: 'ioana', pin: '111222' });
    assert.equal(okA.statusCode, 200, okA.body);
    assert.equal(okA.json<{ user: { name: string } }>().user.name, 'Ioana A');
    const okB = await pinLogin({ station_code: codeB, username: 'ioana', pin: '333444' });
    assert.equal(okB.statusCode, 200, okB.body);
    assert.equal(okB.json<{ user: { name: string } }>().user.name, 'Ioana B');
    // A's PIN with B's code is B's "ioana" with a wrong PIN: refused.
    const crossed = await pinLogin({ station_code: codeB, username: 'ioana', pin: '111222' });
    assert.equal(crossed.statusCode, 401);
    const swapped = await pinLogin({ station_code: codeA, username: 'ioana', pin: '333444' });
    assert.equal(swapped.statusCode, 401);
  });

  it('answers a wrong code, an unknown username and a wrong PIN alike', async () => {
    const answers = await Promise.all([
      pinLogin({ station_code: 'zzzzzzzz', username: 'ioana', pin: '111222' }, '203.0.113.61'),
      pinLogin({ station_code: codeA, username: 'nobody', pin: '111222' }, '203.0.113.62'),
      pinLogin({ station_code: codeA, username: 'ioana', pin: '999999' }, '203.0.113.63'),
      pinLogin({ station_code: codeB, username: 'ioana2', pin: '123456' }, '203.0.113.64'),
    ]);
    // The last one is right: ioana2 of B logs in (created with the factory's PIN).
    assert.equal(answers[3]?.statusCode, 200);
    const refused = answers.slice(0, 3);
    for (const r of refused) assert.equal(r.statusCode, 401);
    assert.equal(new Set(refused.map((r) => r.body)).size, 1, 'the three refusals read the same');
    assert.equal(errorOf(refused[0] as { json<T>(): T }).code, 'invalid_credentials');
  });

  it("guessing at one account's packer does not lock another account's packer of that name", async () => {
    const guesses = [];
    for (let i = 0; i < 12; i++)
      guesses.push(
        await pinLogin(
          { station_code: codeB, username: 'ioana', pin: String(700000 + i) },
          `198.18.0.${i}`,
        ),
      );
    assert.ok(
      guesses.some((g) => errorOf(g).code === 'pin_locked'),
      'B’s ioana is locked',
    );
    const okA = await pinLogin({ station_code: codeA, username: 'ioana', pin: '111222' });
    assert.equal(okA.statusCode, 200, 'A’s ioana still logs in');
  });
});

describe('station codes: the migration keeps existing packers working', () => {
  it('gives existing accounts a code; their packers and sessions carry on', async () => {
    const tdb = await createTestDatabase();
    const database = openDatabase(tdb.database);
    const db = database.db;
    let app: App | undefined;
    try {
      await migrateWithout(db, (name) => name.startsWith('20261201_12'));
      // A shop as it was: an account, a packer "ioana" (globally unique then) and a session.
      const now = Date.now();
      // Written in SQL: the typed schema already has station_code, which this table has not.
      const inserted = await sql<{ id: number }>`
        INSERT INTO accounts (name, timezone, currency, language, created_at, updated_at)
        VALUES ('Vechi', 'Europe/Bucharest', 'RON', 'ro', ${now}, ${now})
        RETURNING id`.execute(db);
      const account = { id: Number(inserted.rows[0]?.id) };
      const user = await db
        .insertInto('users')
        .values({
          account_id: account.id,
          role: 'packer',
          name: 'Ioana Veche',
          email: null,
          username: 'ioana',
          password_hash: await hashSecret('246813'),
          active: 1,
          locked_at: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('packers')
        .values({
          account_id: account.id,
          user_id: user.id,
          name: 'Ioana Veche',
          active: 1,
          weight: 1,
          max_open_orders: null,
          skills: '[]',
          allowed_store_ids: '[]',
          shifts: JSON.stringify(EMPTY_SCHEDULE),
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db
        .insertInto('sessions')
        .values({
          id: 'old-session',
          user_id: user.id,
          account_id: account.id,
          csrf_token: 'c',
          created_at: now,
          expires_at: now + 60_000,
        })
        .execute();
      await database.destroy();

      app = await buildApp(testConfig(tdb));
      const row = await app.database.db
        .selectFrom('accounts')
        .select('station_code')
        .where('id', '=', account.id)
        .executeTakeFirstOrThrow();
      assert.match(row.station_code, /^[a-z2-9]{8}$/);
      const sessions = await app.database.db.selectFrom('sessions').select('id').execute();
      assert.deepEqual(
        sessions.map((s) => s.id),
        ['old-session'],
        'the rebuild cascaded nothing',
      );
      const login = await new Client(app).post('/api/auth/packer-login', {
        station_code: row.station_code,
        username: 'ioana',
        pin: '246813',
      });
      assert.equal(login.statusCode, 200, login.body);
      // A second account created after the migration can have its own "ioana".
      const other = await ownerClient(app, 'Nou');
      assert.equal((await createPacker(other, { username: 'ioana' })).username, 'ioana');
    } finally {
      if (app) await app.close();
      else await database.destroy().catch(() => undefined);
      await tdb.drop();
    }
  });
});
