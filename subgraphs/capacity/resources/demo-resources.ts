import { chinaHolidays } from '../../../contracts';
import type { RequestContext } from '../../../platform/access/context';
import type { WorkCenterKind } from './work-center.entity';
import { resourcesService } from './resources.service';

/** Mon–Sat 09:00–18:00 with lunch 12:00–13:00, Sunday closed. */
const WORKSHOP_WEEK = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
  { weekday, start: '09:00', end: '12:00' },
  { weekday, start: '13:00', end: '18:00' },
]);

interface DemoStudio {
  id: string;
  centers: {
    code: string;
    nameZh: string;
    nameEn: string;
    kind: WorkCenterKind;
    capacityPerBatch: number;
    batchMinutes: number;
    setupMinutes: number;
  }[];
  operators: { code: string; penName: string; realName: string; skills: string[] }[];
}

const STUDIOS: DemoStudio[] = [
  {
    id: 'moyun-studio',
    centers: [
      { code: 'kiln-1', nameZh: '一号窑', nameEn: 'Kiln 1', kind: 'KILN', capacityPerBatch: 48, batchMinutes: 720, setupMinutes: 60 },
      {
        code: 'desk-1',
        nameZh: '描金台',
        nameEn: 'Gilding desk',
        kind: 'PAINTING_DESK',
        capacityPerBatch: 1,
        batchMinutes: 240,
        setupMinutes: 15,
      },
    ],
    operators: [
      { code: 'op-mobai', penName: '墨白', realName: '王芳', skills: ['C10', 'C20', 'C30', 'C50'] },
      { code: 'op-qingyao', penName: '青窑', realName: '李强', skills: ['C40', 'C60', 'E10'] },
    ],
  },
  {
    id: 'moyun-bakery',
    centers: [
      { code: 'oven-1', nameZh: '一号烤箱', nameEn: 'Oven 1', kind: 'OVEN', capacityPerBatch: 12, batchMinutes: 45, setupMinutes: 10 },
    ],
    operators: [{ code: 'op-tangxin', penName: '糖心', realName: '陈静', skills: ['C81', 'C82', 'C83', 'C84'] }],
  },
  {
    id: 'youcaifeng',
    centers: [
      {
        code: 'table-1',
        nameZh: '裁床',
        nameEn: 'Cutting table',
        kind: 'CUTTING_TABLE',
        capacityPerBatch: 4,
        batchMinutes: 45,
        setupMinutes: 15,
      },
    ],
    operators: [
      { code: 'op-jinzhen', penName: '金针', realName: '赵敏', skills: ['C71', 'C72', 'C74'] },
      { code: 'op-yunchi', penName: '云尺', realName: '周杰', skills: ['A20', 'C73', 'C75', 'E10'] },
    ],
  },
];

/**
 * The demo studios' calendars (the shipped 2026 holidays), work centers and operators, set
 * through the service calls a studio's own mutations make; keyed, so a restart replays them.
 */
export async function seedDemoResources(ctx: RequestContext<unknown>): Promise<void> {
  for (const studio of STUDIOS) {
    if (await resourcesService.calendarOf(ctx.em.fork(), studio.id)) continue;
    const enterpriseId = studio.id;
    for (const center of studio.centers)
      await resourcesService.upsertWorkCenter(ctx, { enterpriseId, ...center }, `demo-${enterpriseId}-${center.code}`);
    for (const operator of studio.operators)
      await resourcesService.upsertOperator(ctx, { enterpriseId, ...operator, shiftHours: [] }, `demo-${enterpriseId}-${operator.code}`);
    // Last: a studio with its calendar is seeded whole.
    await resourcesService.setCalendar(
      ctx,
      { enterpriseId, hours: WORKSHOP_WEEK, closures: chinaHolidays(2026), makeUpWeekday: 1 },
      `demo-${enterpriseId}-calendar`,
    );
  }
}
