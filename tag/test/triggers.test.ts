import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { arm, TriggerEnv } from '../src/triggers';

let env: TriggerEnv;
let errors: string[];
beforeEach(() => {
  vi.useFakeTimers();
  errors = [];
  env = { started: 0, tracked: new Set(), bus: new EventTarget(), error: (m) => errors.push(m) };
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const armed = (t: any) => {
  const fire = vi.fn();
  const off = arm(t, fire, env);
  return { fire, off };
};

describe('triggers', () => {
  it('load (and no trigger at all) fires at once', () => {
    expect(armed({ on: 'load' }).fire).toHaveBeenCalledTimes(1);
    expect(armed(undefined).fire).toHaveBeenCalledTimes(1);
  });

  it('delay fires after its seconds', () => {
    const { fire } = armed({ on: 'delay', seconds: 5 });
    vi.advanceTimersByTime(4999);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('scroll fires once the share of the page in view reaches the percent, once', () => {
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 4000 });
    vi.stubGlobal('innerHeight', 1000);
    const { fire } = armed({ on: 'scroll', percent: 50 });
    expect(fire).not.toHaveBeenCalled(); // 25% in view
    vi.stubGlobal('scrollY', 900);
    window.dispatchEvent(new Event('scroll'));
    expect(fire).not.toHaveBeenCalled(); // 47.5%
    vi.stubGlobal('scrollY', 1000);
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('scroll'));
    expect(fire).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });

  it('scroll fires at once on a page shorter than the window', () => {
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 500 });
    vi.stubGlobal('innerHeight', 1000);
    expect(armed({ on: 'scroll', percent: 90 }).fire).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });

  it('exit intent fires when the pointer leaves through the top, not through the sides', () => {
    const { fire } = armed({ on: 'exit_intent' });
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 300, relatedTarget: null }));
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: document.body }));
    expect(fire).not.toHaveBeenCalled();
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null }));
    expect(fire).toHaveBeenCalledTimes(1);
    expect(env.exited).toBe(true);
  });

  it('exit intent counts once per page: a trigger armed after it does not wait for another', () => {
    env.exited = true;
    const { fire } = armed({ on: 'exit_intent' });
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null }));
    expect(fire).not.toHaveBeenCalled();
  });

  it('exit intent never fires on a touch screen', () => {
    vi.stubGlobal('matchMedia', (q: string) => ({ matches: q == '(hover: none)' }));
    const { fire } = armed({ on: 'exit_intent' });
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null }));
    expect(fire).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('click fires on a click inside the selector', () => {
    document.body.innerHTML = '<div id="other">x</div><button id="buy"><span>Buy</span></button>';
    const { fire } = armed({ on: 'click', selector: '#buy' });
    document.getElementById('other')!.click();
    expect(fire).not.toHaveBeenCalled();
    document.querySelector('#buy span')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('click with an invalid selector disarms and reports an error instead of throwing', () => {
    document.body.innerHTML = '<p>x</p>';
    const { fire } = armed({ on: 'click', selector: '[[' });
    expect(() => document.querySelector('p')!.dispatchEvent(new MouseEvent('click', { bubbles: true }))).not.toThrow();
    expect(fire).not.toHaveBeenCalled();
    expect(errors).toHaveLength(1);
  });

  it('idle fires after its seconds without activity; activity starts the wait again', () => {
    const { fire } = armed({ on: 'idle', seconds: 10 });
    vi.advanceTimersByTime(9000);
    window.dispatchEvent(new Event('mousemove'));
    vi.advanceTimersByTime(9000);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('session_time counts the time already spent in the session', () => {
    vi.setSystemTime(1_000_000);
    env.started = 1_000_000 - 120_000;
    const { fire } = armed({ on: 'session_time', seconds: 180 });
    vi.advanceTimersByTime(59_999);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('session_time already reached fires at once', () => {
    vi.setSystemTime(1_000_000);
    env.started = 1_000_000 - 600_000;
    const { fire } = armed({ on: 'session_time', seconds: 180 });
    vi.advanceTimersByTime(0);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('event fires when the event is tracked on the page, or at once if it already was', () => {
    const { fire } = armed({ on: 'event', event: 'cart' });
    env.bus.dispatchEvent(new Event('e:view'));
    expect(fire).not.toHaveBeenCalled();
    env.bus.dispatchEvent(new Event('e:cart'));
    expect(fire).toHaveBeenCalledTimes(1);
    env.tracked.add('buy');
    expect(armed({ on: 'event', event: 'buy' }).fire).toHaveBeenCalledTimes(1);
  });

  it('disarming stops a trigger', () => {
    const { fire, off } = armed({ on: 'delay', seconds: 1 });
    off();
    vi.advanceTimersByTime(5000);
    expect(fire).not.toHaveBeenCalled();
    const ev = armed({ on: 'event', event: 'cart' });
    ev.off();
    env.bus.dispatchEvent(new Event('e:cart'));
    expect(ev.fire).not.toHaveBeenCalled();
  });

  it('an unknown trigger never fires and reports an error', () => {
    expect(armed({ on: 'moon_phase' }).fire).not.toHaveBeenCalled();
    expect(errors).toEqual(['unknown trigger moon_phase']);
  });
});
