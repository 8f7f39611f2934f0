import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { decodeCursor, PageInfo, pageOf, pageSize } from '../../platform/graphql/pagination';
import type { GraphQLContext } from '../../platform/access/context';
import { CAPTURE_LIMITS, RECEIPT_DETAIL_CHARS } from '../../contracts';
import { badInput } from '../../platform/base/errors';
import { newId, requireId } from '../../platform/data/ids';
import { inTransaction } from '../../platform/data/transactions';
import { CaptureJob, CaptureOutcomeEnum, CapturedEvent, type CaptureOutcome, type CaptureReceipt } from './entities';

type Context = GraphQLContext<unknown>;

@InputType({ description: 'One event of a capture, with what the hub did with it (the gateway applies each before it records the job)' })
export class CapturedEventInput {
  @Field() @Length(1, CAPTURE_LIMITS.eventIdChars) eventId!: string;
  @Field() @Length(1, CAPTURE_LIMITS.eventTypeChars) eventType!: string;
  @Field() eventTime!: Date;
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) bizStep?: string;
  @Field({ description: 'The event as EPCIS 2.0 JSON text' }) @Length(2, CAPTURE_LIMITS.eventChars) document!: string;
  @Field(() => CaptureOutcomeEnum) outcome!: CaptureOutcome;
  @Field({ nullable: true }) @IsOptional() @MaxLength(RECEIPT_DETAIL_CHARS) detail?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(40) errorCode?: string;
}

@InputType()
export class RecordCaptureInput {
  @Field(() => [CapturedEventInput]) @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) events!: CapturedEventInput[];
  @Field({ nullable: true, description: "The document's @context as JSON text: kept once for its events, and served with each" })
  @IsOptional()
  @Length(2, CAPTURE_LIMITS.contextChars)
  context?: string;
}

@ObjectType({ description: 'An EPCIS event your enterprise captured, as it came (what /epcis/events serves of it)' })
export class CapturedEventRecord {
  @Field()
  eventId!: string;

  @Field({ description: 'The event as EPCIS 2.0 JSON text, with the eventID the hub knows it by' })
  document!: string;

  @Field({ description: 'When the hub captured it' })
  recordTime!: Date;
}

@ObjectType()
export class CapturedEventPage {
  @Field(() => [CapturedEventRecord])
  nodes!: CapturedEventRecord[];

  @Field()
  pageInfo!: PageInfo;
}

/**
 * The hub's EPCIS repository of captured events. The gateway's /epcis/capture validates a
 * document against GS1's schema, gives events without an eventID their CBV hash ID, applies
 * each through the graph under the sender's token (a shipping event ships the purchase order it
 * names) and records here the job with each event's outcome. A sender's eventID is kept once: a
 * second capture of it is a DUPLICATE in its job and changes nothing.
 */
@Resolver(() => CaptureJob)
export class CaptureResolver {
  @Mutation(() => CaptureJob, { description: 'Records a capture job and keeps its events not captured before (used by /epcis/capture)' })
  recordCapture(@Arg('input', () => RecordCaptureInput) input: RecordCaptureInput, @Ctx() { ctx }: Context): Promise<CaptureJob> {
    const capturedBy = ctx.viewer.org;
    if (!capturedBy) throw badInput('A capture is sent by an enterprise: the token names none', { field: 'token' });
    const documents = input.events.map((event, index) => {
      try {
        const document = JSON.parse(event.document) as unknown;
        if (!document || typeof document !== 'object' || Array.isArray(document)) throw new Error('not an object');
        return document as Record<string, unknown>;
      } catch {
        throw badInput(`events[${index}].document must be one EPCIS event as a JSON object`, { field: `events.${index}.document` });
      }
    });
    let context: unknown = null;
    try {
      if (input.context !== undefined) context = JSON.parse(input.context) as unknown;
    } catch {
      throw badInput('context must be the document’s @context as JSON', { field: 'context' });
    }
    return inTransaction(ctx, async (em) => {
      const now = new Date();
      const id = newId('cap', now.getTime());
      const ids = input.events.map((event) => event.eventId);
      const known = new Map(
        (await em.find(CapturedEvent, { capturedBy, eventId: { $in: ids } }, { fields: ['eventId', 'captureId'] })).map((event) => [
          event.eventId,
          event.captureId,
        ]),
      );
      const receipts: CaptureReceipt[] = [];
      input.events.forEach((event, index) => {
        const first = known.get(event.eventId);
        if (first !== undefined) {
          receipts.push({
            eventId: event.eventId,
            outcome: 'DUPLICATE',
            detail:
              first === id ? 'Given twice in this document: kept once' : `Captured before (job ${first}): kept once, changed nothing now`,
            errorCode: null,
          });
          return;
        }
        known.set(event.eventId, id);
        em.persist(
          em.create(CapturedEvent, {
            eventId: event.eventId,
            captureId: id,
            capturedBy,
            eventType: event.eventType,
            eventTime: event.eventTime,
            recordTime: now,
            bizStep: event.bizStep ?? null,
            outcome: event.outcome,
            document: documents[index],
          }),
        );
        receipts.push({ eventId: event.eventId, outcome: event.outcome, detail: event.detail ?? null, errorCode: event.errorCode ?? null });
      });
      const job = em.create(CaptureJob, { id, capturedBy, createdAt: now, finishedAt: now, receipts, context });
      em.persist(job);
      await em.flush();
      return job;
    });
  }

