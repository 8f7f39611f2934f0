import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { Viewer } from '../access/viewer';
import { ormOptions } from '../data/database';
import { RequestContext } from '../access/context';
import { consumeOnce, eventConsumer, ProcessedEvent } from './consumer';
import { testEnvelope } from './test-envelope';

const event = (id: string) => testEnvelope(id);

describe('consumeOnce over a batch', () => {
  let orm: MikroORM;
  let ctx: RequestContext<unknown>;
  const handled: string[] = [];
  /** Each event leaves a row of its own; "bad" events fail; each sees how many rows came before it. */
  const seenBefore = new Map<string, number>();
  const probe = eventConsumer({
    name: 'probe',
    types: ['order.route.changed'],
    async handle(em, each) {
      handled.push(each.id);
      seenBefore.set(each.id, await em.count(ProcessedEvent, { id: { $like: 'effect:%' } }));
      if (each.id.startsWith('bad')) throw new Error(`cannot apply ${each.id}`);
      em.persist(em.create(ProcessedEvent, { id: `effect:${each.id}`, processedAt: new Date() }));
    },
  });

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-consumer-'));
    orm = await MikroORM.init(
      await ormOptions({ name: 'consumer_test', entities: [ProcessedEvent], migrations: { sqlite: [], postgresql: [] } }, { dataDir }),
    );
    await orm.schema.createSchema();
    ctx = new RequestContext(orm.em.fork(), Viewer.system(), undefined, 'test', undefined as never, undefined as never);
  });
  afterAll(() => orm?.close(true));
  beforeEach(async () => {
    handled.length = 0;
    seenBefore.clear();
    await orm.em.fork().nativeDelete(ProcessedEvent, {});
  });

  const rows = async () => (await orm.em.fork().find(ProcessedEvent, {}, { orderBy: { id: 'asc' } })).map((row) => row.id);

  it('applies each event once in one transaction, each seeing the ones before it, and skips what it already applied', async () => {
    await consumeOnce(ctx, probe, [event('a'), event('b'), event('a'), testEnvelope('x', 'order.cancelled')]);
    expect(handled).toEqual(['a', 'b']);
    expect(seenBefore.get('b')).toBe(1);
    await consumeOnce(ctx, probe, [event('a'), event('c')]);
    expect(handled).toEqual(['a', 'b', 'c']);
    expect(await rows()).toEqual(['effect:a', 'effect:b', 'effect:c', 'probe:a', 'probe:b', 'probe:c']);
  });

  it('keeps the events before one that fails, and fails naming it; nothing after it is applied', async () => {
    await expect(consumeOnce(ctx, probe, [event('a'), event('bad1'), event('c')])).rejects.toThrow('cannot apply bad1');
    // The batch rolled back, then went one at a time up to the failing event.
    expect(handled).toEqual(['a', 'bad1', 'a', 'bad1']);
    expect(await rows()).toEqual(['effect:a', 'probe:a']);
  });
});
