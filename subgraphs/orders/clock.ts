/** A service's clock: real time in production, a fixed one when seeding history. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
