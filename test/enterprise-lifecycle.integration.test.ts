import { ENTERPRISE_SUSPENDED, LIVE_CLOSE_CODES, NETWORK_EVENTS } from '../contracts';
import { AuditEntry } from '../platform/data/audit';
import { OutboxEvent } from '../platform/events/outbox';
import { Enterprise } from '../subgraphs/network/enterprise';
import { dialects, startTestHub, type TestHub } from './support/hub';
import { liveConnection, type LiveConnection } from './support/live';
import { hubAdmin, staff } from './support/principals';
import { waitFor } from './support/wait';

const FIELDS = 'id kind nameZh nameEn region gln alliances status statusReason';
const REGISTER = `mutation($input: EnterpriseRegistrationInput!, $key: String!) { registerEnterprise(input: $input, idempotencyKey: $key) { ${FIELDS} } }`;
const APPLY = `mutation($input: EnterpriseRegistrationInput!, $key: String!) { applyForEnterprise(input: $input, idempotencyKey: $key) { ${FIELDS} } }`;
const APPROVE = `mutation($id: ID!, $key: String!) { approveEnterprise(id: $id, idempotencyKey: $key) { id status } }`;
const REJECT = `mutation($id: ID!, $reason: String!, $key: String!) { rejectEnterprise(id: $id, reason: $reason, idempotencyKey: $key) { id status statusReason } }`;
const SUSPEND = `mutation($id: ID!, $reason: String!, $key: String!) { suspendEnterprise(id: $id, reason: $reason, idempotencyKey: $key) { id status } }`;
const REINSTATE = `mutation($id: ID!, $key: String!) { reinstateEnterprise(id: $id, idempotencyKey: $key) { id status } }`;
const APPLICATIONS = `query($status: EnterpriseStatus) { enterpriseApplications(status: $status) { id status statusReason } }`;
const MINE = `{ myEnterpriseApplications { id status statusReason } }`;
const DIRECTORY = `{ enterprises { id status } }`;
const ONE = `query($id: ID!) { enterprise(id: $id) { id status statusReason } }`;
const STUDIO_ORDERS = `subscription { studioEvents(studioId: "moyun-studio", kinds: [ORDER]) { cursor type } }`;

const leather = {
  id: 'hide-and-awl',
  kind: 'STUDIO',
  nameZh: '皮与锥工坊',
  nameEn: 'Hide and Awl Workshop',
  region: 'CN-ZJ',
  alliances: ['craft-east'],
};
const applicant = staff('gilding-atelier');

