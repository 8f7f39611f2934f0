import { AllocationSolver } from '../subgraphs/capacity/allocation/solver-thread';
import { CapacityOffer, OfferBooking } from '../subgraphs/capacity/entities/offer';
import { Allocation, OverflowRequest } from '../subgraphs/capacity/entities/request';
import type { GraphQLResult, TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { teawareOrder } from './support/orders';
import { hubAdmin, partner, staff } from './support/principals';
import { letPartnerTake } from './support/relationships';
import { waitFor } from './support/wait';

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

const OFFER = `mutation($input: CapacityOfferInput!, $key: String!) { publishCapacityOffer(input: $input, idempotencyKey: $key) { id } }`;
const REQUEST = `mutation($input: OverflowRequestInput!, $key: String!) { requestOverflow(input: $input, idempotencyKey: $key) { id status } }`;
const ALLOCATE = `mutation($ids: [ID!]!) { allocateOverflow(requestIds: $ids) { optimal objectiveCents allocations { id enterpriseId day units stageRunId } unmet { units reason request { id } } } }`;
const STAGE = `query($id: ID!) { order(id: $id) { stages { id code status assignedTo { id } } } }`;

describe.each(dialects())('capacity sharing (%s)', (dialect) => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub(dialect);
    for (const name of ['network', 'capacity', 'kitchens']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
    // The tests' own offers are gilding-atelier's, of many stages: moyun-studio lets it take any.
    await letPartnerTake(t, 'moyun-studio', 'gilding-atelier');
  });
  afterAll(() => t?.close());
  afterEach(() => jest.restoreAllMocks());

  const em = () => t.hub.subgraphs.capacity.systemContext().em.fork();
  const snapshot = async () =>
    JSON.stringify(
      await Promise.all([
        em().count(CapacityOffer, {}),
        em().count(OverflowRequest, {}),
        em().count(Allocation, {}),
        em().find(OfferBooking, {}, { orderBy: { offerId: 'asc', day: 'asc' } }),
      ]),
    );
  const offerInput = (overrides: Record<string, unknown> = {}) => ({
    enterpriseId: 'gilding-atelier',
    capability: 'C50',
    baseUnitsPerDay: 2,
    maxUnitsPerDay: 3,
    availableFrom: day(0),
    availableTo: day(10),
    unitPriceCents: 8_000,
    qualityScore: 4.5,
    region: 'CN-JX',
    shareWithAlliances: ['jingdezhen-craft-alliance'],
    shareWithEnterprises: [],
    ...overrides,
  });

  it('places an order stage with a partner, who then holds it, and takes it back when the partner declines', async () => {
    const order = (
      await t.gql(`mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id code } } }`, {
        input: teawareOrder(),
      })
    ).data.importShopOrder;
    const gilding = order.stages.find((stage: any) => stage.code === 'C50');
    const request = (
      await t.gql(REQUEST, {
        input: {
          studioId: 'moyun-studio',
          capability: 'C50',
          stageRunId: gilding.id,
          orderId: order.id,
          earliestStart: day(0),
          dueDate: day(3),
          priceCapCents: 20_000,
          minQuality: 4,
        },
        key: 'stage-1',
      })
    ).data.requestOverflow;
    const round = (await t.gql(ALLOCATE, { ids: [request.id] })).data.allocateOverflow;
    expect(round).toMatchObject({
      optimal: true,
      unmet: [],
      allocations: [{ enterpriseId: 'gilding-atelier', units: 1, stageRunId: gilding.id }],
    });
    await waitFor(
      async () =>
        (await t.gql(STAGE, { id: order.id })).data.order.stages.find((stage: any) => stage.id === gilding.id).assignedTo.id ===
        'gilding-atelier',
      10_000,
      'hand-over',
    );

    // The partner sees only that stage; another partner sees nothing.
    const asGilding = { as: partner('gilding-atelier') };
    expect((await t.gql(STAGE, { id: order.id }, asGilding)).data.order.stages).toEqual([
      { id: gilding.id, code: 'C50', status: 'PENDING', assignedTo: { id: 'gilding-atelier' } },
    ]);
    expect((await t.gql(STAGE, { id: order.id }, { as: partner('jingde-kiln-works') })).data.order).toBeNull();
    const [allocation] = (await t.gql(`{ allocations(status: ACTIVE) { id stageRunId } }`, {}, asGilding)).data.allocations.filter(
      (entry: any) => entry.stageRunId === gilding.id,
    );

    // Only the partner may decline, and only its own work.
    const DECLINE = `mutation($id: ID!) { declineAllocation(allocationId: $id) { status } }`;
    const before = await snapshot();
    expect(codeOf(await t.gql(DECLINE, { id: allocation.id }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(DECLINE, { id: allocation.id }, { as: partner('jingde-kiln-works') }))).toBe('NOT_FOUND');
    expect(await snapshot()).toBe(before);
    expect((await t.gql(DECLINE, { id: allocation.id }, asGilding)).data.declineAllocation.status).toBe('DECLINED');
    await waitFor(
      async () =>
        (await t.gql(STAGE, { id: order.id })).data.order.stages.find((stage: any) => stage.id === gilding.id).assignedTo.id ===
        'moyun-studio',
      10_000,
      'back to the studio',
    );
    expect((await em().findOneOrFail(OverflowRequest, { id: request.id })).status).toBe('OPEN');
  });

  it("releases an order's allocations when it is cancelled, and a started stage can no longer be declined", async () => {
    const order = (
      await t.gql(`mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id code } } }`, {
        input: teawareOrder(),
      })
    ).data.importShopOrder;
    const firing = order.stages.find((stage: any) => stage.code === 'C40');
    const request = (
      await t.gql(REQUEST, {
        input: {
          studioId: 'moyun-studio',
          capability: 'C40',
          stageRunId: firing.id,
          orderId: order.id,
          earliestStart: day(0),
          dueDate: day(5),
          priceCapCents: 5_000,
          minQuality: 0,
        },
        key: 'stage-2',
      })
    ).data.requestOverflow;
    const [allocation] = (await t.gql(ALLOCATE, { ids: [request.id] })).data.allocateOverflow.allocations;
    expect(allocation.enterpriseId).toBe('jingde-kiln-works');
    const booked = async () =>
      (
        await em().findOneOrFail(OfferBooking, {
          offerId: (await em().findOneOrFail(Allocation, { id: allocation.id })).offerId,
          day: allocation.day,
        })
      ).bookedUnits;
    const bookedBefore = await booked();
    await t.gql(
      `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "customer request", idempotencyKey: "cancel-${order.id}") { id } }`,
      { id: order.id },
    );
    await waitFor(async () => (await em().findOneOrFail(Allocation, { id: allocation.id })).status === 'RELEASED', 10_000, 'release');
    expect(await booked()).toBe(bookedBefore - 1);
    expect((await em().findOneOrFail(OverflowRequest, { id: request.id })).status).toBe('CANCELLED');
  });

  it('answers bad input and other studios’ requests with clear errors, writing nothing', async () => {
    const before = await snapshot();
    const gilding = { as: partner('gilding-atelier') };
    expect(codeOf(await t.gql(OFFER, { input: offerInput({ baseUnitsPerDay: -1 }), key: 'bad-1' }, gilding))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(OFFER, { input: offerInput({ maxUnitsPerDay: 1 }), key: 'bad-2' }, gilding))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(OFFER, { input: offerInput({ availableTo: day(-2) }), key: 'bad-3' }, gilding))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(OFFER, { input: offerInput({ capability: 'TELEPORTING' }), key: 'bad-4' }, gilding))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(OFFER, { input: offerInput(), key: 'bad-5' }, { as: partner('jingde-kiln-works') }))).toBe('FORBIDDEN');
    const overflow = {
      studioId: 'moyun-studio',
      capability: 'C50',
      units: 1,
      earliestStart: day(0),
      dueDate: day(3),
      priceCapCents: 10_000,
      minQuality: 0,
    };
    expect(codeOf(await t.gql(REQUEST, { input: { ...overflow, capability: 'TELEPORTING' }, key: 'bad-6' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(REQUEST, { input: { ...overflow, dueDate: day(-1) }, key: 'bad-7' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(REQUEST, { input: { ...overflow, studioId: 'youcaifeng' }, key: 'bad-8' }))).toBe('FORBIDDEN');
    expect(await snapshot()).toBe(before);

    const theirs = (
      await t.gql(
        REQUEST,
        { input: { ...overflow, studioId: 'youcaifeng', capability: 'C74' }, key: 'theirs' },
        { as: staff('youcaifeng') },
      )
    ).data.requestOverflow;
    const afterTheirs = await snapshot();
    const foreign = await t.gql(ALLOCATE, { ids: [theirs.id] });
    const missing = await t.gql(ALLOCATE, { ids: ['ovr_01ARZ3NDEKTSV4RRFFQ69G5FAV'] });
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(foreign.errors![0].message.replace(theirs.id, 'X')).toBe(
      missing.errors![0].message.replace('ovr_01ARZ3NDEKTSV4RRFFQ69G5FAV', 'X'),
    );
    expect(await snapshot()).toBe(afterTheirs);
    // A hub admin reads every request but places none: it writes only the directory.
    expect(codeOf(await t.gql(ALLOCATE, { ids: [theirs.id] }, { as: hubAdmin() }))).toBe('FORBIDDEN');
    expect(await snapshot()).toBe(afterTheirs);
  });

  it('never books the same capacity twice when studios allocate at the same time', async () => {
    // One scarce offer: 2 spare units a day for 2 days, shared with everyone in the alliance.
    const offer = (
      await t.gql(
        OFFER,
        {
          input: offerInput({ capability: 'C30', baseUnitsPerDay: 1, maxUnitsPerDay: 3, availableFrom: day(0), availableTo: day(1) }),
          key: 'scarce',
        },
        { as: partner('gilding-atelier') },
      )
    ).data.publishCapacityOffer;
    const requests: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      const request = await t.gql(REQUEST, {
        input: {
          studioId: 'moyun-studio',
          capability: 'C30',
          units: 1,
          earliestStart: day(0),
          dueDate: day(1),
          priceCapCents: 50_000,
          minQuality: 0,
        },
        key: `scarce-${index}`,
      });
      requests.push(request.data.requestOverflow.id);
    }
    const rounds = await Promise.all(requests.map((id) => t.gql(ALLOCATE, { ids: [id] })));
    expect(rounds.filter((round) => round.errors)).toEqual([]);
    const placed = rounds.flatMap((round) => round.data.allocateOverflow.allocations);
    const unmet = rounds.flatMap((round) => round.data.allocateOverflow.unmet);
    expect(placed).toHaveLength(4);
    expect(unmet.map((entry: any) => entry.reason)).toEqual(['CAPACITY', 'CAPACITY', 'CAPACITY', 'CAPACITY']);
    const bookings = await em().find(OfferBooking, { offerId: offer.id });
    expect(bookings.map((booking) => booking.bookedUnits)).toEqual([2, 2]);
    expect(await em().count(Allocation, { offerId: offer.id, status: 'ACTIVE' })).toBe(4);
    console.log(
      `Concurrent allocation (${dialect}): 8 studios' requests at once against 4 free units: ${placed.length} placed, ${unmet.length} unmet`,
    );
  });

  /** A studio's request for `units` of a capability today (its own key). */
  const requestFor = async (capability: string, units: number, key: string) =>
    (
      await t.gql(REQUEST, {
        input: {
          studioId: 'moyun-studio',
          capability,
          units,
          earliestStart: day(0),
          dueDate: day(0),
          priceCapCents: 50_000,
          minQuality: 0,
        },
        key,
      })
    ).data.requestOverflow.id as string;
  const offerFor = async (capability: string, unitPriceCents: number, key: string) =>
    (
      await t.gql(
        OFFER,
        { input: offerInput({ capability, baseUnitsPerDay: 1, maxUnitsPerDay: 2, availableTo: day(0), unitPriceCents }), key },
        { as: partner('gilding-atelier') },
      )
    ).data.publishCapacityOffer.id as string;
  const WITHDRAW = `mutation($id: ID!) { withdrawCapacityOffer(offerId: $id) { status } }`;

  it('serves the subgraph’s reads and changes while a solve is in progress, then solves again for what changed', async () => {
    const kept = await offerFor('C20', 8_000, 'during-kept');
    const withdrawn = await offerFor('C20', 7_000, 'during-withdrawn');
    const request = await requestFor('C20', 1, 'during-1');
    // The first solve waits until the test lets it go; later ones run as they come.
    const solve = AllocationSolver.prototype.solve;
    let solving!: () => void;
    const started = new Promise<void>((resolve) => (solving = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let solves = 0;
    jest.spyOn(AllocationSolver.prototype, 'solve').mockImplementation(async function (this: AllocationSolver, ...args) {
      solves += 1;
      if (solves === 1) {
        solving();
        await held;
      }
      return solve.apply(this, args);
    });
    const events: string[] = [];
    const allocation = t.gql(ALLOCATE, { ids: [request] }).then((result) => (events.push('allocated'), result));
    try {
      await started;
      // A read, and a change to an offer the solve is using (which a lock held across the solve would block).
      expect((await t.gql(`{ capacityOffers(capability: "C20") { id } }`)).data.capacityOffers).toHaveLength(2);
      events.push('read');
      expect((await t.gql(WITHDRAW, { id: withdrawn }, { as: partner('gilding-atelier') })).data.withdrawCapacityOffer.status).toBe(
        'WITHDRAWN',
      );
      events.push('changed');
    } finally {
      release();
    }
    const round = (await allocation).data.allocateOverflow;
    expect(events).toEqual(['read', 'changed', 'allocated']);
    // The first plan used the cheaper offer, withdrawn before booking: solved again, booked on the other.
    expect(solves).toBe(2);
    expect(round.allocations).toMatchObject([{ units: 1 }]);
    expect((await em().findOneOrFail(Allocation, { requestId: request })).offerId).toBe(kept);
    expect(await em().count(OfferBooking, { offerId: withdrawn })).toBe(0);
  });

  it('answers a retryable CONFLICT, booking nothing, when what is free changes after each of three solves', async () => {
    await offerFor('C10', 9_000, 'raced-0');
    const request = await requestFor('C10', 1, 'raced-1');
    // After each solve, before its booking, a partner publishes a cheaper offer: the plan is out of date.
    const solve = AllocationSolver.prototype.solve;
    let solves = 0;
    jest.spyOn(AllocationSolver.prototype, 'solve').mockImplementation(async function (this: AllocationSolver, ...args) {
      const plan = await solve.apply(this, args);
      solves += 1;
      await offerFor('C10', 9_000 - solves * 100, `raced-offer-${solves}`);
      return plan;
    });
    const before = await snapshot();
    const raced = await t.gql(ALLOCATE, { ids: [request] });
    expect(solves).toBe(3);
    expect(raced.errors![0].extensions).toMatchObject({ code: 'CONFLICT', retryable: true, reason: 'CAPACITY_CHANGED' });
    // Nothing booked: only the three offers published meanwhile are new.
    expect(await em().count(Allocation, { requestId: request })).toBe(0);
    expect(await em().findOneOrFail(OverflowRequest, { id: request })).toMatchObject({ status: 'OPEN', unmetReason: null });
    expect(JSON.parse(await snapshot())[3]).toEqual(JSON.parse(before)[3]);
    // Sent again when nothing changes, it is booked on the cheapest.
    jest.restoreAllMocks();
    const round = (await t.gql(ALLOCATE, { ids: [request] })).data.allocateOverflow;
    expect(round.allocations).toMatchObject([{ units: 1 }]);
    const cheapest = await em().findOneOrFail(CapacityOffer, { capability: 'C10' }, { orderBy: { unitPriceCents: 'asc' } });
    expect((await em().findOneOrFail(Allocation, { requestId: request })).offerId).toBe(cheapest.id);
  });

  it('turns a demand surge into kitchen work, idempotently, and shows elasticity', async () => {
    const bakery = { as: staff('moyun-bakery') };
    const SURGE = `mutation($key: String!) { declareDemandSurge(studioId: "moyun-bakery", capability: "KITCHEN_COLD_CHAIN_PASTRY", extraUnits: 1000, window: { from: "${day(0)}", to: "${day(4)}" }, idempotencyKey: $key) {
      placedUnits unmetUnits unmetReason placements { enterprise { id } units } request { id status } } }`;
    const surge = (await t.gql(SURGE, { key: 'surge-1' }, bakery)).data.declareDemandSurge;
    // Two kitchens spare 80 + 70 a day for 5 days (750), then late work within the horizon.
    expect(surge.placedUnits + surge.unmetUnits).toBe(1000);
    expect(surge.placements.map((placement: any) => placement.enterprise.id).sort()).toEqual([
      'pudong-cloud-kitchen',
      'xuhui-cloud-kitchen',
    ]);
    expect((await t.gql(SURGE, { key: 'surge-1' }, bakery)).data.declareDemandSurge).toEqual(surge);
    const kitchenView = (
      await t.gql(`{ allocations(status: ACTIVE) { requestId enterpriseId } }`, {}, { as: partner('xuhui-cloud-kitchen', 'KITCHEN') })
    ).data.allocations;
    expect(kitchenView.length).toBeGreaterThan(0);
    expect(kitchenView.every((allocation: any) => allocation.enterpriseId === 'xuhui-cloud-kitchen')).toBe(true);
    expect(codeOf(await t.gql(SURGE, { key: 'surge-2' }))).toBe('FORBIDDEN');
    expect((await t.gql(`{ capacityElasticity(enterpriseId: "xuhui-cloud-kitchen") }`)).data.capacityElasticity).toBeCloseTo(66.67, 2);
  });

  it('says why a surge placed nothing, and lets the studio withdraw it or a placed one (its capacity returns)', async () => {
    const bakery = { as: staff('moyun-bakery') };
    const SURGE = `mutation($from: String!, $to: String!, $key: String!) { declareDemandSurge(studioId: "moyun-bakery", capability: "KITCHEN_COLD_CHAIN_PASTRY", extraUnits: 20, window: { from: $from, to: $to }, idempotencyKey: $key) {
      placedUnits unmetUnits unmetReason request { id status } } }`;
    const WITHDRAW = `mutation($r: ID!) { withdrawOverflowRequest(requestId: $r) { id status unmetUnits unmetReason } }`;
    // Far beyond every kitchen's offer: nothing placed, and the reason is a code the page words.
    const idle = (await t.gql(SURGE, { from: '2031-03-01', to: '2031-03-02', key: 'surge-idle' }, bakery)).data.declareDemandSurge;
    expect(idle).toMatchObject({ placedUnits: 0, unmetUnits: 20, request: { status: 'OPEN' } });
    expect(idle.unmetReason).toEqual(expect.any(String));
    // Another studio's lead cannot withdraw it (not found), an operator may not, and nothing changed.
    const before = await snapshot();
    expect(codeOf(await t.gql(WITHDRAW, { r: idle.request.id }, { as: staff('moyun-studio') }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(WITHDRAW, { r: idle.request.id }, { as: staff('moyun-bakery', 'OPERATOR') }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(WITHDRAW, { r: 'not-an-id' }, bakery))).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toBe(before);
    const withdrawn = (await t.gql(WITHDRAW, { r: idle.request.id }, bakery)).data.withdrawOverflowRequest;
    expect(withdrawn).toMatchObject({ status: 'CANCELLED', unmetUnits: 20, unmetReason: null });
    expect((await t.gql(WITHDRAW, { r: idle.request.id }, bakery)).data.withdrawOverflowRequest.status).toBe('CANCELLED');

    // A placed surge: withdrawing it gives the kitchens' capacity back.
    const booked = async () => (await em().find(OfferBooking, {})).reduce((sum, booking) => sum + booking.bookedUnits, 0);
    const free = await booked();
    const placed = (await t.gql(SURGE, { from: day(6), to: day(6), key: 'surge-placed' }, bakery)).data.declareDemandSurge;
    expect(placed.placedUnits).toBeGreaterThan(0);
    expect(await booked()).toBe(free + placed.placedUnits);
    expect((await t.gql(WITHDRAW, { r: placed.request.id }, bakery)).data.withdrawOverflowRequest.status).toBe('CANCELLED');
    expect(await booked()).toBe(free);
    expect(await em().count(Allocation, { requestId: placed.request.id, status: 'ACTIVE' })).toBe(0);
  });

  it("offers a partner only the stage codes its relationship with the studio lets it take (the network's events, projected)", async () => {
    // The kiln offers final firing (C60) to its alliance; moyun-studio now lets it take first firing only.
    await letPartnerTake(t, 'moyun-studio', 'jingde-kiln-works', ['C40']);
    const id = await requestFor('C60', 1, 'relationship-c60');
    const refused = (await t.gql(ALLOCATE, { ids: [id] })).data.allocateOverflow;
    expect(refused.allocations.filter((allocation: any) => allocation.enterpriseId === 'jingde-kiln-works')).toEqual([]);
    // Named again with final firing, the kiln is offered the same request.
    await letPartnerTake(t, 'moyun-studio', 'jingde-kiln-works', ['C40', 'C60']);
    const placed = (await t.gql(ALLOCATE, { ids: [id] })).data.allocateOverflow;
    expect(placed.allocations.map((allocation: any) => allocation.enterpriseId)).toEqual(['jingde-kiln-works']);
  });
});
