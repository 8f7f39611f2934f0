import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { enforceAccess } from '../platform/access/enforce';
import { operationDecision, type AccessPolicy } from '../platform/access/policy';
import { Viewer } from '../platform/access/viewer';
import { SUBGRAPHS } from '../subgraphs/registry';
import { hubAdmin } from './support/principals';

/**
 * Hub admins read across the network but write only its directory: every mutation of every
 * subgraph refuses them, except the directory writes (which their services audit), and a policy
 * that would let them write anything else does not start.
 */
describe('hub admins write only the directory', () => {
  const mutations = SUBGRAPHS.flatMap((definition) =>
    Object.entries(definition.access.operations)
      .filter(([key]) => key.startsWith('Mutation.'))
      .map(([key, rule]) => ({ key: `${definition.name} ${key}`, rule })),
  );

  it('every mutation but the directory writes (and the public link exchange) refuses a hub admin', () => {
    const viewer = Viewer.of(hubAdmin());
    // Whatever enterprise a call names: a role rule refuses hub admins before it reads the arguments.
    const admitted = mutations.filter(({ rule }) => operationDecision(rule, viewer, {}) === 'allow');
    expect(admitted.map(({ key }) => key).sort()).toEqual([
      // The directory: an entry's names, and who is in the network (each write audited).
      'network Mutation.approveEnterprise',
      'network Mutation.changeEnterprise',
      // Who belongs to which enterprise (members.service.ts; each change audited).
      'network Mutation.changeMemberRoles',
      // A studio's suppliers and partners (relationships; each change audited).
      'network Mutation.endPartnerRelationship',
      'network Mutation.endSupplierRelationship',
      'network Mutation.inviteMember',
      'network Mutation.registerEnterprise',
      'network Mutation.reinstateEnterprise',
      'network Mutation.rejectEnterprise',
      'network Mutation.removeMember',
      'network Mutation.revokeInvitation',
      'network Mutation.setPartnerRelationship',
      'network Mutation.setSupplierRelationship',
      'network Mutation.suspendEnterprise',
      'orders Mutation.exchangeCustomerLink',
    ]);
    // Every mutation the hub serves was looked at.
    const served = buildSchema(fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'api', 'hub.graphql'), 'utf8'));
    expect(mutations.map(({ key }) => key.split('.')[1]).sort()).toEqual(Object.keys(served.getMutationType()!.getFields()).sort());
  });

  it('refuses to start a subgraph whose policy lets a hub admin write inside an enterprise', () => {
    const schema = () =>
      buildSchema(`type Query { stock: Int } type Mutation { publishStock(supplierId: ID!): Int changeEntry(id: ID!): Int }`);
    const policy = (publishStock: AccessPolicy['operations'][string]): AccessPolicy => ({
      operations: {
        'Query.stock': 'AUTHENTICATED',
        'Mutation.publishStock': publishStock,
        'Mutation.changeEntry': { roles: ['STUDIO_ADMIN', 'HUB_ADMIN'], actsFor: (args) => String(args.id), directory: true },
      },
      types: {},
    });
    expect(() => enforceAccess(schema(), policy(['SUPPLIER', 'HUB_ADMIN']), 'test')).toThrow(
      /Mutation\.publishStock lets HUB_ADMIN write inside an enterprise/,
    );
    expect(() =>
      enforceAccess(schema(), policy({ roles: ['SUPPLIER', 'HUB_ADMIN'], actsFor: (args) => String(args.supplierId) }), 'test'),
    ).toThrow(/Mutation\.publishStock lets HUB_ADMIN write inside an enterprise/);
    expect(() => enforceAccess(schema(), policy('AUTHENTICATED'), 'test')).toThrow(/Mutation\.publishStock admits any token/);
    expect(() => enforceAccess(schema(), policy(['SUPPLIER']), 'test')).not.toThrow();
  });
});
