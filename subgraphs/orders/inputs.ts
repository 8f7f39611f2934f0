import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsUrl, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ENTERPRISE_ID_PATTERN, isGtin, WECHAT_OPEN_ID_PATTERN, type VisibilityTier } from '../../contracts';
import { VisibilityTierEnum } from '../../platform/graphql/enums';
import { Satisfies } from '../../platform/graphql/validators';
import { ShopChannel, ShopChannelEnum } from './entities/order';
import { ShipmentStatusEnum } from './entities/progress';
import type { ShipmentStatus } from './lifecycle/states';

@InputType()
export class CustomerInput {
  @Field() @Length(1, 200) name!: string;
  @Field({ description: 'Phone, WeChat id or e-mail' }) @Length(1, 200) contact!: string;
  @Field() @Length(1, 500) address!: string;
  @Field({
    nullable: true,
    description:
      "The customer's WeChat openid under the studio's official account, when the shop knows it: their order news can then go to WeChat (the customer never types it)",
  })
  @IsOptional()
  @Matches(WECHAT_OPEN_ID_PATTERN, { message: 'customer.wechatOpenId is not a WeChat openid' })
  wechatOpenId?: string;
}

@InputType()
export class OrderLineInput {
  @Field() @Matches(/^[A-Z]{2,5}-[A-Z0-9-]{1,60}$/, { message: 'productCode must look like TEA-CUP-01' }) productCode!: string;
  @Field(() => Int) @Min(1, { message: 'quantity must be at least 1' }) @Max(10000) quantity!: number;
  @Field({ nullable: true }) @IsOptional() @MaxLength(500) personalisation?: string;
  @Field({ nullable: true, description: "The product's GTIN-8, -12, -13 or -14: its traceability codes become GS1 Digital Links" })
  @IsOptional()
  @Satisfies('isGtin', isGtin, 'gtin must be a GTIN-8, -12, -13 or -14 with a valid check digit')
  gtin?: string;
}

@InputType({ description: 'An order as a shop channel delivers it' })
export class ShopOrderInput {
  @Field(() => ShopChannelEnum) channel!: ShopChannel;
  @Field({ description: "The shop's order id; with the channel, the idempotency key of the import" })
  @Length(1, 100)
  externalOrderId!: string;
  @Field(() => ID) @Matches(ENTERPRISE_ID_PATTERN, { message: 'studioId is not a valid enterprise id' }) studioId!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "A product family of the studio: its first product's route, when the first line's code is neither a product nor a shop SKU",
  })
  @IsOptional()
  @MaxLength(40)
  productFamily?: string;
  @Field(() => String, { nullable: true, deprecationReason: 'Use productFamily' })
  @IsOptional()
  @MaxLength(40)
  productType?: string;
  @Field(() => CustomerInput) @ValidateNested() customer!: CustomerInput;
  @Field(() => Int, { description: 'Price in fen (1/100 CNY)' }) @Min(0, { message: 'price must not be negative' }) priceCents!: number;
  @Field(() => VisibilityTierEnum, { defaultValue: 'DETAILED' }) customerTierMax!: VisibilityTier;
  @Field(() => [OrderLineInput]) @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) lines!: OrderLineInput[];
}

@InputType()
export class OperatorInput {
  @Field({ description: 'Real name (kept inside the studio)' }) @Length(1, 120) name!: string;
  @Field({ description: 'Pen name shown to customers' }) @Length(1, 120) penName!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The studio's code of a registered operator (capacity's studioOperators, e.g. op-mobai): their skills are checked against the stage's. Without it the operator is recorded by name, unchecked",
  })
  @IsOptional()
  @Length(1, 40)
  code?: string | null;
}

@InputType()
export class EnvironmentReadingInput {
  @Field() @Length(1, 60) name!: string;
  @Field() value!: number;
  @Field() @Length(1, 20) unit!: string;
  @Field({ nullable: true }) @IsOptional() recordedAt?: Date;
}

@InputType()
export class ProcessParameterInput {
  @Field() @Length(1, 60) name!: string;
  @Field() @Length(1, 200) value!: string;
  @Field({ defaultValue: false }) tradeSecret!: boolean;
}

@InputType()
export class CompleteStageInput {
  @Field(() => [EnvironmentReadingInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  environment?: EnvironmentReadingInput[];
  @Field(() => [ProcessParameterInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  processParameters?: ProcessParameterInput[];
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUrl({ protocols: ['http', 'https'], require_tld: false }, { each: true })
  photoUrls?: string[];
}

@InputType({ description: 'One step of the new route tail: an existing pending stage, or a new stage' })
export class RouteStepInput {
  @Field(() => ID, { nullable: true, description: 'Keep this pending stage here' }) @IsOptional() stageRunId?: string;
  @Field({ nullable: true, description: 'Insert a new stage with this status code' }) @IsOptional() statusCode?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(60 * 24 * 60) standardMinutes?: number;
  @Field({ nullable: true }) @IsOptional() qcCheckpoint?: boolean;
  @Field(() => String, { nullable: true, description: 'A new stage: the work center it needs' })
  @IsOptional()
  @MaxLength(40)
  workCenterCode?: string | null;
  @Field(() => String, { nullable: true, description: 'A new stage: the stage code an operator must have to work it' })
  @IsOptional()
  @MaxLength(20)
  skill?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'A new stage: whether a partner may take it (default yes)' })
  @IsOptional()
  partnerAllowed?: boolean | null;
}

@InputType()
export class ShipmentInput {
  @Field() @Length(1, 80) carrier!: string;
  @Field() @Length(1, 80) trackingNumber!: string;
}

@InputType()
export class ShipmentEventInput {
  @Field(() => ShipmentStatusEnum) @IsIn(['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'RETURNED']) status!: ShipmentStatus;
  @Field({ nullable: true }) @IsOptional() occurredAt?: Date;
  @Field({ nullable: true }) @IsOptional() @MaxLength(200) location?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(500) description?: string;
}
