import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../platform/graphql/enums';

/**
 * What capturing an event did: APPLIED (it moved a purchase order or a stage), KEPT (kept and queryable, but
 * nothing in the hub is its subject), REFUSED (it named something the hub refused: another
 * enterprise's purchase order, a move the lifecycle forbids), DUPLICATE (its eventID was
 * captured before: kept once, applied once).
 */
const CAPTURE_OUTCOMES = ['APPLIED', 'KEPT', 'REFUSED', 'DUPLICATE'] as const;
export type CaptureOutcome = (typeof CAPTURE_OUTCOMES)[number];
export const CaptureOutcomeEnum = enumOf(CAPTURE_OUTCOMES);
registerEnumType(CaptureOutcomeEnum, { name: 'CaptureOutcome', description: 'What capturing one EPCIS event did' });

@ObjectType({ description: 'One event of a capture job and what the hub did with it' })
export class CaptureReceipt {
  @Field({ description: "The event's eventID, or the CBV event hash ID the hub gave it" })
  eventId!: string;

  @Field(() => CaptureOutcomeEnum)
  outcome!: CaptureOutcome;

  @Field(() => String, { nullable: true, description: 'What it moved, or why it changed nothing' })
  detail?: string | null;

  @Field(() => String, { nullable: true, description: "The refusal's code (NOT_FOUND, FAILED_PRECONDITION, BAD_USER_INPUT …)" })
  errorCode?: string | null;
}

/** One POST to /epcis/capture: who sent it and the receipt of each of its events (EPCIS 2.0 REST binding: a capture job). */
@ObjectType({ description: 'A capture job of the EPCIS capture interface' })
@Entity({ tableName: 'capture_job' })
@Index({ properties: ['capturedBy', 'createdAt'] })
export class CaptureJob {
  [OptionalProps]?: 'finishedAt' | 'kept' | 'context';

  @Field(() => ID, { description: 'The captureID' })
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field({ description: 'The enterprise whose token sent it' })
  @Property({ type: 'string', length: 80 })
  capturedBy!: string;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null = null;

  @Field(() => [CaptureReceipt])
  @Property({ type: 'json' })
  receipts!: CaptureReceipt[];

  /** The @context its document's events were written in: kept once for all of them, and served with each (null before it was kept so). */
  @Property({ type: 'json', nullable: true })
  context?: unknown = null;

  @Field(() => Int, { description: 'How many of its events were kept for the first time' })
  get kept(): number {
    return this.receipts.filter((receipt) => receipt.outcome !== 'DUPLICATE').length;
  }
}

/**
 * An EPCIS event captured from a partner's or supplier's system, kept as it came: once per
 * sender and eventID (another enterprise sending the same event is its own capture, so no one
 * can pre-empt a sender's events).
 */
@Entity({ tableName: 'captured_event' })
@Index({ properties: ['capturedBy', 'recordTime'] })
export class CapturedEvent {
  @PrimaryKey({ type: 'string', length: 80 })
  capturedBy!: string;

  @PrimaryKey({ type: 'string', length: 200 })
  eventId!: string;

  @Property({ type: 'string', length: 40 })
  captureId!: string;

  @Property({ type: 'string', length: 40 })
  eventType!: string;

  @Property({ type: 'datetime' })
  eventTime!: Date;

  @Property({ type: 'datetime' })
  recordTime!: Date;

  @Property({ type: 'string', length: 200, nullable: true })
  bizStep?: string | null;

  @Enum({ items: [...CAPTURE_OUTCOMES], type: 'string' })
  outcome!: CaptureOutcome;

  /** The event as captured (with the eventID the hub gave it, where it had none). */
  @Property({ type: 'json' })
  document!: Record<string, unknown>;
}
