import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { ImportProblemShape, ImportResultShape, ImportSheet } from '../../contracts';

/** Shareable: every subgraph that takes a sheet of master data answers with it (contracts/master-data-import.ts). */
@Directive('@shareable')
@ObjectType({ description: 'A row of an imported sheet that was refused, and why' })
export class ImportProblem implements ImportProblemShape {
  @Field(() => String, { description: 'products, routes, materials, boms, operators or workCenters' })
  sheet!: ImportSheet;

  @Field(() => Int, { description: 'The row as the spreadsheet numbers it; the header is row 1' })
  row!: number;

  @Field(() => String, { nullable: true, description: 'The column at fault, when one is' })
  field!: string | null;

  @Field({ description: 'MISSING, INVALID, UNKNOWN_REFERENCE, DUPLICATE or NOT_ALLOWED' })
  code!: string;

  @Field()
  message!: string;
}

@Directive('@shareable')
@ObjectType({ description: 'What an import did, or on a dry run would do; nothing is applied when any row is refused' })
export class ImportResult implements ImportResultShape {
  @Field()
  dryRun!: boolean;

  @Field()
  applied!: boolean;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => [ImportProblem])
  problems!: ImportProblem[];
}
