import { VOCABULARY } from '../../contracts';
import { ROUTE_TEMPLATES } from './route-templates';

describe('route templates', () => {
  it('express the teaware, tailoring and pastry routes, with the three teaware QC checkpoints', () => {
    expect(ROUTE_TEMPLATES.map((template) => template.productType).sort()).toEqual([
      'CALLIGRAPHY_TEAWARE',
      'PASTRY_BOX',
      'TAILORED_GARMENT',
    ]);
    for (const template of ROUTE_TEMPLATES) for (const step of template.steps) expect(VOCABULARY.findStatus(step.statusCode)).toBeDefined();
    const teaware = ROUTE_TEMPLATES.find((template) => template.productType === 'CALLIGRAPHY_TEAWARE')!;
    expect(teaware.steps.map((step) => step.statusCode)).toEqual(['A10', 'B10', 'C10', 'C20', 'C30', 'C40', 'C50', 'C60', 'E10']);
    expect(teaware.steps.filter((step) => step.qcCheckpoint).map((step) => step.statusCode)).toEqual(['C20', 'C40', 'E10']);
  });
});
