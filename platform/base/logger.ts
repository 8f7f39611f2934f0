import pino from 'pino';
import { traceIds } from './tracing';

/**
 * Personal data and credentials are not logged: log lines name orders, messages and requests by
 * id. Should an object that carries them reach a log line anyway (an error's request, a payload),
 * these fields are censored — a second line of defence, not a licence to log such objects.
 */
export const REDACTED_FIELDS = [
  'authorization',
  'token',
  'link',
  'secret',
  'wechatOpenId',
  'openId',
  'touser',
  'customer',
  'contact',
  'phone',
  'address',
];

/** The logger's settings (tests build one on their own stream with them). */
export const LOGGER_OPTIONS: pino.LoggerOptions = {
  level: 'info',
  base: undefined,
  mixin: traceIds,
  redact: {
    // The field at the top of a line's object, one level down, and in its headers.
    paths: REDACTED_FIELDS.flatMap((field) => [field, `*.${field}`, `*.headers.${field}`]),
    censor: '[redacted]',
  },
};

/** One structured logger for the hub; each process's entry sets its threshold from LOG_LEVEL (configureLogging). */
export const logger = pino(LOGGER_OPTIONS);

export function configureLogging(level: string): void {
  logger.level = level;
}
