import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventEnvelope } from '../../contracts';
import { CursorExpiredError, InProcessEventBus } from './bus';
import type { EventLog } from './event-log';
import { MemoryEventLog, SqlEventLog } from './event-log';
import { testEnvelope } from './test-envelope';

const event = (id?: string): EventEnvelope => testEnvelope(id);

const cursors = (events: EventEnvelope[]) => events.map((each) => each.cursor);

describe.each([
  ['memory', async () => new MemoryEventLog()],
  ['SQLite', async () => SqlEventLog.open({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'weft-bus-')) })],
] as [string, () => Promise<EventLog>][])('the in-process bus over a %s log', (_kind, openLog) => {
  let bus: InProcessEventBus;
  let log: EventLog;
  beforeEach(async () => {
    log = await openLog();
    bus = await InProcessEventBus.open(log);
  });
  afterEach(() => bus.close());

  it('gives cursors in publication order and drops a republished event by id', async () => {
    const first = event();
    await bus.publish([first, event()]);
    await bus.publish([first, event()]);
    expect(cursors(await bus.read('0', 10))).toEqual(['1', '2', '3']);
    expect(await bus.head()).toBe('3');
  });

  it('keeps a durable consumer position: a new subscription under the name goes on after it', async () => {
    await bus.publish([event(), event(), event()]);
    const seen: string[] = [];
    const first = bus.subscribe({ durable: 'test.consumer' }, (each) => {
      seen.push(each.cursor!);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    first.close();
    await bus.publish([event(), event()]);
    const again: string[] = [];
    bus.subscribe({ durable: 'test.consumer' }, (each) => {
      again.push(each.cursor!);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual(['1', '2', '3']);
    expect(again).toEqual(['4', '5']);
  });

  it('records a busy durable consumer’s position a few times a second, not once per event, and all it applied once it closes', async () => {
    let writes = 0;
    const acknowledge = log.acknowledge.bind(log);
    log.acknowledge = (consumer, cursor) => {
      writes += 1;
      return acknowledge(consumer, cursor);
    };
    const seen: string[] = [];
    const consumer = bus.subscribe({ durable: 'busy.consumer' }, (each) => {
      seen.push(each.cursor!);
    });
    for (let index = 0; index < 40; index += 1) {
      await bus.publish([event()]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    while (seen.length < 40) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(writes).toBeLessThan(10);
    consumer.close();
    // The next subscription under the name goes on after the last event applied, at once.
    await bus.publish([event()]);
    const again: string[] = [];
    bus.subscribe({ durable: 'busy.consumer' }, (each) => {
      again.push(each.cursor!);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(again).toEqual(['41']);
  });

  it('hands a batch handler what the bus holds, up to its limit, in order and of its types only; a batch that throws comes again whole', async () => {
    const other = () => testEnvelope(undefined, 'order.cancelled');
    await bus.publish([event(), other(), event(), event(), other(), event(), event()]);
    const batches: (string | undefined)[][] = [];
    let failures = 1;
    const consumer = bus.subscribeInBatches({ durable: 'batch.consumer', types: ['order.route.changed'] }, 2, async (events) => {
      batches.push(cursors([...events]));
      if (events[0].cursor === '4' && failures-- > 0) throw new Error('a transient failure');
    });
    while (!(await consumer.caughtUp())) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(batches).toEqual([['1', '3'], ['4', '6'], ['4', '6'], ['7']]);
  });

  it('prunes what retention lets go, never what a durable consumer still needs, and says when a cursor is too old', async () => {
    await bus.publish([event(), event(), event(), event(), event()]);
    await log.acknowledge('slow.consumer', 2);
    await bus.prune(new Date(Date.now() + 60_000));
    await expect(bus.read('0', 10)).rejects.toBeInstanceOf(CursorExpiredError);
    await expect(bus.read('1', 10)).rejects.toBeInstanceOf(CursorExpiredError);
    expect(cursors(await bus.read('2', 10))).toEqual(['3', '4', '5']);
    // Nothing newer than the retention goes.
    await bus.prune(new Date(Date.now() - 60_000));
    expect(cursors(await bus.read('2', 10))).toEqual(['3', '4', '5']);
  });
});

/**
 * A log as PostgreSQL's can be after a crash or a failed append: cursors with gaps, and an
 * append that commits but answers with an error (the connection died before the answer came).
 */
class UnreliableLog extends MemoryEventLog {
  failNextAppendAfterCommit = false;
  private readonly stored: EventEnvelope[] = [];
  async append(events: readonly EventEnvelope[]): Promise<EventEnvelope[]> {
    const known = new Set(this.stored.map((each) => each.id));
    const fresh = events.filter((each) => !known.has(each.id));
    const last = this.stored.length ? Number(this.stored[this.stored.length - 1].cursor) : 0;
    const accepted = fresh.map((each, index) => ({ ...each, cursor: String(last + (index + 1) * 10) }));
    this.stored.push(...accepted);
    if (this.failNextAppendAfterCommit) {
      this.failNextAppendAfterCommit = false;
      throw new Error('Connection terminated unexpectedly');
    }
    return accepted;
  }
  async read(after: number, limit: number): Promise<EventEnvelope[]> {
    return this.stored.filter((each) => Number(each.cursor) > after).slice(0, limit);
  }
  async head(): Promise<number> {
    return this.stored.length ? Number(this.stored[this.stored.length - 1].cursor) : 0;
  }
}

describe('the in-process bus over a log with gaps and unsure appends', () => {
  it('reads after any cursor, and delivers what an append that failed after committing wrote', async () => {
    const log = new UnreliableLog();
    const bus = await InProcessEventBus.open(log);
    const seen: string[] = [];
    bus.subscribe({ durable: 'gaps.consumer' }, (each) => {
      seen.push(each.cursor!);
    });
    await bus.publish([event(), event(), event()]);
    expect(cursors(await bus.read('0', 10))).toEqual(['10', '20', '30']);
    expect(cursors(await bus.read('15', 10))).toEqual(['20', '30']);
    expect(cursors(await bus.read('30', 10))).toEqual([]);

    log.failNextAppendAfterCommit = true;
    const unsure = [event(), event()];
    await expect(bus.publish(unsure)).rejects.toThrow(/Connection terminated/);
    // The relay sends the same events again (the log drops them as known) with a new one.
    await bus.publish([...unsure, event()]);
    expect(await bus.head()).toBe('60');
    expect(cursors(await bus.read('30', 10))).toEqual(['40', '50', '60']);
    const deadline = Date.now() + 5_000;
    while (seen.length < 6 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(['10', '20', '30', '40', '50', '60']);
    await bus.close();
  });
});
