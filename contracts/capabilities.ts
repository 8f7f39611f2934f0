import { findStatusCode } from './status-codes';

/**
 * What capacity is offered and asked for: a production stage (its status code, e.g. C50 hand
 * gilding) or a kitchen capability for pastry boxes.
 */
export const KITCHEN_CAPABILITIES = ['KITCHEN_COLD_CHAIN_PASTRY', 'KITCHEN_BAKING', 'KITCHEN_PACKING'] as const;
export type KitchenCapability = (typeof KITCHEN_CAPABILITIES)[number];

export function isCapability(code: string): boolean {
  return (KITCHEN_CAPABILITIES as readonly string[]).includes(code) || findStatusCode(code)?.phase === 'PRODUCTION';
}
