import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { AbcClassEnum, StockingPolicyEnum, type AbcClass, type StockingPolicy } from './entities/material';

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

@InputType({ description: 'A material that may stand in for another' })
export class MaterialSubstituteInput {
  @Field() sku!: string;
  @Field(() => Float, { description: 'Units of the substitute that replace one unit of the material' }) ratio!: number;
}

/** A studio's material, whole. Checked by the service, whose errors name the field. */
@InputType({ description: "A material of a studio's catalogue, whole (created, or replacing what it was)" })
export class MaterialInput {
  @Field({ description: 'Unique within the studio; also the code suppliers publish its stock under' }) sku!: string;
  @Field() nameZh!: string;
  @Field() nameEn!: string;
  @Field({ description: 'Unit of every quantity, e.g. g, ml, piece, m' }) unit!: string;
  @Field(() => AbcClassEnum) abcClass!: AbcClass;
  @Field(() => Int, { description: 'Cost per unit in fen' }) unitCostCents!: number;
  @Field(() => Int, { nullable: true, description: 'Defaults to 0; must be 0 for a made-to-order material' }) safetyStock?: number | null;
  @Field(() => StockingPolicyEnum, { nullable: true, description: 'Defaults to STOCKED' }) stockingPolicy?: StockingPolicy | null;
  @Field(() => [MaterialSubstituteInput], { nullable: true }) substitutes?: MaterialSubstituteInput[] | null;
}

@InputType({ description: 'One line of a bill of materials' })
export class BomLineInput {
  @Field({ description: 'A material of the studio' }) sku!: string;
  @Field(() => Int, { description: 'Whole units of the material per unit of the product, at least 1' }) quantityPerUnit!: number;
  @Field({ description: 'The stage status code whose completion consumes it (standard, or the studio’s extension)' }) stageCode!: string;
}

/** One row of the materials sheet: its cells as text (the service reads and checks them as upsertMaterial does). */
@InputType({ description: 'A row of the materials sheet, its cells as text' })
export class MaterialRowInput {
  @Field(() => Int, { description: 'The row as the spreadsheet numbers it (the header is row 1)' }) row!: number;
  @Field(() => String, { nullable: true }) sku?: string | null;
  @Field(() => String, { nullable: true }) nameZh?: string | null;
  @Field(() => String, { nullable: true }) nameEn?: string | null;
  @Field(() => String, { nullable: true }) unit?: string | null;
  @Field(() => String, { nullable: true, description: 'A, B or C' }) abcClass?: string | null;
  @Field(() => String, { nullable: true, description: 'Whole fen' }) unitCostCents?: string | null;
  @Field(() => String, { nullable: true, description: 'Empty: 0' }) safetyStock?: string | null;
  @Field(() => String, { nullable: true, description: 'STOCKED (empty) or MADE_TO_ORDER' }) stockingPolicy?: string | null;
  @Field(() => String, { nullable: true, description: '"SKU:ratio", separated by ";"' }) substitutes?: string | null;
}

/** One row of the bills-of-materials sheet: one line of one product's bill. */
@InputType({ description: 'A row of the bills-of-materials sheet, its cells as text' })
export class BomRowInput {
  @Field(() => Int, { description: 'The row as the spreadsheet numbers it (the header is row 1)' }) row!: number;
  @Field(() => String, { nullable: true }) productCode?: string | null;
  @Field(() => String, { nullable: true }) sku?: string | null;
  @Field(() => String, { nullable: true }) quantityPerUnit?: string | null;
  @Field(() => String, { nullable: true }) stageCode?: string | null;
}

@InputType({ description: "A studio's materials and bills of materials from a spreadsheet, checked whole and applied all or nothing" })
export class MaterialsImportInput {
  @Field({ description: 'Only say what would change' }) dryRun!: boolean;
  @Field(() => [MaterialRowInput], { defaultValue: [] }) materials!: MaterialRowInput[];
  @Field(() => [BomRowInput], { defaultValue: [], description: 'Each product named here gets its bill set whole from its rows' })
  boms!: BomRowInput[];
}
