import 'reflect-metadata';

// The suites run the libraries as the image does (NODE_ENV=production). Otherwise graphql-js
// looks for a second copy of itself after every instanceof that fails, which is about 4 % of an
// integration suite's CPU; Apollo Server's settings that depend on it are set explicitly.
process.env.NODE_ENV = 'production';
import { configureLogging } from '../platform/base/logger';

// Tests log nothing unless asked (LOG_LEVEL=debug npm test).
configureLogging(process.env.LOG_LEVEL ?? 'silent');
