/** The partner's workspace. */
export const partner = {
  partner: {
    title: 'Partner workspace',
    stages: 'Stages handed to you',
    noStages: 'No stages are assigned to you right now.',
    decline: 'Decline',
    allocations: 'Allocations',
    noAllocations: 'No allocations.',
  },
};
