import type { AccessPolicy } from '../../platform/access/policy';

/** The shared vocabulary is public: every participant reads the same codes. */
export const vocabularyAccess: AccessPolicy = {
  operations: {
    'Query.statusCodes': 'PUBLIC',
    'Query.statusCode': 'PUBLIC',
    'Query.exceptionCodes': 'PUBLIC',
    'Query.vocabularyVersion': 'PUBLIC',
  },
  types: { StatusCode: { public: true }, ExceptionCode: { public: true } },
};