/** An enterprise joins (registered, or applied for and approved); a suspended one's members lose access at once. */
describe.each(dialects())('enterprises joining and suspended (%s)', (dialect) => {
  let t: TestHub;
  const connections: LiveConnection[] = [];
  const network = () => t.hub.subgraphs.network.systemContext().em;
  const events = (type: string) => network().find(OutboxEvent, { type }, { orderBy: { position: 'asc' } });

  beforeAll(async () => {
    t = await startTestHub(dialect);
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
  }, 60_000);
  afterEach(async () => {
    await Promise.all(connections.splice(0).map((connection) => connection.dispose()));
  });
  afterAll(() => t?.close());

  it('lets a hub admin register an enterprise, ACTIVE at once, once per key, with its event and audit entry', async () => {
    const registered = await t.gql(REGISTER, { input: { ...leather, gln: '6901234000016' }, key: 'reg-1' }, { as: hubAdmin() });
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerEnterprise).toMatchObject({ id: 'hide-and-awl', status: 'ACTIVE', gln: '6901234000016' });
    const again = await t.gql(REGISTER, { input: { ...leather, gln: '6901234000016' }, key: 'reg-1' }, { as: hubAdmin() });
    expect(again.data.registerEnterprise.id).toBe('hide-and-awl');
    expect((await t.gql(DIRECTORY, {}, { as: null })).data.enterprises.map((e: { id: string }) => e.id)).toContain('hide-and-awl');
    // Once, after the demo's enterprises (which joined the same way, by the system).
    const registrations = (await events(NETWORK_EVENTS.ENTERPRISE_REGISTERED)).filter((event) => event.actorSubject !== 'system');
    expect(registrations).toEqual([expect.objectContaining({ payload: { enterpriseId: 'hide-and-awl', kind: 'STUDIO' } })]);
    expect(await network().find(AuditEntry, { operation: 'registerEnterprise', actorSubject: { $ne: 'system' } })).toEqual([
      expect.objectContaining({ actorSubject: hubAdmin().subject, subjectId: 'hide-and-awl' }),
    ]);
    // A taken id is a conflict naming the field, with a new key.
    const taken = await t.gql(REGISTER, { input: leather, key: 'reg-2' }, { as: hubAdmin() });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
  });

  it('refuses bad input with a stable code, changing nothing', async () => {
    const before = await network().count(Enterprise, {});
    for (const input of [
      { ...leather, id: 'Not A Slug' },
      { ...leather, id: 'bad-gln', gln: '6901234000015' },
      { ...leather, id: 'long-name', nameEn: 'x'.repeat(201) },
      { ...leather, id: 'bad-region', region: 'Zhejiang' },
      { ...leather, id: 'many-alliances', alliances: Array.from({ length: 21 }, (_, i) => `a${i}`) },
    ]) {
      const refused = await t.gql(REGISTER, { input, key: `bad-${input.id}` }, { as: hubAdmin() });
      expect({ id: input.id, code: refused.errors?.[0].extensions?.code }).toEqual({ id: input.id, code: 'BAD_USER_INPUT' });
    }
    const noReason = await t.gql(SUSPEND, { id: 'hide-and-awl', reason: ' ', key: 'bad-reason' }, { as: hubAdmin() });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await network().count(Enterprise, {})).toBe(before);
  });

  it('keeps an application out of the directory, seen by hub admins and the applicant only, until approved', async () => {
    const applied = await t.gql(
      APPLY,
      { input: { ...leather, id: 'felt-and-thread', nameEn: 'Felt and Thread' }, key: 'app-1' },
      { as: applicant },
    );
    expect(applied.errors).toBeUndefined();
    expect(applied.data.applyForEnterprise.status).toBe('APPLIED');
    expect((await t.gql(ONE, { id: 'felt-and-thread' }, { as: null })).data.enterprise).toBeNull();
    expect((await t.gql(DIRECTORY, {}, { as: null })).data.enterprises.map((e: { id: string }) => e.id)).not.toContain('felt-and-thread');
    expect((await t.gql(APPLICATIONS, {}, { as: hubAdmin() })).data.enterpriseApplications).toEqual([
      { id: 'felt-and-thread', status: 'APPLIED', statusReason: null },
    ]);
    expect((await t.gql(APPLICATIONS, {}, { as: staff('moyun-studio') })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(MINE, {}, { as: applicant })).data.myEnterpriseApplications).toEqual([
      { id: 'felt-and-thread', status: 'APPLIED', statusReason: null },
    ]);
    expect((await t.gql(MINE, {}, { as: staff('moyun-studio') })).data.myEnterpriseApplications).toEqual([]);
    // Only hub admins decide.
    expect((await t.gql(APPROVE, { id: 'felt-and-thread', key: 'ap-0' }, { as: applicant })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const approved = await t.gql(APPROVE, { id: 'felt-and-thread', key: 'ap-1' }, { as: hubAdmin() });
    expect(approved.data.approveEnterprise).toEqual({ id: 'felt-and-thread', status: 'ACTIVE' });
    // The gateway kept the directory's earlier answer (none) until the change event reaches it over the bus.
    await t.hub.settle();
    expect((await t.gql(ONE, { id: 'felt-and-thread' }, { as: null })).data.enterprise.status).toBe('ACTIVE');
    // Approved is not an application any more: it cannot be rejected.
    const late = await t.gql(REJECT, { id: 'felt-and-thread', reason: 'too late', key: 'rj-0' }, { as: hubAdmin() });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'INVALID_ENTERPRISE_TRANSITION' });
  });

  it('tells the applicant why an application was rejected, and no one else', async () => {
    await t.gql(APPLY, { input: { ...leather, id: 'paper-lantern', nameEn: 'Paper Lantern' }, key: 'app-2' }, { as: applicant });
    const rejected = await t.gql(REJECT, { id: 'paper-lantern', reason: 'No business licence attached', key: 'rj-1' }, { as: hubAdmin() });
    expect(rejected.data.rejectEnterprise).toEqual({
      id: 'paper-lantern',
      status: 'REJECTED',
      statusReason: 'No business licence attached',
    });
    expect((await t.gql(MINE, {}, { as: applicant })).data.myEnterpriseApplications).toContainEqual({
      id: 'paper-lantern',
      status: 'REJECTED',
      statusReason: 'No business licence attached',
    });
    expect((await t.gql(ONE, { id: 'paper-lantern' }, { as: null })).data.enterprise).toBeNull();
    const [change] = (await events(NETWORK_EVENTS.ENTERPRISE_STATUS_CHANGED)).filter((e) => e.subjectId === 'paper-lantern');
    expect(change).toMatchObject({
      actorSubject: hubAdmin().subject,
      payload: { enterpriseId: 'paper-lantern', status: 'REJECTED', previousStatus: 'APPLIED', reason: 'No business licence attached' },
    });
  });

  it('refuses a suspended enterprise’s members at the gateway at once, closes their live connections, and readmits them on reinstatement', async () => {
    const connection = liveConnection(t.hub.gateway.url, await t.token(staff('moyun-studio')));
    connections.push(connection);
    connection.subscribe(STUDIO_ORDERS);
    await connection.roundTrip();
    expect((await t.gql(DIRECTORY, {}, { as: staff('moyun-studio') })).errors).toBeUndefined();

    const suspended = await t.gql(SUSPEND, { id: 'moyun-studio', reason: 'Unpaid hub fees', key: 'sus-1' }, { as: hubAdmin() });
    expect(suspended.data.suspendEnterprise).toEqual({ id: 'moyun-studio', status: 'SUSPENDED' });
    await waitFor(() => connection.closes.length > 0, 10_000, 'the suspended studio’s connection closed');
    expect(connection.closes[0].code).toBe(LIVE_CLOSE_CODES.FORBIDDEN);

    const refused = await t.gql(DIRECTORY, {}, { as: staff('moyun-studio', 'OPERATOR') });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: ENTERPRISE_SUSPENDED });
    // Others go on; the suspension is public in the directory, its reason is not.
    expect((await t.gql(ONE, { id: 'moyun-studio' }, { as: staff('gilding-atelier') })).data.enterprise).toEqual({
      id: 'moyun-studio',
      status: 'SUSPENDED',
      statusReason: null,
    });
    const audit = await network().find(AuditEntry, { operation: 'suspendEnterprise' });
    expect(audit.map((entry) => [entry.actorSubject, entry.subjectId])).toEqual([[hubAdmin().subject, 'moyun-studio']]);

    // A gateway started now learns it from the network subgraph: the restarted hub refuses as well.
    await t.restart();
    expect((await t.gql(DIRECTORY, {}, { as: staff('moyun-studio') })).errors?.[0].extensions?.reason).toBe(ENTERPRISE_SUSPENDED);
    const again = liveConnection(t.hub.gateway.url, await t.token(staff('moyun-studio')));
    connections.push(again);
    again.subscribe(STUDIO_ORDERS);
    await waitFor(() => again.closes.length > 0, 10_000, 'the connection refused');
    expect(again.closes[0].code).toBe(LIVE_CLOSE_CODES.FORBIDDEN);

    const reinstated = await t.gql(REINSTATE, { id: 'moyun-studio', key: 'rein-1' }, { as: hubAdmin() });
    expect(reinstated.data.reinstateEnterprise).toEqual({ id: 'moyun-studio', status: 'ACTIVE' });
    await waitFor(async () => !(await t.gql(DIRECTORY, {}, { as: staff('moyun-studio') })).errors, 10_000, 'readmitted');
  });
});
