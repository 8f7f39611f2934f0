/** The partner's workspace. */
export const partner = {
  partner: {
    title: 'Partner workspace',
    stages: 'Stages handed to you',
    noStages: 'No stages are assigned to you right now.',
    decline: 'Decline',
    declineTitle: 'Decline this work?',
    declineConsequence: 'The studio gets the work back and may give it to another workshop. You cannot take it back yourself.',
    declineConfirm: 'Decline the work',
    allocations: 'Allocations',
    noAllocations: 'No allocations.',
    // u-lang: today's work first, what each stage is for, whether it may start
    group: { today: 'Today', later: 'Coming up', finished: 'Done' },
    ready: 'Ready to start',
    notReady: 'Waiting for an earlier stage',
    notReadyWhy: 'It can start once the stage before it is done.',
    workFor: '{{product}} for {{studio}}',
    unknownProduct: 'A custom piece',
    inscription: 'Inscription',
    listSeparator: ', ',
    allocationStatus: { ACTIVE: 'Booked', DECLINED: 'Declined', RELEASED: 'Released' },
  },
};
