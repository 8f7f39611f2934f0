import type { AllocationInstance, AllocationOffer } from './model';

/** An instance as it crosses to the solver thread (sets become arrays). */
export type WireInstance = Omit<AllocationInstance, 'offers'> & {
  offers: (Omit<AllocationOffer, 'sharedWith'> & { sharedWith: string[] | 'ALL' })[];
};

export const toWire = (instance: AllocationInstance): WireInstance => ({
  ...instance,
  offers: instance.offers.map((offer) => ({ ...offer, sharedWith: offer.sharedWith === 'ALL' ? 'ALL' : [...offer.sharedWith] })),
});

export const reviveInstance = (wire: WireInstance): AllocationInstance => ({
  ...wire,
  offers: wire.offers.map((offer) => ({ ...offer, sharedWith: offer.sharedWith === 'ALL' ? 'ALL' : new Set(offer.sharedWith) })),
});
