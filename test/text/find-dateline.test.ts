import { describe, expect, it } from 'vitest';
import { findDateline } from '../../src/text/find-dateline.js';

describe('findDateline', () => {
  it('reads a Reuters dateline with month and day', () => {
    expect(findDateline('BEIRUT, March 5 (Reuters) - Israeli strikes hit the south.')).toEqual({
      place: 'Beirut', month: 2, day: 5, agency: 'Reuters', rest: 'Israeli strikes hit the south.',
    });
  });

  it('reads a place with its country and an em dash', () => {
    expect(findDateline('TYRE, Lebanon — Families returned to the port city.')).toEqual({
      place: 'Tyre', country: 'Lebanon', rest: 'Families returned to the port city.',
    });
  });

  it('reads a two-word place with an agency', () => {
    expect(findDateline('SAN SALVADOR (AP) — Voters lined up early.')).toMatchObject({ place: 'San Salvador', agency: 'AP' });
  });

  it('finds no dateline in an ordinary sentence or a one-letter opening', () => {
    expect(findDateline('The council met on Monday - and nothing happened.')).toBeNull();
    expect(findDateline('A - B testing was used.')).toBeNull();
  });
});
