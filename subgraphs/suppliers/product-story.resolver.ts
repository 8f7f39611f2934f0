import type { EntityManager } from '@mikro-orm/core';
import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../platform/access/context';
import { Material } from './entities/material';
import { EnterpriseSupply } from './entities/references';
import { Reservation } from './entities/stock';
import { TracedProduct } from './entities/traced-product';

/** The orders subgraph's ProductStory, extended here with where its materials came from. */
@Directive('@key(fields: "code")')
@ObjectType('ProductStory')
export class ProductStoryOrigins {
  @Field()
  code!: string;
}

@ObjectType({
  description: 'A material a product was made from: what it is, its lot and the supplier it came from (no quantities, no costs)',
})
export class MaterialOrigin {
  @Field()
  sku!: string;

  @Field({ description: "The material's name in the catalogue" })
  materialName!: string;

  @Field()
  lotCode!: string;

  @Field(() => EnterpriseSupply)
  supplier!: EnterpriseSupply;
}

/** The lots consumed by the order a code was made for, one entry per lot; empty while the code is unknown here. */
export async function materialOriginsOf(em: EntityManager, code: string): Promise<MaterialOrigin[]> {
  const product = await em.findOne(TracedProduct, { code }, { filters: false });
  if (!product) return [];
  const reservations = await em.find(
    Reservation,
    { orderId: product.orderId, status: { $ne: 'RELEASED' } },
    { filters: false, orderBy: { sku: 'asc', lotCode: 'asc' } },
  );
  const materials = await em.find(
    Material,
    { studioId: product.studioId, sku: { $in: [...new Set(reservations.map((reservation) => reservation.sku))] } },
    { filters: false },
  );
  const nameOf = new Map(materials.map((material) => [material.sku, material.name]));
  const origins = new Map<string, MaterialOrigin>();
  for (const reservation of reservations) {
    const key = `${reservation.supplierId}\n${reservation.sku}\n${reservation.lotCode}`;
    if (!origins.has(key))
      origins.set(key, {
        sku: reservation.sku,
        materialName: nameOf.get(reservation.sku) ?? reservation.sku,
        lotCode: reservation.lotCode,
        supplier: { id: reservation.supplierId },
      });
  }
  return [...origins.values()];
}

@Resolver(() => ProductStoryOrigins)
export class ProductStoryOriginsResolver {
  @FieldResolver(() => [MaterialOrigin], { description: 'Where its materials came from: each lot the order consumed, by supplier' })
  materialOrigins(@Root() story: ProductStoryOrigins, @Ctx() { ctx }: GraphQLContext): Promise<MaterialOrigin[]> {
    return materialOriginsOf(ctx.em, story.code);
  }
}
