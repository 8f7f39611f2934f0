import 'reflect-metadata';
import { configureLogging } from '../platform/runtime/logger';

// Tests log nothing unless asked (LOG_LEVEL=debug npm test).
configureLogging(process.env.LOG_LEVEL ?? 'silent');
