import { Logger } from '@nestjs/common';
import { jest } from '@jest/globals';
import { InProcessJobDriver } from './in-process.driver.js';

/** Exposes what a driver does after a reconnect. */
class ReconnectingDriver extends InProcessJobDriver {
  lose(): Promise<void> {
    return this.notifyQueueStateLost();
  }
}

describe('JobDriver.onQueueStateLost', () => {
  let driver: ReconnectingDriver;
  beforeEach(() => {
    driver = new ReconnectingDriver();
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await driver.close();
  });

  it.each<[string, () => void | Promise<void>]>([
    ['throws', () => {
      throw new Error('database down');
    }],
    ['rejects', () => Promise.reject(new Error('database down'))],
  ])('runs every listener, even when another one %s', async (_name, failing) => {
    const calls: string[] = [];
    driver.onQueueStateLost(failing);
    driver.onQueueStateLost(() => {
      calls.push('second');
    });
    await expect(driver.lose()).resolves.toBeUndefined();
    expect(calls).toEqual(['second']);
  });

  it('no longer calls a listener that was removed', async () => {
    let calls = 0;
    const stop = driver.onQueueStateLost(() => {
      calls++;
    });
    await driver.lose();
    stop();
    await driver.lose();
    expect(calls).toBe(1);
  });
});
