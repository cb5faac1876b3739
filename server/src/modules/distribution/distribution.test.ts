import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOrder, createPacker } from '../../../test/support/factories.js';
import { type Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';

interface Detail {
  status: string;
  packer: { id: number; name: string } | null;
  assignments: { packer: { name: string }; reason: string; ended_at: string | null }[];
  audit: { action: string; reason: string; to: string | null }[];
}

describe('distribution: automatic on arrival, reasons, queue, on demand', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client;
  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
  });
  after(() => app.cleanup());

  it('queues a new order with a reason when nobody can take it', async () => {
    const o = await createOrder(owner);
    const d = (await owner.get(`/api/orders/${o.id}`)).json<Detail>();
    assert.equal(d.status, 'new');
    const q = (await owner.get('/api/distribution/unassigned')).json<{
      items: { order_id: number; reason: string }[];
    }>();
    assert.deepEqual(
      q.items.map((i) => [i.order_id, i.reason]),
      [[o.id, 'no packers']],
    );
  });

  it('assigns new orders the moment they arrive, least loaded by default, with the reason', async () => {
    const a = await createPacker(owner, { name: 'Ana' });
    const b = await createPacker(owner, { name: 'Bogdan' });
    const o1 = await createOrder(owner);
    const d1 = (await owner.get(`/api/orders/${o1.id}`)).json<Detail>();
    assert.equal(d1.status, 'assigned');
    assert.equal(d1.packer?.id, a.id);
    assert.equal(d1.assignments[0]?.reason, 'least loaded: 0 open, next had 0');
    const o2 = await createOrder(owner);
    const d2 = (await owner.get(`/api/orders/${o2.id}`)).json<Detail>();
    assert.equal(d2.packer?.id, b.id);
    assert.equal(d2.audit.at(-1)?.action, 'assigned');
    assert.equal(d2.audit.at(-1)?.reason, 'least loaded: 0 open, next had 1');
  });
});
