import { addWorkingMinutes, RESOURCE_EVENTS, type WorkingCalendar } from '../contracts';
import { OutboxEvent } from '../platform/events/outbox';
import { WorkingCalendarRow } from '../subgraphs/capacity/resources/calendar.entity';
import { StudioOperator } from '../subgraphs/capacity/resources/operator.entity';
import { WorkCenter } from '../subgraphs/capacity/resources/work-center.entity';
import type { GraphQLResult, TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { teawareOrder } from './support/orders';
import { staff } from './support/principals';

const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const fieldOf = (result: GraphQLResult) =>
  result.errors?.[0]?.extensions?.field ?? result.errors?.[0]?.extensions?.validationErrors?.[0]?.property;

const SET_CALENDAR = `mutation($input: WorkingCalendarInput!, $key: String!) {
  setWorkingCalendar(input: $input, idempotencyKey: $key) { enterpriseId makeUpWeekday hours { weekday start end } closures { from to nameZh makeUpDays } }
}`;
const UPSERT_CLOSURE = `mutation($closure: CalendarClosureInput!, $key: String!) {
  upsertCalendarClosure(enterpriseId: "youcaifeng", closure: $closure, idempotencyKey: $key) { closures { from to makeUpDays } }
}`;
const REMOVE_CLOSURE = `mutation($from: String!, $key: String!) {
  removeCalendarClosure(enterpriseId: "youcaifeng", from: $from, idempotencyKey: $key) { closures { from } }
}`;
const UPSERT_CENTER = `mutation($input: WorkCenterInput!, $key: String!) { upsertWorkCenter(input: $input, idempotencyKey: $key) { id code kind capacityPerBatch } }`;
const UPSERT_OPERATOR = `mutation($input: StudioOperatorInput!, $key: String!) { upsertStudioOperator(input: $input, idempotencyKey: $key) { id code penName skills } }`;
const NEXT = `query($from: DateTimeISO!, $minutes: Int!, $operator: String) {
  nextWorkingMinutes(enterpriseId: "youcaifeng", from: $from, minutes: $minutes, operatorCode: $operator)
}`;
const WORKING = `query($at: DateTimeISO!, $operator: String) { isWorking(enterpriseId: "youcaifeng", at: $at, operatorCode: $operator) }`;

/** Mon–Sat 09:00–18:00 with lunch 12:00–13:00. */
const WEEK = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
  { weekday, start: '09:00', end: '12:00' },
  { weekday, start: '13:00', end: '18:00' },
]);
const TAILOR = staff('youcaifeng', 'STUDIO_ADMIN');
const cst = (local: string) => new Date(`${local}+08:00`).toISOString();

