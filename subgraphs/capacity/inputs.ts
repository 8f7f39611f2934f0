import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class CapacityOfferInput {
  @Field(() => ID) enterpriseId!: string;
  @Field() @Length(1, 40) capability!: string;
  @Field(() => Int, { description: 'Units a day it makes anyway' })
  @Min(0, { message: 'baseUnitsPerDay must not be negative' })
  @Max(1_000_000)
  baseUnitsPerDay!: number;
  @Field(() => Int, { description: 'Units a day it can make at most' })
  @Min(0, { message: 'maxUnitsPerDay must not be negative' })
  @Max(1_000_000)
  maxUnitsPerDay!: number;
  @Field() @Matches(DAY, { message: 'availableFrom must be a date, yyyy-mm-dd' }) availableFrom!: string;
  @Field() @Matches(DAY, { message: 'availableTo must be a date, yyyy-mm-dd' }) availableTo!: string;
  @Field(() => Int) @Min(0, { message: 'unitPriceCents must not be negative' }) unitPriceCents!: number;
  @Field(() => Float) @Min(0) @Max(5) qualityScore!: number;
  @Field() @Length(1, 40) region!: string;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(20) shareWithAlliances!: string[];
  @Field(() => [ID], { defaultValue: [] }) @ArrayMaxSize(200) shareWithEnterprises!: string[];
}

@InputType()
export class OverflowRequestInput {
  @Field(() => ID) studioId!: string;
  @Field() @Length(1, 40) capability!: string;
  @Field(() => Int, { defaultValue: 1, description: 'For an order stage: 1' })
  @Min(1, { message: 'units must be at least 1' })
  @Max(1_000_000)
  units!: number;
  @Field(() => ID, { nullable: true, description: 'The order stage to hand over (makes the request indivisible)' })
  @IsOptional()
  stageRunId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() orderId?: string;
  @Field() @Matches(DAY, { message: 'earliestStart must be a date, yyyy-mm-dd' }) earliestStart!: string;
  @Field() @Matches(DAY, { message: 'dueDate must be a date, yyyy-mm-dd' }) dueDate!: string;
  @Field(() => Int) @Min(0) priceCapCents!: number;
  @Field(() => Float, { defaultValue: 0 }) @Min(0) @Max(5) minQuality!: number;
}

@InputType()
export class DateWindowInput {
  @Field() @Matches(DAY, { message: 'from must be a date, yyyy-mm-dd' }) from!: string;
  @Field() @Matches(DAY, { message: 'to must be a date, yyyy-mm-dd' }) to!: string;
}
