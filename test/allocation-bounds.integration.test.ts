import { AllocationSolver } from '../subgraphs/capacity/allocation/solver-thread';
import { capacityService } from '../subgraphs/capacity/capacity.service';
import { OfferBooking } from '../subgraphs/capacity/entities/offer';
import { Allocation, OverflowRequest } from '../subgraphs/capacity/entities/request';
import type { GraphQLError } from 'graphql';
import type { AllocationRound } from '../subgraphs/capacity/capacity.service';
import type { GraphQLResult, TestHub } from './support/hub';
import { dialects, resendRetryable, startTestHub } from './support/hub';
import { letPartnerTake } from './support/relationships';
import { partner } from './support/principals';

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const errorOf = (result: GraphQLResult) => result.errors?.[0]?.extensions;

const OFFER = `mutation($input: CapacityOfferInput!, $key: String!) { publishCapacityOffer(input: $input, idempotencyKey: $key) { id } }`;
const REQUEST = `mutation($input: OverflowRequestInput!, $key: String!) { requestOverflow(input: $input, idempotencyKey: $key) { id } }`;
const ALLOCATE = `mutation($ids: [ID!]!) { allocateOverflow(requestIds: $ids) { optimal allocations { offerId units } unmet { units reason request { id } } } }`;

/**
 * One allocation call is bounded: how many requests it places, how many offers it considers, how
 * many placements its model weighs, and one deadline for all of it (here under a second). A call
 * past a bound is refused with a code before anything is solved or booked.
 */
