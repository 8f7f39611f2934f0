import { ValidateBy } from 'class-validator';

/** An input string that must pass one of the vocabulary's checks (a GTIN, a GLN …): refused as BAD_USER_INPUT with `message`. */
export const Satisfies = (name: string, check: (value: string) => boolean, message: string) =>
  ValidateBy({ name, validator: { validate: (value) => typeof value === 'string' && check(value), defaultMessage: () => message } });
