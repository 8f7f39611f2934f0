import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

/** One lot's figure in a publication. Checked item by item by the service (errors name the item). */
@InputType()
export class InventoryItemInput {
  @Field() sku!: string;
  @Field() lotCode!: string;
  @Field(() => Int, { description: 'On hand, in the material unit' }) onHand!: number;
  @Field(() => Int, { nullable: true, description: 'Cost per unit of this lot in fen' }) unitCostCents?: number | null;
  @Field({ nullable: true, description: 'When the lot came in (new lots; defaults to now)' }) receivedAt?: Date;
}

@InputType()
export class PurchaseOrderLineInput {
  @Field() sku!: string;
  @Field(() => Int) @Min(1, { message: 'quantity must be at least 1' }) @Max(100_000_000) quantity!: number;
}

@InputType({ description: 'A lot shipped against a purchase order' })
export class ShippedLotInput {
  @Field() @Length(1, 60) sku!: string;
  @Field() @Length(1, 80) lotCode!: string;
  @Field(() => Int) @Min(1, { message: 'quantity must be at least 1' }) @Max(100_000_000) quantity!: number;
}

@InputType()
export class ShipPurchaseOrderInput {
  @Field(() => [ShippedLotInput]) @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) lots!: ShippedLotInput[];
  @Field({ nullable: true, description: 'When it left (defaults to now)' }) @IsOptional() shippedAt?: Date;
}

@InputType()
export class PlacePurchaseOrderInput {
  @Field() supplierId!: string;
  @Field(() => [PurchaseOrderLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  lines!: PurchaseOrderLineInput[];
  @Field({ nullable: true, description: "Defaults to now plus the supplier's lead time" }) @IsOptional() expectedAt?: Date;
}
