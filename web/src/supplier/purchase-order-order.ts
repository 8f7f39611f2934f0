/** Purchase orders waiting for this supplier come first: to confirm, then to ship; then the rest, newest first. */
export const ACTION_ORDER: Record<string, number> = { PLACED: 0, CONFIRMED: 1 };
export function purchaseOrdersInOrder<P extends { status: string; expectedAt?: string | null; placedAt?: string | null }>(
  purchases: readonly P[],
): P[] {
  const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.MAX_SAFE_INTEGER);
  return [...purchases].sort((a, b) => {
    const [rankA, rankB] = [ACTION_ORDER[a.status] ?? 2, ACTION_ORDER[b.status] ?? 2];
    if (rankA !== rankB) return rankA - rankB;
    return rankA < 2 ? time(a.expectedAt) - time(b.expectedAt) : time(b.placedAt) - time(a.placedAt);
  });
}