describe.each(dialects())('a studio’s resources: calendar, work centers, operators (%s)', (dialect) => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub(dialect, { actingAs: TAILOR });
  });
  afterAll(() => t?.close());

  const em = () => t.hub.subgraphs.capacity.systemContext().em.fork();
  const snapshot = async () =>
    JSON.stringify(
      await Promise.all([
        em().find(WorkingCalendarRow, {}, { orderBy: { enterpriseId: 'asc' } }),
        em().find(WorkCenter, {}, { orderBy: { id: 'asc' } }),
        em().find(StudioOperator, {}, { orderBy: { id: 'asc' } }),
        em().count(OutboxEvent, {}),
      ]),
    );

  it('answers around the clock before a calendar is set, then by the calendar with the shipped holidays', async () => {
    expect((await t.gql(`{ workingCalendar(enterpriseId: "youcaifeng") { enterpriseId } }`)).data.workingCalendar).toBeNull();
    expect((await t.gql(NEXT, { from: cst('2026-02-16T22:00'), minutes: 60 })).data.nextWorkingMinutes).toBe(cst('2026-02-16T23:00'));

    const set = await t.gql(SET_CALENDAR, { input: { enterpriseId: 'youcaifeng', hours: WEEK }, key: 'calendar-1' });
    expect(set.errors).toBeUndefined();
    expect(set.data.setWorkingCalendar.hours).toHaveLength(12);
    expect(set.data.setWorkingCalendar.closures.map((closure: any) => closure.from)).toEqual([
      '2026-01-01',
      '2026-02-15',
      '2026-04-04',
      '2026-05-01',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01',
    ]);
    // Saturday 14 Feb 17:00 + 2 h: one hour that day, then the Spring Festival closure to Tuesday 24 Feb.
    expect((await t.gql(NEXT, { from: cst('2026-02-14T17:00'), minutes: 120 })).data.nextWorkingMinutes).toBe(cst('2026-02-24T10:00'));
    expect((await t.gql(WORKING, { at: cst('2026-02-20T10:00') })).data.isWorking).toBe(false);
    expect((await t.gql(WORKING, { at: cst('2026-02-24T10:00') })).data.isWorking).toBe(true);
    // Midnight China time is 16:00 UTC: Sunday 15 March begins, closed.
    expect((await t.gql(WORKING, { at: '2026-03-14T09:59:00.000Z' })).data.isWorking).toBe(true);
    expect((await t.gql(WORKING, { at: '2026-03-14T16:00:00.000Z' })).data.isWorking).toBe(false);

    // The same key and input answer the same, without a second change; another input under it conflicts.
    const events = await em().count(OutboxEvent, { type: RESOURCE_EVENTS.CALENDAR_CHANGED });
    expect((await t.gql(SET_CALENDAR, { input: { enterpriseId: 'youcaifeng', hours: WEEK }, key: 'calendar-1' })).data).toEqual(set.data);
    expect(await em().count(OutboxEvent, { type: RESOURCE_EVENTS.CALENDAR_CHANGED })).toBe(events);
    expect(codeOf(await t.gql(SET_CALENDAR, { input: { enterpriseId: 'youcaifeng', hours: WEEK.slice(2) }, key: 'calendar-1' }))).toBe(
      'CONFLICT',
    );
  });

  it('lets the studio adjust a shipped holiday, add its own closure and remove one, each an event with its actor', async () => {
    // The studio reopens on Monday 23 Feb: the shipped Spring Festival closure, shortened.
    const adjusted = await t.gql(UPSERT_CLOSURE, {
      closure: { from: '2026-02-15', to: '2026-02-21', nameZh: '春节', makeUpDays: ['2026-02-14'] },
      key: 'closure-1',
    });
    expect(adjusted.errors).toBeUndefined();
    expect(adjusted.data.upsertCalendarClosure.closures.find((closure: any) => closure.from === '2026-02-15')).toEqual({
      from: '2026-02-15',
      to: '2026-02-21',
      makeUpDays: ['2026-02-14'],
    });
    expect((await t.gql(WORKING, { at: cst('2026-02-23T10:00') })).data.isWorking).toBe(true);
    const own = await t.gql(UPSERT_CLOSURE, {
      closure: { from: '2026-08-03', to: '2026-08-07', nameEn: 'Summer break' },
      key: 'closure-2',
    });
    expect(own.data.upsertCalendarClosure.closures).toHaveLength(8);
    const removed = await t.gql(REMOVE_CLOSURE, { from: '2026-08-03', key: 'closure-3' });
    expect(removed.data.removeCalendarClosure.closures).toHaveLength(7);
    expect(codeOf(await t.gql(REMOVE_CLOSURE, { from: '2026-08-03', key: 'closure-4' }))).toBe('NOT_FOUND');

    const last = (await em().find(OutboxEvent, { type: RESOURCE_EVENTS.CALENDAR_CHANGED }, { orderBy: { position: 'desc' }, limit: 1 }))[0];
    expect(last.actorEnterprise).toBe('youcaifeng');
    expect(last.actorSubject).toBe(TAILOR.subject);
    expect(last.payload).toMatchObject({ studioId: 'youcaifeng', calendar: { makeUpWeekday: 1 } });
    expect((last.payload as any).calendar.closures).toHaveLength(7);

    // Another studio without a calendar cannot edit closures of one it has not set.
    const bakery = staff('moyun-bakery', 'STUDIO_ADMIN');
    expect(
      codeOf(
        await t.gql(
          `mutation { upsertCalendarClosure(enterpriseId: "moyun-bakery", closure: { from: "2026-08-03", to: "2026-08-04" }, idempotencyKey: "c") { enterpriseId } }`,
          {},
          { as: bakery },
        ),
      ),
    ).toBe('FAILED_PRECONDITION');
  });

  it('refuses bad input with a code naming the field and changes nothing', async () => {
    const before = await snapshot();
    const calendar = (hours: unknown[], closures?: unknown[]) =>
      t.gql(SET_CALENDAR, { input: { enterpriseId: 'youcaifeng', hours, ...(closures ? { closures } : {}) }, key: `bad-${Math.random()}` });
    const refusals: [GraphQLResult, string][] = [
      [
        await calendar([
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 1, start: '11:00', end: '14:00' },
        ]),
        'input.hours[1]',
      ],
      [await calendar([{ weekday: 1, start: '18:00', end: '09:00' }]), 'input.hours[0].end'],
      [await calendar([{ weekday: 9, start: '09:00', end: '10:00' }]), 'input.hours[0].weekday'],
      [await calendar(WEEK, [{ from: '2026-05-05', to: '2026-05-01', makeUpDays: [] }]), 'input.closures[0].to'],
      [
        await calendar(WEEK, [{ from: '2026-05-01', to: '2026-05-05', nameZh: '劳'.repeat(61), makeUpDays: [] }]),
        'input.closures[0].nameZh',
      ],
      [
        await t.gql(UPSERT_CLOSURE, { closure: { from: '2026-05-01', to: '2026-05-05', makeUpDays: ['2026-05-03'] }, key: 'bad-closure' }),
        'closure.makeUpDays[0]',
      ],
      [
        await t.gql(UPSERT_OPERATOR, {
          input: { enterpriseId: 'youcaifeng', code: 'op-1', penName: '阿针', realName: '王芳', skills: ['C50', 'Z99'] },
          key: 'bad-operator',
        }),
        'input.skills.1',
      ],
      [
        // Another studio's extension code is not the tailor's to give.
        await t.gql(UPSERT_OPERATOR, {
          input: { enterpriseId: 'youcaifeng', code: 'op-1', penName: '阿针', realName: '王芳', skills: ['X-MOYUN-01'] },
          key: 'bad-operator-2',
        }),
        'input.skills.0',
      ],
      [
        await t.gql(UPSERT_OPERATOR, {
          input: { enterpriseId: 'youcaifeng', code: 'op-1', penName: '针'.repeat(41), realName: '王芳', skills: [] },
          key: 'bad-operator-3',
        }),
        'penName',
      ],
      [
        await t.gql(UPSERT_CENTER, {
          input: {
            enterpriseId: 'youcaifeng',
            code: 'table',
            nameZh: '裁床',
            nameEn: 'Table',
            kind: 'CUTTING_TABLE',
            capacityPerBatch: 0,
            batchMinutes: 30,
          },
          key: 'bad-center',
        }),
        'capacityPerBatch',
      ],
    ];
    for (const [result, field] of refusals) {
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fieldOf(result)).toBe(field);
    }
    // Too many rows: refused before anything is read.
    const tooMany = await calendar(Array.from({ length: 71 }, (_, i) => ({ weekday: 1 + (i % 7), start: '09:00', end: '10:00' })));
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(fieldOf(tooMany)).toBe('hours');
    expect(await snapshot()).toBe(before);
  });

  it('keeps work centers and operators; an operator’s real name only to the studio’s leads, and leave on their calendar', async () => {
    const table = await t.gql(UPSERT_CENTER, {
      input: {
        enterpriseId: 'youcaifeng',
        code: 'table',
        nameZh: '裁床',
        nameEn: 'Cutting table',
        kind: 'CUTTING_TABLE',
        capacityPerBatch: 4,
        batchMinutes: 45,
      },
      key: 'center-1',
    });
    expect(table.data.upsertWorkCenter).toMatchObject({ code: 'table', kind: 'CUTTING_TABLE', capacityPerBatch: 4 });
    const again = await t.gql(UPSERT_CENTER, {
      input: {
        enterpriseId: 'youcaifeng',
        code: 'table',
        nameZh: '裁床',
        nameEn: 'Cutting table',
        kind: 'CUTTING_TABLE',
        capacityPerBatch: 6,
        batchMinutes: 45,
      },
      key: 'center-2',
    });
    expect(again.data.upsertWorkCenter).toMatchObject({ id: table.data.upsertWorkCenter.id, capacityPerBatch: 6 });

    const operator = await t.gql(UPSERT_OPERATOR, {
      input: { enterpriseId: 'youcaifeng', code: 'op-1', penName: '阿针', realName: '王芳', skills: ['C40', 'C40', 'C50'] },
      key: 'operator-1',
    });
    expect(operator.data.upsertStudioOperator).toMatchObject({ code: 'op-1', penName: '阿针', skills: ['C40', 'C50'] });
    const LIST = `{ studioOperators(enterpriseId: "youcaifeng") { code penName realName } }`;
    expect((await t.gql(LIST)).data.studioOperators).toEqual([{ code: 'op-1', penName: '阿针', realName: '王芳' }]);
    expect((await t.gql(LIST, {}, { as: staff('youcaifeng', 'SUPERVISOR') })).data.studioOperators[0].realName).toBe('王芳');
    const asOperator = await t.gql(LIST, {}, { as: staff('youcaifeng', 'OPERATOR') });
    expect(codeOf(asOperator)).toBe('FORBIDDEN');
    expect(
      (await t.gql(`{ studioOperators(enterpriseId: "youcaifeng") { code penName } }`, {}, { as: staff('youcaifeng', 'OPERATOR') })).data
        .studioOperators,
    ).toEqual([{ code: 'op-1', penName: '阿针' }]);

    // Leave Wednesday–Thursday: the operator's next working hours skip them; the studio's do not.
    const leave = await t.gql(
      `mutation { addOperatorLeave(enterpriseId: "youcaifeng", code: "op-1", leave: { from: "2026-03-11", to: "2026-03-12" }, idempotencyKey: "leave-1") { leave { from to } } }`,
    );
    expect(leave.data.addOperatorLeave.leave).toEqual([{ from: '2026-03-11', to: '2026-03-12' }]);
    expect((await t.gql(NEXT, { from: cst('2026-03-10T17:00'), minutes: 120, operator: 'op-1' })).data.nextWorkingMinutes).toBe(
      cst('2026-03-13T10:00'),
    );
    expect((await t.gql(NEXT, { from: cst('2026-03-10T17:00'), minutes: 120 })).data.nextWorkingMinutes).toBe(cst('2026-03-11T10:00'));
    expect((await t.gql(WORKING, { at: cst('2026-03-11T10:00'), operator: 'op-1' })).data.isWorking).toBe(false);

    // Events carry codes and the actor, never a name.
    const events = await em().find(OutboxEvent, { type: RESOURCE_EVENTS.OPERATOR_CHANGED }, { orderBy: { position: 'asc' } });
    expect(events.length).toBe(2);
    expect(JSON.stringify(events.map((event) => event.payload))).not.toMatch(/王芳|阿针/);
    expect(events[1].payload).toMatchObject({
      studioId: 'youcaifeng',
      code: 'op-1',
      removed: false,
      leave: [{ from: '2026-03-11', to: '2026-03-12' }],
    });

    expect((await t.gql(`mutation { removeWorkCenter(enterpriseId: "youcaifeng", code: "table", idempotencyKey: "rm-1") }`)).data).toEqual({
      removeWorkCenter: table.data.upsertWorkCenter.id,
    });
    expect((await t.gql(`{ workCenters(enterpriseId: "youcaifeng") { id } }`)).data.workCenters).toEqual([]);
    expect(
      (await t.gql(`mutation { removeStudioOperator(enterpriseId: "youcaifeng", code: "op-1", idempotencyKey: "rm-2") }`)).data
        .removeStudioOperator,
    ).toBe(operator.data.upsertStudioOperator.id);
    const removedEvent = (
      await em().find(OutboxEvent, { type: RESOURCE_EVENTS.WORK_CENTER_CHANGED }, { orderBy: { position: 'desc' }, limit: 1 })
    )[0];
    expect(removedEvent.payload).toMatchObject({ code: 'table', removed: true });
  });

  it('plans due dates in the studio’s working time, from the calendar the orders subgraph copied off the bus', async () => {
    await t.hub.settle();
    const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { createdAt dueAt stages { standardMinutes dueAt } } }`;
    const calendar: WorkingCalendar = (
      await t.gql(
        `{ workingCalendar(enterpriseId: "youcaifeng") { hours { weekday start end } closures { from to makeUpDays } makeUpWeekday } }`,
      )
    ).data.workingCalendar;
    const tailored = (
      await t.gql(IMPORT, {
        input: teawareOrder({ studioId: 'youcaifeng', externalOrderId: 'CAL-1', lines: [{ productCode: 'TLR-SUIT', quantity: 1 }] }),
      })
    ).data.importShopOrder;
    let cursor = new Date(tailored.createdAt);
    for (const stage of tailored.stages) {
      cursor = addWorkingMinutes(calendar, cursor, stage.standardMinutes);
      expect(stage.dueAt).toBe(cursor.toISOString());
    }
    expect(tailored.dueAt).toBe(cursor.toISOString());
    // 59 working hours of 8-hour days take far longer than 59 hours on the wall clock.
    const total = tailored.stages.reduce((sum: number, stage: any) => sum + stage.standardMinutes, 0);
    expect(Date.parse(tailored.dueAt) - Date.parse(tailored.createdAt)).toBeGreaterThan(total * 60_000);

    // A studio without a calendar keeps planning around the clock.
    const teaware = (await t.gql(IMPORT, { input: teawareOrder({ externalOrderId: 'CAL-2' }) }, { as: staff('moyun-studio') })).data
      .importShopOrder;
    const minutes = teaware.stages.reduce((sum: number, stage: any) => sum + stage.standardMinutes, 0);
    expect(Date.parse(teaware.dueAt) - Date.parse(teaware.createdAt)).toBe(minutes * 60_000);
  });

  it('keeps other studios, partners and operators from editing', async () => {
    const before = await snapshot();
    const input = { enterpriseId: 'youcaifeng', hours: WEEK.slice(0, 2) };
    for (const who of [staff('youcaifeng', 'OPERATOR'), staff('moyun-studio', 'STUDIO_ADMIN')])
      expect(codeOf(await t.gql(SET_CALENDAR, { input, key: 'intruder' }, { as: who }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(`{ workingCalendar(enterpriseId: "youcaifeng") { enterpriseId } }`, {}, { as: staff('moyun-studio') }))).toBe(
      'FORBIDDEN',
    );
    expect(await snapshot()).toBe(before);
  });
});
