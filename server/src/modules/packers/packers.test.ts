import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';

interface Packer {
  id: number;
  name: string;
  username: string;
  active: boolean;
  weight: number;
  max_open_orders: number | null;
  skills: string[];
  allowed_store_ids: number[];
  shifts: Record<string, { start: string; end: string }[]>;
  open_orders: number;
}

describe('packers: create, edit, deactivate', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client;
  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
  });
  after(() => app.cleanup());

  it('creates a packer with schedule, skills and limits, and hashes the PIN', async () => {
    const res = await owner.post('/api/packers', {
      name: 'Ioana',
      username: 'ioana',
      pin: '246824',
      weight: 30,
      max_open_orders: 20,
      skills: ['fragile', 'sku:TRC-'],
      shifts: {
        mon: [{ start: '08:00', end: '16:00' }],
        tue: [],
        wed: [],
        thu: [],
        fri: [{ start: '08:00', end: '12:00' }],
        sat: [],
        sun: [],
      },
    });
    assert.equal(res.statusCode, 201);
    const p = res.json<Packer>();
    assert.equal(p.weight, 30);
    assert.deepEqual(p.skills, ['fragile', 'sku:TRC-']);
    assert.deepEqual(p.shifts.mon, [{ start: '08:00', end: '16:00' }]);
    assert.equal(p.open_orders, 0);
    const user = await app.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'ioana')
      .executeTakeFirstOrThrow();
    assert.match(user.password_hash, /^\$argon2id\$/);
    const list = (await owner.get('/api/packers')).json<{ items: Packer[] }>();
    assert.deepEqual(
      list.items.map((x) => x.username),
      ['ioana'],
    );
  });

  it('refuses a taken username, a bad PIN, a bad shift and unknown fields', async () => {
    const taken = await owner.post('/api/packers', {
      name: 'Alta',
      username: 'IOANA',
      pin: '111111',
    });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json<{ error: { code: string } }>().error.code, 'username_taken');
    assert.equal(
      (await owner.post('/api/packers', { name: 'X', username: 'xx-1', pin: '12' })).statusCode,
      400,
    );
    assert.equal(
      (
        await owner.post('/api/packers', {
          name: 'X',
          username: 'xx-1',
          pin: '123412',
          shifts: { mon: [{ start: '18:00', end: '08:00' }] },
        })
      ).statusCode,
      400,
    );
    assert.equal(
      (
        await owner.post('/api/packers', {
          name: 'X',
          username: 'xx-1',
          pin: '123412',
          admin: true,
        })
      ).statusCode,
      400,
    );
    const count = await app.database.db
      .selectFrom('packers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1, 'nothing half-written by refused requests');
  });

  it('edits fields, changes the PIN and deactivates with an audit trail', async () => {
    const p = (await owner.get('/api/packers')).json<{ items: Packer[] }>().items[0];
    assert.ok(p);
    const res = await owner.patch(`/api/packers/${p.id}`, {
      name: 'Ioana M.',
      pin: '999999',
      skills: ['heavy'],
      max_open_orders: null,
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json<Packer>().name, 'Ioana M.');
    assert.equal(res.json<Packer>().max_open_orders, null);
    const off = await owner.patch(`/api/packers/${p.id}`, { active: false });
    assert.equal(off.json<Packer>().active, false);
    const audit = await app.database.db
      .selectFrom('audit_events')
      .select(['action', 'to_value'])
      .where('entity', '=', 'packer')
      .where('entity_id', '=', p.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['created', 'updated', 'deactivated'],
    );
    assert.match(audit[1]?.to_value ?? '', /pin/);
    assert.equal((await owner.get('/api/packers/999999')).statusCode, 404);
  });
});
