import { DEMO_ENTERPRISES } from '../demo/network';
import { AuditEntry } from '../platform/data/audit';
import { Enterprise } from '../subgraphs/network/enterprise';
import { dialects, startTestHub, type TestHub } from './support/hub';
import { hubAdmin, staff } from './support/principals';

const CHANGE = `mutation($id: ID!, $input: EnterpriseChangeInput!, $key: String!) {
  changeEnterprise(id: $id, input: $input, idempotencyKey: $key) { id nameEn }
}`;

/** The directory is the only thing a hub admin writes, and every write to it is in the audit trail. */
describe.each(dialects())('the directory’s audit trail (%s)', (dialect) => {
  let t: TestHub;
  const network = () => t.hub.subgraphs.network.systemContext().em;
  /** What people changed after the demo was seeded (each demo enterprise's registration and each demo studio's relationship is an entry of its own, by the system). */
  const trail = () => network().find(AuditEntry, { actorSubject: { $ne: 'system' } }, { orderBy: { position: 'asc' } });

  beforeAll(async () => {
    t = await startTestHub(dialect);
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
  }, 60_000);
  afterAll(() => t?.close());

  it('records the demo’s enterprises joining as a hub admin registers one, by the system', async () => {
    const joined = await network().find(AuditEntry, { operation: 'registerEnterprise' });
    expect(joined.map((row) => row.subjectId).sort()).toEqual(DEMO_ENTERPRISES.map((enterprise) => enterprise.id).sort());
    expect(joined.every((row) => row.actorSubject === 'system' && row.changed.join() === 'status')).toBe(true);
  });

  it('records who changed which fields of which entry, once per change, in the change’s transaction', async () => {
    expect(await trail()).toEqual([]);
    const changed = await t.gql(
      CHANGE,
      { id: 'gilding-atelier', input: { nameEn: 'Gilding Atelier of Jingdezhen', region: 'CN-JX' }, key: 'audit-1' },
      { as: hubAdmin() },
    );
    expect(changed.data.changeEnterprise).toEqual({ id: 'gilding-atelier', nameEn: 'Gilding Atelier of Jingdezhen' });
    const [entry] = await trail();
    expect(entry).toMatchObject({
      actorSubject: hubAdmin().subject,
      actorRoles: ['HUB_ADMIN'],
      actorEnterprise: null,
      operation: 'changeEnterprise',
      subjectType: 'Enterprise',
      subjectId: 'gilding-atelier',
      changed: ['nameEn'],
      requestId: expect.any(String),
    });
    expect(entry.occurredAt).toBeInstanceOf(Date);

    // A retry with the same key changes nothing more, and a change to what is already there is none: no entries.
    await t.gql(
      CHANGE,
      { id: 'gilding-atelier', input: { nameEn: 'Gilding Atelier of Jingdezhen', region: 'CN-JX' }, key: 'audit-1' },
      {
        as: hubAdmin(),
      },
    );
    await t.gql(CHANGE, { id: 'gilding-atelier', input: { nameEn: 'Gilding Atelier of Jingdezhen' }, key: 'audit-2' }, { as: hubAdmin() });
    expect(await trail()).toHaveLength(1);

    // An enterprise's own change is audited as well, as its own.
    await t.gql(CHANGE, { id: 'moyun-studio', input: { region: 'CN-ZJ' }, key: 'audit-3' }, { as: staff('moyun-studio') });
    expect((await trail()).map((row) => [row.actorRoles, row.actorEnterprise, row.subjectId, row.changed])).toEqual([
      [['HUB_ADMIN'], null, 'gilding-atelier', ['nameEn']],
      [['STUDIO_ADMIN'], 'moyun-studio', 'moyun-studio', ['region']],
    ]);
  });

  it('writes no entry for a refused change, and no change without its entry', async () => {
    const before = await trail();
    const refused = await t.gql(
      CHANGE,
      { id: 'gilding-atelier', input: { nameEn: 'Not Mine' }, key: 'audit-4' },
      { as: staff('moyun-studio') },
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const invalid = await t.gql(CHANGE, { id: 'gilding-atelier', input: { gln: '123' }, key: 'audit-5' }, { as: hubAdmin() });
    expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await trail()).toEqual(before);
    expect((await network().findOneOrFail(Enterprise, { id: 'gilding-atelier' })).nameEn).toBe('Gilding Atelier of Jingdezhen');
  });
});
