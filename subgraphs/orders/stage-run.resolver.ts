import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isClosed, startBlocker } from './lifecycle/route';
import { requireEnterpriseId } from '../../platform/data/ids';
import type { GraphQLContext } from '../../platform/access/context';
import { EnterpriseReference, StatusCodeReference } from './entities/references';
import { QcResultEnum, StageRun, StageStatusEnum } from './entities/stage-run';
import { CompleteStageInput, OperatorInput } from './inputs';
import type { OrderLoaders } from './loaders';
import { StageService } from './stage.service';
import type { QcResult, StageStatus } from './lifecycle/states';

type Context = GraphQLContext<OrderLoaders>;

@Resolver(() => StageRun)
export class StageRunResolver {
  constructor(private readonly stages = new StageService()) {}

  @Query(() => [StageRun], { description: "Stages held by an enterprise: a partner's or kitchen's work list (oldest due first)" })
  assignedStages(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Ctx() { ctx }: Context,
    @Arg('status', () => StageStatusEnum, { nullable: true }) status?: StageStatus,
  ): Promise<StageRun[]> {
    requireEnterpriseId(enterpriseId, 'enterpriseId');
    return ctx.em.find(
      StageRun,
      { assignedToId: enterpriseId, ...(status ? { status } : {}) },
      { orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], limit: 500 },
    );
  }

  @Mutation(() => StageRun, { description: 'Starts a stage (route order enforced); repeating it answers as the first call did' })
  startStage(
    @Arg('stageRunId', () => ID) stageRunId: string,
    @Ctx() { ctx }: Context,
    @Arg('operator', () => OperatorInput, { nullable: true }) operator?: OperatorInput,
  ): Promise<StageRun> {
    return this.stages.startStage(ctx, stageRunId, operator);
  }

  @Mutation(() => StageRun, { description: 'Completes a running stage; repeating it answers as the first call did' })
  completeStage(
    @Arg('stageRunId', () => ID) stageRunId: string,
    @Ctx() { ctx }: Context,
    @Arg('input', () => CompleteStageInput, { nullable: true }) input?: CompleteStageInput,
  ): Promise<StageRun> {
    return this.stages.completeStage(ctx, stageRunId, input);
  }

  @Mutation(() => StageRun, { description: 'Records the QC result of a checkpoint stage; FAIL blocks the route' })
  recordQcResult(
    @Arg('stageRunId', () => ID) stageRunId: string,
    @Arg('result', () => QcResultEnum) result: QcResult,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
    @Arg('note', { nullable: true }) note?: string,
  ): Promise<StageRun> {
    return this.stages.recordQcResult(ctx, stageRunId, result, note, idempotencyKey);
  }

  @Mutation(() => StageRun, { description: 'Hands a stage that has not started to a partner enterprise, or back to the studio' })
  assignStage(
    @Arg('stageRunId', () => ID) stageRunId: string,
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<StageRun> {
    return this.stages.assignStage(ctx, stageRunId, enterpriseId, idempotencyKey);
  }

  @FieldResolver(() => StatusCodeReference)
  statusCode(@Root() stage: StageRun): StatusCodeReference {
    return { code: stage.code };
  }

  @FieldResolver(() => EnterpriseReference, { nullable: true, description: 'The enterprise that holds the stage' })
  assignedTo(@Root() stage: StageRun): EnterpriseReference {
    return { id: stage.assignedToId };
  }

  @FieldResolver(() => ID)
  orderId(@Root() stage: StageRun): string {
    return stage.orderId;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Whether the stage may start now: it waits, its order is open, every earlier stage is done and every earlier QC checkpoint passed (for the studio and the workshop holding it)',
  })
  async ready(@Root() stage: StageRun, @Ctx() { ctx }: Context): Promise<boolean> {
    if (stage.status !== 'PENDING') return false;
    const [route, order] = await Promise.all([ctx.loaders.wholeRouteByOrder.load(stage.orderId), ctx.loaders.order.load(stage.orderId)]);
    if (order && isClosed(order)) return false;
    return startBlocker(route, stage) === null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The product family of the stage's order" })
  async productFamily(@Root() stage: StageRun, @Ctx() { ctx }: Context): Promise<string | null> {
    return (await ctx.loaders.order.load(stage.orderId))?.productFamily ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The Chinese name of the stage's order's product (as the catalogue gave it then)",
  })
  async productNameZh(@Root() stage: StageRun, @Ctx() { ctx }: Context): Promise<string | null> {
    return (await ctx.loaders.order.load(stage.orderId))?.productNameZh ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The English name of the stage's order's product (as the catalogue gave it then)",
  })
  async productNameEn(@Root() stage: StageRun, @Ctx() { ctx }: Context): Promise<string | null> {
    return (await ctx.loaders.order.load(stage.orderId))?.productNameEn ?? null;
  }

  @FieldResolver(() => String, { nullable: true, deprecationReason: 'Use productFamily' })
  productType(@Root() stage: StageRun, @Ctx() { ctx }: Context): Promise<string | null> {
    return this.productFamily(stage, { ctx });
  }

  @FieldResolver(() => EnterpriseReference, { description: 'The studio whose order the stage is of' })
  studio(@Root() stage: StageRun): EnterpriseReference {
    return { id: stage.studioId };
  }

  @FieldResolver(() => [String], {
    nullable: true,
    description:
      'What the piece bears, as the customer asked (each line’s personalisation): for the studio and the workshop holding the stage',
  })
  async inscriptions(@Root() stage: StageRun, @Ctx() { ctx }: Context): Promise<string[]> {
    const lines = await ctx.loaders.wholeLinesByOrder.load(stage.orderId);
    return lines.map((line) => line.personalisation).filter((text): text is string => Boolean(text));
  }
}
