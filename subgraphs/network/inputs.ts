import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ENTERPRISE_ID_PATTERN, isGln, type EnterpriseKind, type InvitationChannel, type Role, type SupplierTier } from '../../contracts';
import { EnterpriseKindEnum } from './enterprise';
import { InvitationChannelEnum } from './invitation';
import { RoleEnum } from './membership';
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

/** Someone an enterprise invites: how to reach them, the name they will be listed under, their roles. */
@InputType({ description: 'An invitation: the e-mail address or phone number it is for, a display name, the roles, how long it is valid' })
export class InvitationInput {
  @Field(() => InvitationChannelEnum)
  channel!: InvitationChannel;
  @Field({ description: 'The e-mail address (EMAIL) or phone number (PHONE, digits with an optional leading +)' })
  @Length(3, 254, { message: 'contact must be 3 to 254 characters' })
  contact!: string;
  @Field({ nullable: true, description: 'The name the member will be listed under (1 to 200 characters)' })
  @IsOptional()
  @Length(1, 200, { message: 'displayName must be 1 to 200 characters' })
  displayName?: string;
  @Field(() => [RoleEnum], { description: "Roles from the enterprise's kind (a studio: STUDIO_ADMIN, SUPERVISOR, OPERATOR)" })
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayMaxSize(8, { message: 'roles may name at most 8 roles' })
  roles!: Role[];
  @Field(() => Int, { defaultValue: 168, description: 'Hours the link is valid: 1 to 720 (30 days), 7 days by default' })
  @Min(1, { message: 'validHours must be 1 to 720' })
  @Max(720, { message: 'validHours must be 1 to 720' })
  validHours!: number;
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
