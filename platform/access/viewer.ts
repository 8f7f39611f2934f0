import type { EventActor, Principal, Role, VisibilityTier } from '../../contracts';
import { isNewcomer, STUDIO_STAFF } from '../../contracts';

/** How a viewer stands to a row: decided once per row and viewer (see policy.ts), kept in the viewer's memo. */
export type Relation =
  { kind: 'SYSTEM' | 'STUDIO' | 'HUB' | 'PARTNER' | 'SUPPLIER' | 'PUBLIC' | 'NONE' } | { kind: 'CUSTOMER'; tier: VisibilityTier | null };

/** Roles that hold stages allocated to them by another studio. */
export const CAPACITY_PARTNERS: readonly Role[] = ['PARTNER', 'KITCHEN'];

/**
 * Who is asking, for one request: the verified principal (or nobody), plus a per-request memo
 * for what row rules must look up once (a partner's assigned orders, a customer's orders and
 * tiers). MikroORM copies filter parameters into every fork; `clone()` keeps that copy this
 * same viewer, so every fork of a request shares one memo.
 */
export class Viewer {
  private readonly memo = new Map<string, Promise<unknown>>();
  /** Each row's relation to this viewer, once computed (see access/enforce.ts). */
  readonly relations = new WeakMap<object, Relation | Promise<Relation>>();

  private constructor(
    readonly principal: Principal | null,
    /** The hub itself (seeding, event handlers): bypasses row and field rules. */
    readonly system: boolean,
  ) {}

  static of(principal: Principal | null): Viewer {
    return new Viewer(principal, false);
  }

  static system(): Viewer {
    return new Viewer(null, true);
  }

  get authenticated(): boolean {
    return this.principal !== null;
  }

  get org(): string | null {
    return this.principal?.org ?? null;
  }

  has(roles: readonly Role[]): boolean {
    return this.principal?.roles.some((role) => roles.includes(role)) ?? false;
  }

  /** Staff of this enterprise (admin, supervisor or operator). */
  isStaffOf(enterpriseId: string): boolean {
    return this.org === enterpriseId && this.has(STUDIO_STAFF);
  }

  /** Signed in with no membership yet (an identity-only token): see policy.ts RolesOrNewcomers. */
  get isNewcomer(): boolean {
    return isNewcomer(this.principal);
  }

  get isHubAdmin(): boolean {
    return this.has(['HUB_ADMIN']);
  }

  get actor(): EventActor {
    if (this.system) return { subject: 'system', enterprise: null };
    return { subject: this.principal?.subject ?? 'anonymous', enterprise: this.org };
  }

  /** Computes `key` once per request. */
  remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      this.memo.set(key, value);
    }
    return value;
  }

  clone(): Viewer {
    return this;
  }
}