  @Query(() => [String], { description: 'Which of these eventIDs your enterprise has captured before' })
  async capturedEventIds(@Arg('eventIds', () => [String]) eventIds: string[], @Ctx() { ctx }: Context): Promise<string[]> {
    if (eventIds.length > 1000) throw badInput('At most 1,000 eventIDs at a time', { field: 'eventIds' });
    return (await ctx.em.find(CapturedEvent, { eventId: { $in: eventIds } }, { fields: ['eventId'] })).map((event) => event.eventId);
  }

  @Query(() => CapturedEventPage, {
    description: 'The events your enterprise captured, in the order the hub captured them, with cursor pagination',
  })
  async capturedEvents(
    @Ctx() { ctx }: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
    @Arg('occurredFrom', { nullable: true }) occurredFrom?: Date,
    @Arg('occurredBefore', { nullable: true }) occurredBefore?: Date,
    @Arg('recordedFrom', { nullable: true }) recordedFrom?: Date,
    @Arg('eventId', { nullable: true, description: 'Only the event of this eventID' }) eventId?: string,
  ): Promise<CapturedEventPage> {
    const size = pageSize(first);
    const conditions: FilterQuery<CapturedEvent>[] = [];
    if (eventId !== undefined) conditions.push({ eventId });
    if (occurredFrom) conditions.push({ eventTime: { $gte: occurredFrom } });
    if (occurredBefore) conditions.push({ eventTime: { $lt: occurredBefore } });
    if (recordedFrom) conditions.push({ recordTime: { $gte: recordedFrom } });
    if (after) {
      const [at, capturedBy, lastId] = decodeCursor(after).split('\n');
      const time = new Date(at);
      if (lastId === undefined || Number.isNaN(time.getTime())) throw badInput('Malformed cursor', { field: 'after' });
      conditions.push({
        $or: [
          { recordTime: { $gt: time } },
          { recordTime: time, capturedBy: { $gt: capturedBy } },
          { recordTime: time, capturedBy, eventId: { $gt: lastId } },
        ],
      });
    }
    const rows = await ctx.em.find(CapturedEvent, conditions.length ? { $and: conditions } : {}, {
      orderBy: [{ recordTime: 'asc' }, { capturedBy: 'asc' }, { eventId: 'asc' }],
      limit: size + 1,
    });
    const page = pageOf(rows, size, (row) => [row.recordTime.toISOString(), row.capturedBy, row.eventId].join('\n'));
    // Each event is served with the @context its job kept once for all of its events.
    const jobIds = [...new Set(page.nodes.filter((row) => !('@context' in row.document)).map((row) => row.captureId))];
    const contexts = new Map(
      jobIds.length
        ? (await ctx.em.find(CaptureJob, { id: { $in: jobIds } }, { fields: ['id', 'context'] })).map((job) => [job.id, job.context])
        : [],
    );
    return {
      nodes: page.nodes.map((row) => {
        const context = contexts.get(row.captureId);
        return {
          eventId: row.eventId,
          document: JSON.stringify({
            ...(context === undefined || context === null ? {} : { '@context': context }),
            ...row.document,
            recordTime: row.recordTime.toISOString(),
          }),
          recordTime: row.recordTime,
        };
      }),
      pageInfo: page.pageInfo,
    };
  }

  @Query(() => CaptureJob, { nullable: true, description: 'A capture job you sent (null for one you did not, as for one that never was)' })
  captureJob(@Arg('id', () => ID) id: string, @Ctx() { ctx }: Context): Promise<CaptureJob | null> {
    requireId('cap', id, 'capture job');
    return ctx.em.findOne(CaptureJob, { id });
  }
}
