import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { isGln } from '../../contracts';
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
