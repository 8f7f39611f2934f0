/**
 * The environment readings an operator may enter when completing a stage (the API's
 * `CompleteStageInput.environment`), named as the hub's demo data and EPCIS export name them:
 * the kiln for firing, the oven for baking, the workshop for hand work; humidity everywhere.
 */
export interface ReadingField {
  /** The catalogue key of its label (workstation.reading.<key>). */
  key: 'kiln' | 'oven' | 'workshop' | 'humidity';
  /** The reading's name as the hub keeps it. */
  name: string;
  unit: string;
  min: number;
  max: number;
}

const KILN_STAGES = new Set(['C40', 'C60']);
const OVEN_STAGES = new Set(['C82']);

export function readingFields(code: string): ReadingField[] {
  const temperature: ReadingField = KILN_STAGES.has(code)
    ? { key: 'kiln', name: 'kiln temperature', unit: '°C', min: 0, max: 1600 }
    : OVEN_STAGES.has(code)
      ? { key: 'oven', name: 'oven temperature', unit: '°C', min: 0, max: 400 }
      : { key: 'workshop', name: 'workshop temperature', unit: '°C', min: -30, max: 60 };
  return [temperature, { key: 'humidity', name: 'humidity', unit: '%', min: 0, max: 100 }];
}

/** A typed value as a number within the field's range, or what is wrong with it ('' is no reading). */
export function parseReading(field: ReadingField, typed: string): { value: number | null } | { problem: 'range' } {
  const text = typed.trim().replace(',', '.');
  if (text === '') return { value: null };
  const value = Number(text);
  if (!Number.isFinite(value) || value < field.min || value > field.max) return { problem: 'range' };
  return { value };
}
