import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * A studio's catalogue: its product families, its products (and the shop SKUs that name them),
 * and the routes they follow, versioned. Orders copy a route version's steps onto their stage
 * runs at import: nothing here is looked up again for an order in flight.
 */

/** One step of a route version, as stored (JSON on the version) and as orders copy it. */
export interface RouteStepDefinition {
  statusCode: string;
  standardMinutes: number;
  qcCheckpoint: boolean;
  /** The work center the stage needs (the capacity subgraph's code), if any. */
  workCenterCode: string | null;
  /** The stage code an operator must have among their skills to work it, if any. */
  skill: string | null;
  /** Whether the studio may hand this stage to a partner workshop. */
  partnerAllowed: boolean;
}

@ObjectType({ description: "A family of a studio's products (what was the three-value ProductType): its own code and names" })
@Entity({ tableName: 'product_family' })
export class ProductFamily {
  [OptionalProps]?: 'revision';

  @Field(() => ID, { description: 'The studio whose family it is' })
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @Field()
  @PrimaryKey({ type: 'string', length: 40 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  revision: number = 1;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

@ObjectType({ description: "A product of a studio's catalogue: its code, family, route and the shop SKUs that map to it" })
@Entity({ tableName: 'catalogue_product' })
export class CatalogueProduct {
  [OptionalProps]?: 'revision' | 'priceCents' | 'shopSkus';

  @Field(() => ID, { description: 'The studio whose product it is' })
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @Field({ description: "The studio's own product code" })
  @PrimaryKey({ type: 'string', length: 80 })
  productCode!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Field({ description: "The product family's code" })
  @Property({ type: 'string', length: 40 })
  familyCode!: string;

  @Field({ description: 'The route its orders follow (the version current when each order is imported)' })
  @Property({ type: 'string', length: 40 })
  routeCode!: string;

  @Field(() => [String], { description: 'Shop SKUs an imported order line may name it by; "TEA-*" maps every SKU starting TEA-' })
  @Property({ type: 'json' })
  shopSkus: string[] = [];

  @Field(() => Int, { nullable: true, description: 'List price in fen (1/100 CNY), when the studio keeps one here' })
  @Property({ type: 'integer', nullable: true })
  priceCents?: number | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  revision: number = 1;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

/** A shop SKU of a studio, mapped to one of its products: unique per studio (the index a shop order is resolved by). */
@Entity({ tableName: 'product_shop_sku' })
@Index({ properties: ['studioId', 'productCode'] })
export class ProductShopSku {
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @PrimaryKey({ type: 'string', length: 81 })
  shopSku!: string;

  @Property({ type: 'string', length: 80 })
  productCode!: string;
}

@ObjectType({ description: "A route of a studio's catalogue: its stages, versioned (an edit makes a new version)" })
@Entity({ tableName: 'catalogue_route' })
export class CatalogueRoute {
  [OptionalProps]?: 'nameZh' | 'nameEn';

  @Field(() => ID, { description: 'The studio whose route it is' })
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @Field()
  @PrimaryKey({ type: 'string', length: 40 })
  code!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  nameZh?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  nameEn?: string | null;

  @Field(() => Int, { description: 'The version orders imported from now on follow' })
  @Property({ type: 'integer' })
  currentVersion!: number;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

/** One version of a route: never changed once written (orders imported on it copied its steps). */
@Entity({ tableName: 'route_version' })
export class RouteVersion {
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @PrimaryKey({ type: 'string', length: 40 })
  routeCode!: string;

  @PrimaryKey({ type: 'integer' })
  version!: number;

  @Property({ type: 'json' })
  steps!: RouteStepDefinition[];

  @Property({ type: 'datetime' })
  createdAt!: Date;

  /** Who made the version (the actor's subject). */
  @Property({ type: 'string', length: 200 })
  createdBy!: string;
}
