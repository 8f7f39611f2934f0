import { describe, expect, it } from 'vitest';
import { partnerWorkOrder } from './work-order';
import { purchaseOrdersInOrder } from '../supplier/purchase-order-order';

const stage = (id: string, status: string, ready: boolean, dueAt: string | null) => ({ id, status, ready, dueAt }) as never;

describe("a partner's work, today's first", () => {
  it('puts running work, then what may start, then what waits, each by due time; done last; later days apart', () => {
    const now = new Date('2026-12-07T02:00:00Z'); // 10:00 in Shanghai
    const { today, later, finished } = partnerWorkOrder(
      [
        stage('waits-today', 'PENDING', false, '2026-12-07T09:00:00Z'),
        stage('done', 'DONE', false, '2026-12-06T09:00:00Z'),
        stage('ready-late', 'PENDING', true, '2026-12-09T09:00:00Z'),
        stage('running', 'IN_PROGRESS', false, '2026-12-08T09:00:00Z'),
        stage('ready-soon', 'PENDING', true, '2026-12-07T04:00:00Z'),
        stage('waits-tomorrow', 'PENDING', false, '2026-12-08T01:00:00Z'),
      ],
      now,
    );
    expect(today.map((s: any) => s.id)).toEqual(['running', 'ready-soon', 'ready-late', 'waits-today']);
    expect(later.map((s: any) => s.id)).toEqual(['waits-tomorrow']);
    expect(finished.map((s: any) => s.id)).toEqual(['done']);
  });
});

describe("a supplier's purchase orders", () => {
  it('come to confirm first, then to ship, each by expected day; the rest newest first', () => {
    const order = (id: string, status: string, expectedAt: string, placedAt: string) => ({ id, status, expectedAt, placedAt });
    const sorted = purchaseOrdersInOrder([
      order('received', 'RECEIVED', '2026-12-01', '2026-11-20'),
      order('confirm-late', 'PLACED', '2026-12-10', '2026-12-01'),
      order('ship', 'CONFIRMED', '2026-12-05', '2026-11-28'),
      order('shipped', 'SHIPPED', '2026-12-04', '2026-11-25'),
      order('confirm-soon', 'PLACED', '2026-12-08', '2026-12-02'),
    ]);
    expect(sorted.map((purchase) => purchase.id)).toEqual(['confirm-soon', 'confirm-late', 'ship', 'shipped', 'received']);
  });
});
