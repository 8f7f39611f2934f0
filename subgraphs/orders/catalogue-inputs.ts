import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { MAX_IMPORT_ROWS } from '../../contracts';

/*
 * The catalogue's inputs are bounded here (sizes and counts); what each value must be is checked
 * by catalogue-rules.ts, so a refusal names the field as the studio wrote it (and, in an import,
 * the sheet's row).
 */

@InputType({ description: 'A product family of the studio: its code and names' })
export class ProductFamilyInput {
  @Field() @MaxLength(40) code!: string;
  @Field() @MaxLength(200) nameZh!: string;
  @Field() @MaxLength(200) nameEn!: string;
}

@InputType({ description: 'A product of the studio, whole' })
export class CatalogueProductInput {
  @Field({ description: "The studio's own product code, e.g. LTH-BAG-01" }) @MaxLength(80) productCode!: string;
  @Field() @MaxLength(200) nameZh!: string;
  @Field() @MaxLength(200) nameEn!: string;
  @Field({ description: 'The code of one of the studio’s product families' }) @MaxLength(40) family!: string;
  @Field({ description: 'The code of one of the studio’s routes' }) @MaxLength(40) routeCode!: string;
  @Field(() => [String], { defaultValue: [], description: 'Shop SKUs that import as this product; "LTH-*" maps a prefix' })
  @ArrayMaxSize(50)
  @MaxLength(81, { each: true })
  shopSkus!: string[];
  @Field(() => Int, { nullable: true, description: 'List price in fen (1/100 CNY)' }) @IsOptional() priceCents?: number | null;
}

@InputType({ description: 'One stage of a route' })
export class RouteStepDefinitionInput {
  @Field({ description: "A standard status code, or the studio's own X-<ORG>-<NN> extension" }) @MaxLength(20) statusCode!: string;
  @Field(() => Int) standardMinutes!: number;
  @Field({ defaultValue: false, description: 'The stage cannot complete without a passing QC result' }) qcCheckpoint!: boolean;
  @Field(() => String, { nullable: true, description: 'The work center the stage needs (e.g. KILN-1)' })
  @IsOptional()
  @MaxLength(40)
  workCenterCode?: string | null;
  @Field(() => String, { nullable: true, description: 'The stage code an operator must have among their skills' })
  @IsOptional()
  @MaxLength(20)
  skill?: string | null;
  @Field({ defaultValue: true, description: 'Whether the studio may hand the stage to a partner workshop' }) partnerAllowed!: boolean;
}

@InputType({ description: 'A route, whole: saving different stages makes a new version, used by orders imported from then on' })
export class RouteInput {
  @Field() @MaxLength(40) code!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) nameZh?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) nameEn?: string | null;
  @Field(() => [RouteStepDefinitionInput]) @ArrayMaxSize(50) @ValidateNested({ each: true }) steps!: RouteStepDefinitionInput[];
}

/** A row of the products sheet (docs/domains/catalogue.md): every cell optional, so a missing one is reported on its row. */
@InputType({ description: 'A row of the products sheet' })
export class CatalogueProductRowInput {
  @Field(() => Int, {
    nullable: true,
    description: 'The row as the spreadsheet numbers it (header: 1); default: its place in the list + 1',
  })
  @IsOptional()
  row?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) productCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(400) nameZh?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(400) nameEn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) family?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) routeCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Separated by ; (or ,)' }) @IsOptional() @MaxLength(5000) shopSkus?: string | null;
  @Field(() => String, { nullable: true, description: 'Fen (1/100 CNY), as the cell reads' }) @IsOptional() @MaxLength(40) priceCents?:
    string | null;
}

/** A row of the routes sheet: one stage of one route. */
@InputType({ description: 'A row of the routes sheet: one stage of one route' })
export class RouteStepRowInput {
  @Field(() => Int, {
    nullable: true,
    description: 'The row as the spreadsheet numbers it (header: 1); default: its place in the list + 1',
  })
  @IsOptional()
  row?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) routeCode?: string | null;
  @Field(() => String, { nullable: true, description: 'The stage’s place in its route, from 1' })
  @IsOptional()
  @MaxLength(40)
  position?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) statusCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(40) standardMinutes?: string | null;
  @Field(() => String, { nullable: true, description: 'A QC checkpoint: yes or no (是 / 否; default no)' })
  @IsOptional()
  @MaxLength(40)
  qc?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) workCenterCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) skill?: string | null;
  @Field(() => String, { nullable: true, description: 'yes or no (是 / 否; default yes)' })
  @IsOptional()
  @MaxLength(40)
  partnerAllowed?: string | null;
}

@InputType({ description: "A studio's products and routes from a spreadsheet: validated whole, applied all or nothing" })
export class CatalogueImportInput {
  @Field({ description: 'Only say what would change' }) dryRun!: boolean;
  @Field(() => [CatalogueProductRowInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  @ValidateNested({ each: true })
  products!: CatalogueProductRowInput[];
  @Field(() => [RouteStepRowInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  @ValidateNested({ each: true })
  routes!: RouteStepRowInput[];
}
