export * from './cbv';
export * from './enterprise';
export * from './events';
export * from './exception-codes';
export * from './identity';
export * from './status-codes';
export * from './tiers';
export * from './vocabulary';
