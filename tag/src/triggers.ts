/**
 * Triggers (config-language.md §5): when, on the page, a delivered action appears. `arm` watches for the
 * trigger and calls `fire` at most once; the function it returns disarms it (the page changed).
 */
export interface Trigger {
  on?: string;
  seconds?: number;
  percent?: number;
  selector?: string;
  event?: string;
}

/** What triggers read of the page's state. */
export interface TriggerEnv {
  /** epoch ms the server's session started at (`session_started_at`); 0 when unknown */
  started: number;
  /** event names tracked on this page so far */
  tracked: Set<string>;
  /** dispatches `e:<name>` when an event is tracked on this page */
  bus: EventTarget;
  /** the visitor already showed exit intent on this page (it counts once per page) */
  exited?: boolean;
  /** an unknown trigger or a bad selector */
  error: (message: string) => void;
}

const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'scroll', 'touchstart', 'wheel'];

export function arm(t: Trigger | null | undefined, fire: () => void, env: TriggerEnv): () => void {
  let done = false;
  const offs: (() => void)[] = [];
  const off = () => {
    done = true;
    offs.forEach((f) => f());
    offs.length = 0;
  };
  const go = () => {
    if (!done) {
      off();
      fire();
    }
  };
  const listen = (target: EventTarget, type: string, fn: (e: any) => void, opts: AddEventListenerOptions = { passive: true, capture: true }) => {
    target.addEventListener(type, fn, opts);
    offs.push(() => target.removeEventListener(type, fn, opts));
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const after = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(go, Math.max(0, ms));
  };
  offs.push(() => clearTimeout(timer));
  const seconds = Math.max(0, Number(t?.seconds) || 0) * 1e3;

  switch (t?.on ?? 'load') {
    case 'load':
      if (document.body) go();
      else listen(document, 'DOMContentLoaded', go);
      break;
    case 'delay':
      after(seconds);
      break;
    case 'scroll': {
      // the share of the page's height that has come into view: a page shorter than the window is 100%
      const check = () => {
        const h = document.documentElement.scrollHeight;
        if (!(h > 0) || ((scrollY + innerHeight) / h) * 100 >= (Number(t!.percent) || 0)) go();
      };
      listen(window, 'scroll', check);
      listen(window, 'resize', check);
      check();
      break;
    }
    case 'exit_intent':
      // desktop only: a touch screen has no pointer to leave the window with
      if (env.exited || window.matchMedia?.('(hover: none)').matches) break;
      listen(document, 'mouseout', (e: MouseEvent) => {
        if (!e.relatedTarget && e.clientY <= 0) {
          env.exited = true;
          go();
        }
      });
      break;
    case 'click':
      listen(document, 'click', (e: Event) => {
        try {
          if ((e.target as Element)?.closest?.(t!.selector!)) go();
        } catch {
          off();
          env.error('bad selector ' + t!.selector);
        }
      });
      break;
    case 'idle':
      for (const type of ACTIVITY) listen(window, type, () => after(seconds));
      after(seconds);
      break;
    case 'session_time':
      after((env.started || Date.now()) + seconds - Date.now());
      break;
    case 'event':
      if (env.tracked.has(t!.event!)) go();
      else listen(env.bus, 'e:' + t!.event, go, {});
      break;
    default:
      env.error('unknown trigger ' + t?.on);
      off();
  }
  return off;
}
