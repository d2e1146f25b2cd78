/** deferSignals: a Ctrl-C during the final write is held until the write is done, then raised again. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { deferSignals, type SignalTarget } from '../../../src/util/signals.js';

function fakeProcess(): SignalTarget & EventEmitter & { killed: string[] } {
  const emitter = new EventEmitter() as EventEmitter & { killed: string[]; pid: number; kill: SignalTarget['kill'] };
  emitter.killed = [];
  emitter.pid = 4242;
  emitter.kill = (pid: number, signal: NodeJS.Signals) => emitter.killed.push(`${pid} ${signal}`);
  return emitter;
}

describe('deferSignals', () => {
  it('finishes the step when SIGINT comes in the middle of it, then raises SIGINT', async () => {
    const proc = fakeProcess();
    const steps: string[] = [];
    const result = await deferSignals(async () => {
      steps.push('first half');
      proc.emit('SIGINT', 'SIGINT');
      await new Promise((r) => setTimeout(r, 1));
      steps.push('second half');
      return 'done';
    }, proc);
    expect(result).toBe('done');
    expect(steps).toEqual(['first half', 'second half']);
    expect(proc.killed).toEqual(['4242 SIGINT']);
    expect(proc.listenerCount('SIGINT') + proc.listenerCount('SIGTERM') + proc.listenerCount('SIGHUP')).toBe(0);
  });

  it('raises nothing when no signal came, and the held signal also after a failed step', async () => {
    const proc = fakeProcess();
    await deferSignals(async () => 1, proc);
    expect(proc.killed).toEqual([]);
    await expect(
      deferSignals(async () => {
        proc.emit('SIGTERM', 'SIGTERM');
        throw new Error('disk full');
      }, proc),
    ).rejects.toThrow('disk full');
    expect(proc.killed).toEqual(['4242 SIGTERM']);
  });
});