describe.each(dialects())('allocation bounds (%s)', (dialect) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(dialect, { settings: { allocation: { maxRequests: 3, maxOffers: 2, maxPlacements: 12, deadlineMs: 1_000 } } });
    for (const name of ['network', 'capacity']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
    // The tests' offers are gilding-atelier's, of many stages: moyun-studio lets it take any.
    await letPartnerTake(t, 'moyun-studio', 'gilding-atelier');
  });
  afterAll(() => t?.close());
  afterEach(() => jest.restoreAllMocks());

  const em = () => t.hub.subgraphs.capacity.systemContext().em.fork();
  /** Everything an allocation writes. */
  const written = async () =>
    JSON.stringify(
      await Promise.all([
        em().find(Allocation, {}, { orderBy: { id: 'asc' } }),
        em().find(OfferBooking, {}, { orderBy: { offerId: 'asc', day: 'asc' } }),
        em().find(OverflowRequest, {}, { orderBy: { id: 'asc' } }),
      ]),
    );
  /** An offer of `spare` units a day over `days` days from today, shared with moyun-studio's alliance. */
  const offer = async (capability: string, unitPriceCents: number, days = 1, spare = 1) =>
    (
      await t.gql(
        OFFER,
        {
          input: {
            enterpriseId: 'gilding-atelier',
            capability,
            baseUnitsPerDay: 1,
            maxUnitsPerDay: 1 + spare,
            availableFrom: day(0),
            availableTo: day(days - 1),
            unitPriceCents,
            qualityScore: 4.5,
            region: 'CN-JX',
            shareWithAlliances: ['jingdezhen-craft-alliance'],
            shareWithEnterprises: [],
          },
          key: `${capability}-${unitPriceCents}-${days}-${spare}`,
        },
        { as: partner('gilding-atelier') },
      )
    ).data.publishCapacityOffer.id as string;
  // Calls meant to succeed are sent again, as a client would, if a loaded machine misses the sub-second deadline.
  const allocate = (ids: string[]) => resendRetryable(() => t.gql(ALLOCATE, { ids }));
  const round = async (): Promise<AllocationRound> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await capacityService.allocate(t.hub.subgraphs.capacity.systemContext(), { all: true });
      } catch (error) {
        if (attempt >= 4 || (error as GraphQLError).extensions?.retryable !== true) throw error;
      }
    }
  };
  let requestCount = 0;
  const request = async (capability: string, units = 1, dueInDays = 0) =>
    (
      await t.gql(REQUEST, {
        input: {
          studioId: 'moyun-studio',
          capability,
          units,
          earliestStart: day(0),
          dueDate: day(dueInDays),
          priceCapCents: 50_000,
          minQuality: 0,
        },
        key: `bounds-${(requestCount += 1)}`,
      })
    ).data.requestOverflow.id as string;

  it('a round places the oldest open requests up to the bound and leaves the rest open for the next', async () => {
    await offer('C10', 1_000, 1, 4);
    const ids = [await request('C10'), await request('C10'), await request('C10'), await request('C10')];
    const first = await round();
    expect(first.allocations.map((allocation) => allocation.requestId).sort()).toEqual(ids.slice(0, 3));
    const left = await em().findOneOrFail(OverflowRequest, { id: ids[3] });
    expect(left).toMatchObject({ status: 'OPEN', unmetReason: null });
    // The next round takes it.
    const next = await round();
    expect(next.allocations.map((allocation) => allocation.requestId)).toEqual([ids[3]]);
  });

  it('refuses more requests than one call may place, with LIMIT_EXCEEDED, booking nothing', async () => {
    await offer('C20', 1_000, 1, 4);
    const ids = [await request('C20'), await request('C20'), await request('C20'), await request('C20')];
    const before = await written();
    const refused = await t.gql(ALLOCATE, { ids });
    expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LIMIT_EXCEEDED', field: 'requestIds', limit: 3 });
    expect(await written()).toBe(before);
    // Within the bound, the same requests are placed.
    expect((await allocate(ids.slice(0, 3))).data.allocateOverflow.allocations).toHaveLength(3);
  });

  it('refuses a model with more placements than one call may weigh, booking nothing', async () => {
    // One request that may go to either of two offers on any of 7 days (+ lateness): 2 × 7 > 12.
    await offer('C71', 1_000, 7);
    await offer('C71', 1_100, 7);
    const wide = await request('C71', 1, 6);
    const before = await written();
    expect(errorOf(await t.gql(ALLOCATE, { ids: [wide] }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LIMIT_EXCEEDED', limit: 12 });
    expect(await written()).toBe(before);
  });

  it('considers only the cheapest offers up to the bound', async () => {
    const cheap = await offer('C72', 1_000);
    const next = await offer('C72', 2_000);
    const dear = await offer('C72', 3_000);
    const placed = (await allocate([await request('C72', 3)])).data.allocateOverflow;
    expect(placed.allocations.map((allocation: any) => allocation.offerId).sort()).toEqual([cheap, next].sort());
    expect(placed.unmet).toMatchObject([{ units: 1, reason: 'CAPACITY' }]);
    expect(await em().count(OfferBooking, { offerId: dear })).toBe(0);
  });

  it('gives the whole call one deadline, waiting for the solver included: past it the call is refused, retryable, and books nothing', async () => {
    await offer('C73', 1_000, 3);
    const [first, second] = [await request('C73'), await request('C73')];
    const before = await written();
    // The first call's solve is held, so the second waits for the solver past its deadline.
    const solve = AllocationSolver.prototype.solve;
    let solving!: () => void;
    const started = new Promise<void>((resolve) => (solving = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    jest.spyOn(AllocationSolver.prototype, 'solve').mockImplementation(async function (this: AllocationSolver, ...args) {
      solving();
      await held;
      return solve.apply(this, args);
    });
    const events: string[] = [];
    const firstCall = t.gql(ALLOCATE, { ids: [first] }).then((result) => (events.push('first answered'), result));
    await started;
    const secondCall = await t.gql(ALLOCATE, { ids: [second] });
    events.push('second answered');
    release();
    const firstResult = await firstCall;
    expect(events).toEqual(['second answered', 'first answered']);
    for (const result of [secondCall, firstResult])
      expect(errorOf(result)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true, reason: 'SOLVER_DEADLINE' });
    expect(await written()).toBe(before);
    // Sent again, it is placed.
    jest.restoreAllMocks();
    expect((await allocate([first, second])).data.allocateOverflow.allocations).toHaveLength(2);
  });

  it('places a surge refused at its deadline when its key is sent again', async () => {
    await offer('C75', 1_000, 3, 2);
    const SURGE = `mutation { declareDemandSurge(studioId: "moyun-studio", capability: "C75", extraUnits: 4, window: { from: "${day(0)}", to: "${day(2)}" }, idempotencyKey: "late-surge") {
      placedUnits unmetUnits request { id status } } }`;
    const solve = AllocationSolver.prototype.solve;
    let solving!: () => void;
    const started = new Promise<void>((resolve) => (solving = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    jest.spyOn(AllocationSolver.prototype, 'solve').mockImplementation(async function (this: AllocationSolver, ...args) {
      solving();
      await held;
      return solve.apply(this, args);
    });
    const surge = t.gql(SURGE);
    await started;
    // A call behind it is refused at its deadline, so the surge's (earlier) has passed too.
    expect(errorOf(await t.gql(ALLOCATE, { ids: [await request('C75')] }))).toMatchObject({ reason: 'SOLVER_DEADLINE' });
    release();
    expect(errorOf(await surge)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true, reason: 'SOLVER_DEADLINE' });
    const made = await em().findOneOrFail(OverflowRequest, { surgeKey: 'late-surge' });
    expect(await em().count(Allocation, { requestId: made.id })).toBe(0);
    jest.restoreAllMocks();
    const replayed = (await resendRetryable(() => t.gql(SURGE))).data.declareDemandSurge;
    expect(replayed).toEqual({ placedUnits: 4, unmetUnits: 0, request: { id: made.id, status: 'ALLOCATED' } });
    // Placed once: the same key again answers the same.
    expect((await t.gql(SURGE)).data.declareDemandSurge).toEqual(replayed);
  });
});
