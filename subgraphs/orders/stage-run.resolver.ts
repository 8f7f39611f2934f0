import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
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
}
