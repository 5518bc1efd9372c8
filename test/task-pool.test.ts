import { describe, expect, it } from 'vitest';
import { createTaskPool } from '../src/task-pool.js';

describe('createTaskPool', () => {
  it('never runs more than its limit at once, and drains them all', async () => {
    const pool = createTaskPool(3);
    let running = 0;
    let most = 0;
    let done = 0;
    for (let i = 0; i < 20; i++) {
      await pool.add(async () => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 2));
        running--;
        done++;
      });
    }
    await pool.drain();
    expect(most).toBe(3);
    expect(done).toBe(20);
  });

  it('surfaces a failed task in drain, never as an unhandled rejection', async () => {
    const pool = createTaskPool(2);
    await pool.add(() => Promise.reject(new Error('disk full')));
    await expect(pool.drain()).rejects.toThrow('disk full');
  });

  it('refuses a limit below one', () => {
    expect(() => createTaskPool(0)).toThrow(TypeError);
  });
});
