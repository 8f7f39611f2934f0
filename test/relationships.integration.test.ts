import { NETWORK_EVENTS } from '../contracts';
import { AuditEntry } from '../platform/data/audit';
import { OutboxEvent } from '../platform/events/outbox';
import { PartnerRelationship, SupplierRelationship } from '../subgraphs/network/relationship';
import type { GraphQLResult, TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { hubAdmin, partner, staff } from './support/principals';

const SUPPLIERS = `query($studioId: ID, $includeEnded: Boolean) { supplierRelationships(studioId: $studioId, includeEnded: $includeEnded) {
  studioId supplierId tier annualVolumeYuan flexibleBandPercent endedAt revision } }`;
const PARTNERS = `query($studioId: ID, $includeEnded: Boolean) { partnerRelationships(studioId: $studioId, includeEnded: $includeEnded) {
  studioId partnerId stageCodes endedAt revision } }`;
const SET_SUPPLIER = `mutation($studioId: ID!, $input: SupplierRelationshipInput!, $key: String!) {
  setSupplierRelationship(studioId: $studioId, input: $input, idempotencyKey: $key) { studioId supplierId tier annualVolumeYuan flexibleBandPercent endedAt revision } }`;
const END_SUPPLIER = `mutation($studioId: ID!, $supplierId: ID!, $key: String!) {
  endSupplierRelationship(studioId: $studioId, supplierId: $supplierId, idempotencyKey: $key) { supplierId endedAt } }`;
const SET_PARTNER = `mutation($studioId: ID!, $input: PartnerRelationshipInput!, $key: String!) {
  setPartnerRelationship(studioId: $studioId, input: $input, idempotencyKey: $key) { studioId partnerId stageCodes endedAt revision } }`;
const END_PARTNER = `mutation($studioId: ID!, $partnerId: ID!, $key: String!) {
  endPartnerRelationship(studioId: $studioId, partnerId: $partnerId, idempotencyKey: $key) { partnerId endedAt } }`;

const refusal = (result: GraphQLResult) => ({
  code: result.errors?.[0]?.extensions?.code,
  field: result.errors?.[0]?.extensions?.field,
  reason: result.errors?.[0]?.extensions?.reason,
});
const pairs = (rows: { studioId: string; supplierId?: string; partnerId?: string }[]) =>
  rows.map((row) => `${row.studioId}>${row.supplierId ?? row.partnerId}`);

const moyunAdmin = staff('moyun-studio', 'STUDIO_ADMIN');

/** A studio's suppliers and partners as rows of the network (issue 33, item 1), as each role meets them. */
describe.each(dialects())('studio relationships (%s)', (dialect) => {
  let t: TestHub;
  const em = () => t.hub.subgraphs.network.systemContext().em.fork();
  const events = (type: string) => em().find(OutboxEvent, { type }, { orderBy: { position: 'asc' } });
  const snapshot = async () =>
    JSON.stringify([
      await em().find(SupplierRelationship, {}, { orderBy: { studioId: 'asc', supplierId: 'asc' } }),
      await em().find(PartnerRelationship, {}, { orderBy: { studioId: 'asc', partnerId: 'asc' } }),
      await em().count(OutboxEvent, {}),
      await em().count(AuditEntry, {}),
    ]);

  beforeAll(async () => {
    t = await startTestHub(dialect);
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
  }, 60_000);
  afterAll(() => t?.close());

  it('seeds the demo studios’ relationships through the service, each an event with its actor, and a second seed changes nothing', async () => {
    const set = await events(NETWORK_EVENTS.SUPPLIER_RELATIONSHIP_SET);
    expect(set).toHaveLength(9);
    expect(set[0]).toMatchObject({ actorSubject: 'system', subjectType: 'Enterprise' });
    expect(await events(NETWORK_EVENTS.PARTNER_RELATIONSHIP_SET)).toHaveLength(5);
    const before = await snapshot();
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
    expect(await snapshot()).toBe(before);
  });

  it('shows a studio its own relationships, a supplier only its own terms, a partner only its own stage codes; through the gateway and directly', async () => {
    for (const url of [undefined, t.hub.subgraphs.network.url]) {
      const own = await t.gql(SUPPLIERS, {}, { as: staff('moyun-studio', 'OPERATOR'), url });
      expect(pairs(own.data.supplierRelationships)).toEqual([
        'moyun-studio>east-china-emergency-pool',
        'moyun-studio>jiangnan-flour',
        'moyun-studio>jingdezhen-clay',
        'moyun-studio>nanjing-gold-leaf',
        'moyun-studio>yixing-clay',
      ]);
      // Another studio's are not its to read, even when it names that studio.
      expect((await t.gql(SUPPLIERS, { studioId: 'moyun-studio' }, { as: staff('youcaifeng'), url })).data.supplierRelationships).toEqual(
        [],
      );
      // A supplier: its own terms with each studio, nothing of the studios' other suppliers.
      const clay = await t.gql(SUPPLIERS, {}, { as: partner('jingdezhen-clay', 'SUPPLIER'), url });
      expect(clay.data.supplierRelationships).toEqual([
        expect.objectContaining({
          studioId: 'moyun-studio',
          supplierId: 'jingdezhen-clay',
          tier: 'PRIMARY',
          annualVolumeYuan: 360000,
          flexibleBandPercent: 30,
        }),
      ]);
      const pool = await t.gql(SUPPLIERS, {}, { as: partner('east-china-emergency-pool', 'SUPPLIER'), url });
      expect(pairs(pool.data.supplierRelationships)).toEqual([
        'moyun-bakery>east-china-emergency-pool',
        'moyun-studio>east-china-emergency-pool',
        'youcaifeng>east-china-emergency-pool',
      ]);
      const gilding = await t.gql(PARTNERS, {}, { as: partner('gilding-atelier'), url });
      expect(gilding.data.partnerRelationships).toEqual([
        expect.objectContaining({ studioId: 'moyun-studio', partnerId: 'gilding-atelier', stageCodes: ['C50'] }),
      ]);
      // Each reads only its own kind of relationship.
      expect(refusal(await t.gql(PARTNERS, {}, { as: partner('jingdezhen-clay', 'SUPPLIER'), url })).code).toBe('FORBIDDEN');
      expect(refusal(await t.gql(SUPPLIERS, {}, { as: partner('gilding-atelier'), url })).code).toBe('FORBIDDEN');
      expect(refusal(await t.gql(SUPPLIERS, {}, { as: null, url })).code).toBe('UNAUTHENTICATED');
      expect((await t.gql(PARTNERS, {}, { as: hubAdmin(), url })).data.partnerRelationships).toHaveLength(5);
    }
  });

  it("lets a studio's admin set its suppliers idempotently, each change an event with its actor and an audit entry", async () => {
    const input = { supplierId: 'yixing-clay', tier: 'PRIMARY', annualVolumeYuan: 50000, flexibleBandPercent: 20 };
    const first = await t.gql(SET_SUPPLIER, { studioId: 'moyun-studio', input, key: 'yixing-up' }, { as: moyunAdmin });
    expect(first.data.setSupplierRelationship).toMatchObject({
      tier: 'PRIMARY',
      annualVolumeYuan: 50000,
      flexibleBandPercent: 20,
      revision: 2,
    });
    const replay = await t.gql(SET_SUPPLIER, { studioId: 'moyun-studio', input, key: 'yixing-up' }, { as: moyunAdmin });
    expect(replay.data.setSupplierRelationship).toEqual(first.data.setSupplierRelationship);
    const conflicting = await t.gql(
      SET_SUPPLIER,
      { studioId: 'moyun-studio', input: { ...input, flexibleBandPercent: 10 }, key: 'yixing-up' },
      { as: moyunAdmin },
    );
    expect(refusal(conflicting).code).toBe('CONFLICT');
    const [event] = (await events(NETWORK_EVENTS.SUPPLIER_RELATIONSHIP_SET)).filter((e) => e.actorSubject === moyunAdmin.subject);
    expect(event).toMatchObject({ actorEnterprise: 'moyun-studio', subjectId: 'moyun-studio' });
    expect(event.payload).toMatchObject({
      supplierId: 'yixing-clay',
      tier: 'PRIMARY',
      changed: ['tier', 'annualVolumeYuan', 'flexibleBandPercent'],
    });
    expect(await em().count(AuditEntry, { operation: 'setSupplierRelationship', actorSubject: moyunAdmin.subject })).toBe(1);
    // Back to secondary: the contract's terms go with the tier.
    const back = await t.gql(
      SET_SUPPLIER,
      { studioId: 'moyun-studio', input: { supplierId: 'yixing-clay', tier: 'SECONDARY' }, key: 'yixing-down' },
      { as: hubAdmin() },
    );
    expect(back.data.setSupplierRelationship).toMatchObject({ tier: 'SECONDARY', annualVolumeYuan: null, flexibleBandPercent: null });
  });

  it('refuses bad input naming the field, with a stable reason, and changes nothing', async () => {
    const before = await snapshot();
    let attempt = 0;
    const supplier = (input: Record<string, unknown>, studioId = 'moyun-studio') =>
      t.gql(
        SET_SUPPLIER,
        {
          studioId,
          input: { supplierId: 'jingdezhen-clay', tier: 'PRIMARY', annualVolumeYuan: 1000, flexibleBandPercent: 30, ...input },
          key: `bad-supplier-${(attempt += 1)}`,
        },
        { as: moyunAdmin },
      );
    expect(refusal(await supplier({ supplierId: 'no-such-supplier' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.supplierId',
      reason: 'UNKNOWN_ENTERPRISE',
    });
    expect(refusal(await supplier({ supplierId: 'gilding-atelier' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.supplierId',
      reason: 'WRONG_KIND',
    });
    expect(refusal(await supplier({ flexibleBandPercent: 31 }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.flexibleBandPercent',
      reason: 'BAND_OUT_OF_RANGE',
    });
    expect(refusal(await supplier({ flexibleBandPercent: -1 }))).toMatchObject({
      field: 'input.flexibleBandPercent',
      reason: 'BAND_OUT_OF_RANGE',
    });
    expect(refusal(await supplier({ annualVolumeYuan: null }))).toMatchObject({
      field: 'input.annualVolumeYuan',
      reason: 'VOLUME_OUT_OF_RANGE',
    });
    expect(refusal(await supplier({ tier: 'EMERGENCY' }))).toMatchObject({ field: 'input.annualVolumeYuan', reason: 'ONLY_FOR_PRIMARY' });
    expect(refusal(await supplier({ supplierId: 'x'.repeat(81) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.supplierId' });
    const partnerWith = (stageCodes: string[], partnerId = 'gilding-atelier') =>
      t.gql(
        SET_PARTNER,
        { studioId: 'moyun-studio', input: { partnerId, stageCodes }, key: `bad-partner-${(attempt += 1)}` },
        { as: moyunAdmin },
      );
    expect(refusal(await partnerWith(['C50', 'ZZ99']))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.stageCodes[1]',
      reason: 'UNKNOWN_STAGE_CODE',
    });
    expect(refusal(await partnerWith(['C50', 'C50']))).toMatchObject({ field: 'input.stageCodes[1]', reason: 'DUPLICATE_STAGE_CODE' });
    expect(refusal(await partnerWith([]))).toMatchObject({ field: 'input.stageCodes', reason: 'STAGE_CODE_COUNT' });
    expect(refusal(await partnerWith(Array.from({ length: 41 }, () => 'C50')))).toMatchObject({
      field: 'input.stageCodes',
      reason: 'STAGE_CODE_COUNT',
    });
    expect(refusal(await partnerWith(['C50'], 'jingdezhen-clay'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.partnerId',
      reason: 'WRONG_KIND',
    });
    // Only a studio names suppliers; who the caller is comes before what they sent.
    expect(
      refusal(
        await t.gql(
          SET_PARTNER,
          { studioId: 'gilding-atelier', input: { partnerId: 'jingde-kiln-works', stageCodes: ['C40'] }, key: 'k1' },
          { as: hubAdmin() },
        ),
      ),
    ).toMatchObject({ field: 'studioId', reason: 'WRONG_KIND' });
    expect(
      refusal(
        await t.gql(
          SET_PARTNER,
          { studioId: 'moyun-studio', input: { partnerId: 'nobody-here', stageCodes: ['ZZ99'] }, key: 'k2' },
          { as: staff('youcaifeng') },
        ),
      ).code,
    ).toBe('FORBIDDEN');
    expect(await snapshot()).toBe(before);
  });

  it("refuses everyone but the studio's admin and hub admins, and denied calls change nothing", async () => {
    const before = await snapshot();
    const input = { partnerId: 'gilding-atelier', stageCodes: ['C50', 'C60'] };
    for (const as of [
      staff('moyun-studio', 'SUPERVISOR'),
      staff('moyun-studio', 'OPERATOR'),
      staff('youcaifeng'),
      partner('gilding-atelier'),
      partner('jingdezhen-clay', 'SUPPLIER'),
    ])
      expect(
        refusal(await t.gql(SET_PARTNER, { studioId: 'moyun-studio', input, key: 'denied' }, { as, url: t.hub.subgraphs.network.url }))
          .code,
      ).toBe('FORBIDDEN');
    expect(
      refusal(
        await t.gql(
          END_SUPPLIER,
          { studioId: 'moyun-studio', supplierId: 'jingdezhen-clay', key: 'denied' },
          { as: partner('jingdezhen-clay', 'SUPPLIER') },
        ),
      ).code,
    ).toBe('FORBIDDEN');
    expect(await snapshot()).toBe(before);
  });

  it('ends a partner relationship (kept, with endedAt) and names it again, each an event; a partner sees its new stage codes', async () => {
    const ended = await t.gql(
      END_PARTNER,
      { studioId: 'moyun-studio', partnerId: 'gilding-atelier', key: 'end-gilding' },
      { as: moyunAdmin },
    );
    expect(ended.data.endPartnerRelationship.endedAt).toEqual(expect.any(String));
    expect((await t.gql(PARTNERS, {}, { as: partner('gilding-atelier') })).data.partnerRelationships).toEqual([]);
    expect((await t.gql(PARTNERS, { includeEnded: true }, { as: partner('gilding-atelier') })).data.partnerRelationships).toHaveLength(1);
    const [endEvent] = await events(NETWORK_EVENTS.PARTNER_RELATIONSHIP_ENDED);
    expect(endEvent).toMatchObject({
      actorSubject: moyunAdmin.subject,
      payload: { studioId: 'moyun-studio', partnerId: 'gilding-atelier' },
    });
    // Ending it again changes nothing.
    await t.gql(END_PARTNER, { studioId: 'moyun-studio', partnerId: 'gilding-atelier', key: 'end-gilding-again' }, { as: moyunAdmin });
    expect(await events(NETWORK_EVENTS.PARTNER_RELATIONSHIP_ENDED)).toHaveLength(1);
    const named = await t.gql(
      SET_PARTNER,
      { studioId: 'moyun-studio', input: { partnerId: 'gilding-atelier', stageCodes: ['C60', 'C50'] }, key: 'rename-gilding' },
      { as: moyunAdmin },
    );
    expect(named.data.setPartnerRelationship).toMatchObject({ stageCodes: ['C50', 'C60'], endedAt: null });
    expect((await t.gql(PARTNERS, {}, { as: partner('gilding-atelier') })).data.partnerRelationships[0].stageCodes).toEqual(['C50', 'C60']);
    const last = (await events(NETWORK_EVENTS.PARTNER_RELATIONSHIP_SET)).at(-1)!;
    expect(last.payload).toMatchObject({ stageCodes: ['C50', 'C60'], changed: ['stageCodes', 'endedAt'] });
    expect(
      refusal(
        await t.gql(END_SUPPLIER, { studioId: 'youcaifeng', supplierId: 'jingdezhen-clay', key: 'nothing' }, { as: staff('youcaifeng') }),
      ).code,
    ).toBe('NOT_FOUND');
  });
});
