import { describe, expect, it } from 'vitest';
import { parseReading, readingFields } from './readings';

describe('the readings an operator enters at completion', () => {
  it('names the kiln for firing, the oven for baking and the workshop otherwise, with humidity everywhere', () => {
    expect(readingFields('C40').map((field) => field.name)).toEqual(['kiln temperature', 'humidity']);
    expect(readingFields('C82').map((field) => field.name)).toEqual(['oven temperature', 'humidity']);
    expect(readingFields('C30').map((field) => field.name)).toEqual(['workshop temperature', 'humidity']);
  });

  it('takes an empty field as no reading, a comma as the decimal point, and refuses what is out of range or not a number', () => {
    const [kiln, humidity] = readingFields('C40');
    expect(parseReading(kiln, '  ')).toEqual({ value: null });
    expect(parseReading(kiln, '1296')).toEqual({ value: 1296 });
    expect(parseReading(humidity, '58,5')).toEqual({ value: 58.5 });
    expect(parseReading(humidity, '101')).toEqual({ problem: 'range' });
    expect(parseReading(kiln, '12a')).toEqual({ problem: 'range' });
    expect(parseReading(kiln, 'Infinity')).toEqual({ problem: 'range' });
  });
});
