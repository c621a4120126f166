// The editor screens' routes (main.ts puts them before the base routes).
import { Route } from '../../router';

export function routes(rerender: () => Promise<void>): Route[] {
  void rerender;
  return [];
}
