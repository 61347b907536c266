import { readFileSync } from 'node:fs';

/**
 * CPU time of one thread, from Linux's /proc (nanosecond precision in schedstat). Budgets are held
 * to CPU time, not wall time: on a shared 2-core machine a thread may get a tenth of a core, and a
 * call's wall time then says more about the neighbours than about the call. Undefined elsewhere.
 */
function schedstatMs(path: string): number | undefined {
  try {
    const first = readFileSync(path, 'utf8').split(' ')[0];
    const ns = Number(first);
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

/** The calling thread's CPU time in milliseconds, or undefined where /proc does not tell. */
export function ownCpuMs(): number | undefined {
  return schedstatMs('/proc/thread-self/schedstat');
}

/** The calling thread's id as the kernel knows it (for another thread to read its CPU time). */
export function ownThreadId(): number | undefined {
  try {
    const tid = Number(readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]);
    return Number.isInteger(tid) ? tid : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time in milliseconds of thread `tid` of this process. */
export function threadCpuMs(tid: number): number | undefined {
  return schedstatMs(`/proc/self/task/${tid}/schedstat`);
}
