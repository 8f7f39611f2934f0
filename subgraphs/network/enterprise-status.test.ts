import { ENTERPRISE_STATUSES } from '../../contracts';
import { allowsEnterpriseMove, ENTERPRISE_MOVES, LISTED_STATUSES } from './enterprise-status';

describe('the enterprise status table', () => {
  it('names every status, decides an application once, and lets suspension go both ways', () => {
    expect(Object.keys(ENTERPRISE_MOVES).sort()).toEqual([...ENTERPRISE_STATUSES].sort());
    expect(allowsEnterpriseMove('APPLIED', 'ACTIVE')).toBe(true);
    expect(allowsEnterpriseMove('APPLIED', 'REJECTED')).toBe(true);
    expect(allowsEnterpriseMove('APPLIED', 'SUSPENDED')).toBe(false);
    expect(allowsEnterpriseMove('ACTIVE', 'SUSPENDED')).toBe(true);
    expect(allowsEnterpriseMove('SUSPENDED', 'ACTIVE')).toBe(true);
    expect(allowsEnterpriseMove('ACTIVE', 'REJECTED')).toBe(false);
    for (const to of ENTERPRISE_STATUSES) expect(allowsEnterpriseMove('REJECTED', to)).toBe(false);
  });

  it('keeps applications out of the public directory', () => {
    expect([...LISTED_STATUSES].sort()).toEqual(['ACTIVE', 'SUSPENDED']);
  });
});
