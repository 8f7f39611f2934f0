import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { VisibilityTier } from '../../contracts';
import type { GraphQLContext } from '../../platform/access/context';
import { VisibilityTierEnum } from '../../platform/graphql/enums';
import { requireId } from '../../platform/data/ids';
import { CustomerLink } from './entities/customer-link';
import type { OrderLoaders } from './loaders';
import { CustomerLinkService } from './customer-link.service';
import { ID_PREFIX } from './order-loaders';

type Context = GraphQLContext<OrderLoaders>;

@ObjectType({ description: 'A freshly minted customer link: the token is shown once, here' })
class MintedCustomerLink {
  @Field(() => CustomerLink)
  link!: CustomerLink;

  @Field({ description: 'The link credential, to exchange with exchangeCustomerLink' })
  token!: string;

  @Field({ description: 'The page the link opens, carrying the token' })
  url!: string;
}

@ObjectType({ description: 'A short-lived customer token for one order; exchange the link again to refresh it' })
class CustomerSession {
  @Field({ description: 'Bearer token for the Authorization header' })
  token!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => ID)
  orderId!: string;

  @Field(() => VisibilityTierEnum, { description: "The tier the token carries (the order's cap still applies)" })
  tier!: VisibilityTier;
}

@Resolver(() => CustomerLink)
export class CustomerLinkResolver {
  constructor(private readonly links = new CustomerLinkService()) {}

  @Query(() => [CustomerLink], { description: 'The customer links minted for an order, newest first' })
  customerLinks(@Arg('orderId', () => ID) orderId: string, @Ctx() { ctx }: Context): Promise<CustomerLink[]> {
    requireId(ID_PREFIX.order, orderId, 'order');
    return ctx.em.find(CustomerLink, { orderId }, { orderBy: { id: 'desc' } });
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether you minted it (staff have no names in the hub: a link is yours or a colleague’s)',
  })
  mintedByYou(@Root() link: CustomerLink, @Ctx() { ctx }: Context): boolean {
    return link.createdBy === ctx.actor.subject;
  }

  @Mutation(() => MintedCustomerLink, { description: 'Mints a signed link for the customer of one order' })
  mintCustomerLink(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
    @Arg('tier', () => VisibilityTierEnum, { nullable: true, description: "Defaults to the order's cap" }) tier?: VisibilityTier,
    @Arg('validDays', () => Int, { defaultValue: 90 }) validDays = 90,
  ): Promise<MintedCustomerLink> {
    return this.links.mintLink(ctx, orderId, { tier, validDays }, idempotencyKey);
  }

  @Mutation(() => CustomerLink, { description: 'Revokes a link: it can no longer be exchanged, and tokens minted from it stop working' })
  revokeCustomerLink(@Arg('linkId', () => ID) linkId: string, @Ctx() { ctx }: Context): Promise<CustomerLink> {
    return this.links.revokeLink(ctx, linkId);
  }

  @Mutation(() => CustomerSession, { description: 'Exchanges a customer link for a short-lived token; call again to refresh' })
  exchangeCustomerLink(
    @Arg('link') link: string,
    @Ctx() { ctx }: Context,
    @Arg('tier', () => VisibilityTierEnum, { nullable: true, description: 'The tier the customer chooses (at most what the link offers)' })
    tier?: VisibilityTier,
  ): Promise<CustomerSession> {
    return this.links.exchange(ctx, link, tier);
  }
}
