import { CapabilitiesSchema, type Capability } from './schema';

const COMPUTE = { kind: ['service', 'web_server', 'api_gateway', 'worker'], name: 'a service' };

/**
 * What any design must serve when no prompt says more (the general rubric, a user's prompt
 * without capabilities): requests reach a service, and the service keeps data somewhere.
 */
export const GENERIC_CAPABILITIES: readonly Capability[] = Object.freeze(
  CapabilitiesSchema.parse([
    {
      id: 'requests-served',
      title: 'Requests reach a service that handles them',
      core: true,
      rule: 'load-balancing',
      missing: 'No service handles requests yet: draw the path from the clients to the service that answers them.',
      chain: [COMPUTE],
    },
    {
      id: 'data-stored',
      title: 'The service keeps its data in a store',
      core: true,
      rule: 'database-choice',
      missing: 'Nothing stores data yet: the service that handles requests must read and write a database or storage.',
      chain: [COMPUTE, { kind: ['database', 'object_storage', 'search', 'cache'], name: 'a database or storage' }],
    },
  ]),
);
