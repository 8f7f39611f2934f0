import { CAPTURE_LIMITS } from '../contracts';

/** Where a parsed capture document passes one of CAPTURE_LIMITS, and which. */
export interface BoundPassed {
  bound: 'depth' | 'arrayItems' | 'stringChars';
  /** A JSON pointer to the place (`/epcisBody/eventList/0/epcList`), long names cut short. */
  path: string;
  /** What the document holds there: the depth, the items, the characters. */
  size: number;
}

interface Visit {
  value: unknown;
  parent: Visit | null;
  key: string;
  depth: number;
}

const pointerOf = (visit: Visit): string => {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent)
    keys.push((at.key.length > 40 ? `${at.key.slice(0, 40)}…` : at.key).replaceAll('~', '~0').replaceAll('/', '~1'));
  return keys.length ? `/${keys.reverse().join('/')}` : '/';
};

/**
 * The first place a parsed JSON document passes a capture's bounds (nesting, items of any one
 * array, characters of any one string, member names included), or null. Every later step —
 * GS1's schema, the event hash, the events' own reading — then works on a document whose cost is
 * bounded by its size. Iterative, so a document nested past any stack is measured, not recursed.
 */
export function firstBoundPassed(document: unknown): BoundPassed | null {
  const stack: Visit[] = [{ value: document, parent: null, key: '', depth: 1 }];
  while (stack.length) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (typeof value === 'string') {
      if (value.length > CAPTURE_LIMITS.stringChars) return { bound: 'stringChars', path: pointerOf(visit), size: value.length };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > CAPTURE_LIMITS.depth) return { bound: 'depth', path: pointerOf(visit), size: depth };
    if (Array.isArray(value)) {
      if (value.length > CAPTURE_LIMITS.arrayItems) return { bound: 'arrayItems', path: pointerOf(visit), size: value.length };
      for (let index = value.length - 1; index >= 0; index -= 1)
        stack.push({ value: (value as unknown[])[index], parent: visit, key: String(index), depth: depth + 1 });
      continue;
    }
    const members = Object.entries(value as Record<string, unknown>);
    for (let index = members.length - 1; index >= 0; index -= 1) {
      const [key, member] = members[index];
      const child = { value: member, parent: visit, key, depth: depth + 1 };
      if (key.length > CAPTURE_LIMITS.stringChars) return { bound: 'stringChars', path: pointerOf(child), size: key.length };
      stack.push(child);
    }
  }
  return null;
}
