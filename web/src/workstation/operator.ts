import { useCallback, useState } from 'react';

/**
 * What the workstation remembers on this device (localStorage, so it outlives the tab a scanned
 * ticket opens): who is working — real name and pen name, recorded with each stage they start —
 * and the station they chose. Nothing here is sent anywhere but with the stages they start.
 */
export interface Operator {
  name: string;
  penName: string;
  /** The studio's code for a registered operator: the hub then checks their skills when they start a stage. */
  code?: string;
}

const OPERATOR_KEY = 'weft.operator';
const STATION_KEY = 'weft.station';

function read<T>(key: string, valid: (value: unknown) => value is T): T | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    return valid(value) ? value : null;
  } catch {
    return null;
  }
}

const isOperator = (value: unknown): value is Operator =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Operator).name === 'string' &&
  typeof (value as Operator).penName === 'string' &&
  (value as Operator).name.trim() !== '' &&
  (value as Operator).penName.trim() !== '';
const isStation = (value: unknown): value is string => typeof value === 'string';

function useStored<T>(key: string, valid: (value: unknown) => value is T): [T | null, (value: T | null) => void] {
  const [value, setValue] = useState<T | null>(() => read(key, valid));
  const keep = useCallback(
    (next: T | null) => {
      if (next === null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(next));
      setValue(next);
    },
    [key],
  );
  return [value, keep];
}

/** The operator working at this device, remembered across tabs and visits. */
export const useOperator = () => useStored(OPERATOR_KEY, isOperator);

/** The stage code this device works ('' or null: every stage the role may work). */
export const useStation = () => useStored(STATION_KEY, isStation);
