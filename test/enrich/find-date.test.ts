import { describe, expect, it } from 'vitest';
import { findDate } from '../../src/enrich/find-date.js';

describe('findDate', () => {
  it('reads full dates in the usual orders', () => {
    expect(findDate('on March 5, 2025.')).toBe('2025-03-05');
    expect(findDate('Jordan, 14 April 2025. (Reuters)')).toBe('2025-04-14');
    expect(findDate('on Saturday, May 2, 2020. (AFP)')).toBe('2020-05-02');
    expect(findDate('on Tuesday, Oct. 8, 2024. (AP)')).toBe('2024-10-08');
    expect(findDate('published 2024-09-16')).toBe('2024-09-16');
    expect(findDate('on the 3rd of nothing, then on June 1st, 2023')).toBe('2023-06-01');
  });

  it('takes the first full date', () => {
    expect(findDate('on January 14, 2024 and again on February 2, 2024')).toBe('2024-01-14');
  });

  it('gives null for a weekday alone', () => {
    expect(findDate('security sources said on Wednesday.')).toBeNull();
  });

  it('gives null for a month and year without a day', () => {
    expect(findDate('since December 2023, and in June 2014')).toBeNull();
    expect(findDate('in the 12 months to July')).toBeNull();
  });

  it('gives null for impossible dates', () => {
    expect(findDate('on February 30, 2024')).toBeNull();
    expect(findDate('on 31 April 2025')).toBeNull();
    expect(findDate('2024-13-01')).toBeNull();
  });
});
