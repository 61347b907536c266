/**
 * The real parts other tests build on: Debian's Chromium runs the browser build of the core, and a
 * throw-away redis-server answers on its own port and is gone after stop().
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CHROMIUM,
  describeWithPart,
  launchChromium,
  REDIS_SERVER,
  startRedis,
  type RunningRedis,
} from '../helpers/external.js';

function ping(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      if (answer.includes('\r\n')) {
        socket.destroy();
        resolve(answer.trim());
      }
    });
    socket.once('error', reject);
  });
}

describeWithPart(CHROMIUM, 'Chromium through playwright-core', () => {
  it('renders a page and runs its script with no network', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.setContent(
        '<p id="out"></p><script>document.getElementById("out").textContent = "话术 " + (6 * 7)</script>',
      );
      expect(await page.textContent('#out')).toBe('话术 42');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describeWithPart(REDIS_SERVER, 'a throw-away redis-server', () => {
  let redis: RunningRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('answers PING on its own port, then is gone after stop()', async () => {
    expect(await ping(redis.port)).toBe('+PONG');
    await redis.stop();
    await expect(ping(redis.port)).rejects.toThrow();
  });
});
