import { ArrayMaxSize, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ENTERPRISE_ID_PATTERN, isGln, type EnterpriseKind, type SupplierTier } from '../../contracts';
import { EnterpriseKindEnum } from './enterprise';
import { SupplierTierEnum } from './relationship';
import { Satisfies } from '../../platform/graphql/validators';

/** What an enterprise may change of its directory entry; a field left out stays as it is. */
@InputType({ description: "Changes to an enterprise's directory entry; fields left out stay as they are" })
export class EnterpriseChangeInput {
  @Field({ nullable: true, description: 'Name in Chinese' })
  @IsOptional()
  @Length(1, 200, { message: 'nameZh must be 1 to 200 characters' })
  nameZh?: string;
  @Field({ nullable: true, description: 'Name in English' })
  @IsOptional()
  @Length(1, 200, { message: 'nameEn must be 1 to 200 characters' })
  nameEn?: string;
  @Field({ nullable: true, description: 'Region, e.g. CN-JX' })
  @IsOptional()
  @Matches(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { message: 'region must be an ISO 3166 code such as CN or CN-JX' })
  region?: string;
  @Field({ nullable: true, description: 'GS1 Global Location Number (13 digits)' })
  @IsOptional()
  @Satisfies('isGln', isGln, 'gln must be 13 digits with a valid GS1 check digit')
  gln?: string;
}

/** An enterprise entering the network: registered by a hub admin, or applied for by someone who will run it. */
@InputType({ description: 'A new enterprise: its id, what it does, its names, region, GLN and alliances' })
export class EnterpriseRegistrationInput {
  @Field({ description: 'Its stable id: lower-case words joined by hyphens, e.g. "hide-and-awl"' })
  @Length(2, 80, { message: 'id must be 2 to 80 characters' })
  @Matches(ENTERPRISE_ID_PATTERN, { message: 'id must be lower-case words joined by hyphens, e.g. hide-and-awl' })
  id!: string;
  @Field(() => EnterpriseKindEnum)
  kind!: EnterpriseKind;
  @Field({ description: 'Name in Chinese' })
  @Length(1, 200, { message: 'nameZh must be 1 to 200 characters' })
  nameZh!: string;
  @Field({ description: 'Name in English' })
  @Length(1, 200, { message: 'nameEn must be 1 to 200 characters' })
  nameEn!: string;
  @Field({ description: 'Region, e.g. CN-JX' })
  @Matches(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { message: 'region must be an ISO 3166 code such as CN or CN-JX' })
  region!: string;
  @Field({ nullable: true, description: 'GS1 Global Location Number (13 digits), when it has one' })
  @IsOptional()
  @Satisfies('isGln', isGln, 'gln must be 13 digits with a valid GS1 check digit')
  gln?: string;
  @Field(() => [String], { defaultValue: [], description: 'Alliances it belongs to (at most 20)' })
  @ArrayMaxSize(20, { message: 'alliances may name at most 20 alliances' })
  @Length(1, 80, { each: true, message: 'each alliance must be 1 to 80 characters' })
  alliances!: string[];
}

/** A supplier a studio names, and its terms: for a primary, the annual contract's volume and band. */
@InputType({ description: 'A supplier for a studio: its tier and, for a primary, the annual contract' })
export class SupplierRelationshipInput {
  @Field(() => ID, { description: 'The supplier (an enterprise of kind SUPPLIER)' })
  supplierId!: string;
  @Field(() => SupplierTierEnum)
  tier!: SupplierTier;
  @Field(() => Int, { nullable: true, description: 'PRIMARY only, required: the annual volume, in yuan (1 to 1,000,000,000)' })
  annualVolumeYuan?: number | null;
  @Field(() => Int, { nullable: true, description: 'PRIMARY only, required: the flexible band either way, in percent (0 to 30)' })
  flexibleBandPercent?: number | null;
}

/** A partner workshop or kitchen a studio names, and the stage codes it may take. */
@InputType({ description: 'A partner for a studio: which stage codes it may take' })
export class PartnerRelationshipInput {
  @Field(() => ID, { description: 'The partner (an enterprise of kind PARTNER_STUDIO or KITCHEN)' })
  partnerId!: string;
  @Field(() => [String], { description: 'Stage codes of the vocabulary, or kitchen capabilities (1 to 40)' })
  stageCodes!: string[];
}
