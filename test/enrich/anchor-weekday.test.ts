import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/build.js';
import { anchorWeekday, findEventWeekday, isFilePhoto } from '../../src/enrich/anchor-weekday.js';
import { article, cleanupTemp, tempDir, writeSeeds } from '../safety/seed-folders.js';

afterAll(cleanupTemp);

describe('a weekday in the lead anchored to the caption date (issue 10)', () => {
  it('reads the first weekday of the lead, with or without "on", and skips ones that look ahead', () => {
    expect(findEventWeekday(['Gunmen ambushed a Syrian police patrol in a coastal town Thursday, leaving 13 dead.'])).toBe(4);
    expect(findEventWeekday(['Salam led a delegation to Syria on Monday for talks.'])).toBe(1);
    expect(findEventWeekday(['Talks resume next Monday.', 'The ministers met on Sunday.'])).toBe(0);
    expect(findEventWeekday(['Markets close on Fridays.'])).toBeNull();
    expect(findEventWeekday(['No day here.', 'Nor here.', 'Nor here.', 'The fourth paragraph, on Monday, is not the lead.'])).toBeNull();
  });

  it('takes the first day on or after the photo date that falls on the weekday', () => {
    // 5 March 2025 was a Wednesday.
    expect(anchorWeekday('2025-03-05', 3)).toBe('2025-03-05');
    expect(anchorWeekday('2025-03-05', 4)).toBe('2025-03-06');
    expect(anchorWeekday('2025-03-05', 2)).toBe('2025-03-11');
    // Across a month and a year end.
    expect(anchorWeekday('2024-12-30', 3)).toBe('2025-01-01');
  });

  it('knows an archive photo by its caption', () => {
    expect(isFilePhoto('A view of Beirut port, August 4, 2020. (Reuters/File)')).toBe(true);
    expect(isFilePhoto('File photo: ruins in Mosul, May 2, 2020. (AFP)')).toBe(true);
    expect(isFilePhoto('Smoke rises over Khan Younis, March 4, 2025. (AFP)')).toBe(false);
  });

  it('dates the article by the weekday; a body date or dateline wins; a file photo only dates the photo', async () => {
    const caption = 'Vehicles block a road in Daraa, March 5, 2025. (AFP)';
    const seeds = writeSeeds(path.join(tempDir('weekday'), 'seeds'), {
      'a.txt': article('Gunmen Ambush a Police Patrol', ['Gunmen ambushed a police patrol in a coastal town Thursday, officials said.'], caption),
      'b.txt': article('Ministers Meet Over Border Deal', ['The ministers met on Thursday.', 'The deal was signed on March 9, 2025.'], caption),
      'c.txt': article('Port Reopens After Repairs', ['The port reopened on Thursday.'], 'A view of the port, March 5, 2025. (Reuters/File)'),
      'd.txt': article('Storm Hits the Coast', ['No weekday is named in this lead at all.'], caption),
    });
    const built = await buildArchive({ seedsDir: seeds, search: false });
    const by = (h: string) => built.articles.find((a) => a.headline === h)!;
    expect(by('Gunmen Ambush a Police Patrol')).toMatchObject({ date: '2025-03-06', dateSource: 'weekday', photoDate: '2025-03-05' });
    expect(by('Ministers Meet Over Border Deal')).toMatchObject({ date: '2025-03-09', dateSource: 'body' });
    expect(by('Port Reopens After Repairs')).toMatchObject({ date: '2025-03-05', dateSource: 'caption' });
    expect(by('Storm Hits the Coast')).toMatchObject({ date: '2025-03-05', dateSource: 'caption' });
  });
});
