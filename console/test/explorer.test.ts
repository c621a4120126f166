import { describe, expect, it } from 'vitest';
import {
  addDays, bottleneck, campaignKey, cleanSteps, count, dailyRates, dateTime, day, duration, fullDay, level, liftRows, mergeCutoff,
  mergeSessions, pathOf, percent, points, propertiesLine, ReportJson, sessionSeconds, sessionsOf, side, signedPercent, TimelineEvent,
  today, verdictKeys, VERDICTS, yen,
} from '../src/screens/explorer/format';
import { dictionaries, setLang, t } from '../src/i18n';
import { criteriaOf, queryOf } from '../src/screens/explorer/visitors';
import { reportQuery } from '../src/screens/explorer/report';
import { stepsFrom } from '../src/screens/explorer/funnels';

describe('numbers for the language', () => {
  it('groups counts and keeps missing values visible as a dash', () => {
    expect(count('en', 12345)).toBe('12,345');
    expect(count('ja', 12345)).toBe('12,345');
    expect(count('en', null)).toBe('–');
    expect(count('en', Number.NaN)).toBe('–');
  });

  it('shows rates as percentages with the precision small rates need', () => {
    expect(percent('en', 0.0482)).toBe('4.82%');
    expect(percent('ja', 0.0482)).toBe('4.82%');
    expect(percent('en', 0.5)).toBe('50.0%');
    expect(percent('en', null)).toBe('–');
    expect(level('en', 0.95)).toBe('95%');
    expect(level('ja', 0.975)).toBe('97.5%');
  });

  it('signs differences in points and relative lifts', () => {
    expect(points('en', 0.013)).toBe('+1.30 pt');
    expect(points('ja', -0.0025)).toBe('-0.25ポイント');
    expect(points('en', 0)).toBe('0.00 pt');
    expect(signedPercent('en', 0.27)).toBe('+27.0%');
    expect(signedPercent('en', -0.051)).toBe('-5.1%');
  });

  it('writes money in yen without decimals', () => {
    expect(yen('ja', 512000)).toBe('￥512,000');
    expect(yen('en', 250.9)).toBe('¥251');
    expect(yen('en', undefined)).toBe('–');
  });

  it('writes durations in each language', () => {
    expect(duration('ja', 75)).toBe('1分15秒');
    expect(duration('en', 75)).toBe('1 min 15 s');
    expect(duration('ja', 3725)).toBe('1時間2分');
    expect(duration('en', 42)).toBe('42 s');
    expect(duration('en', null)).toBe('–');
  });

  it('shows times in the site’s timezone, not the browser’s', () => {
    expect(dateTime('en', '2026-11-24T00:30:00Z', 'Asia/Tokyo')).toBe('11/24/2026, 09:30');
    expect(dateTime('ja', '2026-11-24T00:30:00Z', 'Asia/Tokyo')).toBe('2026/11/24 09:30');
    expect(dateTime('ja', '2026-11-24T00:30:00Z', 'UTC')).toBe('2026/11/24 00:30');
    expect(day('en', '2026-11-24')).toBe('Nov 24');
    expect(day('ja', '2026-11-24')).toBe('11/24');
    expect(fullDay('ja', '2026-11-24')).toBe('2026/11/24');
    expect(today('Asia/Tokyo', Date.parse('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('verdict wording', () => {
  it('has a word and a meaning for every verdict in both languages', () => {
    for (const v of VERDICTS) {
      const k = verdictKeys(v);
      for (const l of ['ja', 'en'] as const) {
        expect(dictionaries[l][k.label], `${l} ${k.label}`).toBeTruthy();
        expect(dictionaries[l][k.meaning], `${l} ${k.meaning}`).toBeTruthy();
      }
    }
  });

  it('uses the glossary’s Japanese and says likely_win is not a decision', () => {
    setLang('ja');
    expect(['collecting', 'likely_win', 'win', 'lose', 'no_difference'].map((v) => t(verdictKeys(v).label)))
      .toEqual(['集計中', '勝ちそう', '勝ち', '負け', '有意差なし']);
    expect(t(verdictKeys('likely_win').meaning)).toMatch(/確定ではなく/);
    setLang('en');
    expect(t(verdictKeys('likely_win').meaning)).toMatch(/not decided/);
  });

  it('reads an unknown verdict as collecting, and gives each a tone', () => {
    expect(verdictKeys('something_new').label).toBe('verdict.collecting');
    expect(verdictKeys(null).tone).toBe('pending');
    expect(verdictKeys('win').tone).toBe('good');
    expect(verdictKeys('lose').tone).toBe('bad');
    expect(verdictKeys('no_difference').tone).toBe('neutral');
  });
});

const report: Pick<ReportJson, 'arms' | 'daily' | 'comparisons'> = {
  arms: [
    { arm: 'a', exposed: 30, deliveries: 40, shows: 30, clicks: 3, closes: 1, goal_visitors: 3 },
    { arm: 'control', control: true, exposed: 10, deliveries: 12, shows: 10, clicks: 0, closes: 0, goal_visitors: 1 },
  ],
  daily: [
    { date: '2026-11-01', arms: [{ arm: 'control', exposed: 4, deliveries: 4, shows: 4, clicks: 0, closes: 0, goal_visitors: 1 },
      { arm: 'a', exposed: 10, deliveries: 12, shows: 10, clicks: 1, closes: 0, goal_visitors: 2 }] },
    { date: '2026-11-02', arms: [{ arm: 'a', exposed: 20, deliveries: 28, shows: 20, clicks: 2, closes: 1, goal_visitors: 1 }] },
    { date: '2026-11-03', arms: [{ arm: 'control', exposed: 6, deliveries: 8, shows: 6, clicks: 0, closes: 0, goal_visitors: 0 }] },
  ],
  comparisons: [{ arm: 'a', method: 'sequential', control_rate: 0.1, rate: 0.1, p_value: 1, confidence: 0.95, verdict: 'collecting',
    absolute_lift: { estimate: 0.01, low: -0.2, high: 0.25 }, relative_lift: null }],
};

describe('report series', () => {
  it('puts the control group first and leaves a gap on a day an arm exposed nobody', () => {
    const { labels, series } = dailyRates(report);
    expect(labels).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(series.map((s) => s.arm)).toEqual(['control', 'a']);
    expect(series[0].rates).toEqual([0.25, null, 0]);
    expect(series[1].rates).toEqual([0.2, 0.05, null]);
  });

  it('accumulates the rate over the days so far when asked', () => {
    const { series } = dailyRates(report, true);
    expect(series[0].rates).toEqual([0.25, 0.25, 0.1]);
    expect(series[1].rates).toEqual([0.2, 0.1, 0.1]);
  });

  it('gives the lift rows and on which side of 0 each interval lies', () => {
    expect(liftRows(report)).toEqual([{ arm: 'a', estimate: 0.01, low: -0.2, high: 0.25, verdict: 'collecting', relative: null }]);
    expect(side({ low: -0.2, high: 0.25 })).toBe('straddles');
    expect(side({ low: 0.001, high: 0.02 })).toBe('above');
    expect(side({ low: -0.03, high: -0.01 })).toBe('below');
  });

  it('keeps only the report parameters given, and the horizon only with the fixed method', () => {
    expect(reportQuery('?from=2026-11-01&x=1&horizon=500').toString()).toBe('from=2026-11-01');
    expect(reportQuery('?method=fixed&horizon=500').toString()).toBe('method=fixed&horizon=500');
  });
});

describe('funnels', () => {
  it('cleans the steps typed and finds the step where most people leave', () => {
    expect(cleanSteps([' view ', '', 'cart', '  '])).toEqual(['view', 'cart']);
    expect(bottleneck([
      { name: 'view', visitors: 100, drop_off: null, rate_from_previous: null, rate_from_first: 1 },
      { name: 'cart', visitors: 30, drop_off: 70, rate_from_previous: 0.3, rate_from_first: 0.3 },
      { name: 'buy', visitors: 10, drop_off: 20, rate_from_previous: 0.33, rate_from_first: 0.1 },
    ])).toBe(1);
    expect(bottleneck([{ name: 'view', visitors: 3, drop_off: null, rate_from_previous: null, rate_from_first: 1 }])).toBe(-1);
  });

  it('reads the steps from the URL, with a default and at most ten', () => {
    expect(stepsFrom('')).toEqual(['view', 'cart', 'buy']);
    expect(stepsFrom('?steps=view,_action_shown,buy')).toEqual(['view', '_action_shown', 'buy']);
    expect(stepsFrom(`?steps=${Array.from({ length: 12 }, (_, i) => `e${i}`).join(',')}`)).toHaveLength(10);
  });
});

describe('visitor search query', () => {
  it('builds the API query from the form, the trait as name:value', () => {
    expect(criteriaOf({ visitor: ' v_01 ', user_id: '', trait_name: 'member_rank', trait_value: 'gold' }))
      .toEqual({ visitor: 'v_01', trait: 'member_rank:gold' });
    expect(queryOf({ user_id: 'u 1', trait: 'a:b:c' })).toBe('?user_id=u+1&trait=a%3Ab%3Ac');
    expect(queryOf({})).toBe('');
  });
});

const ev = (id: string, name: string, ts: string, page?: string): TimelineEvent => ({ id, name, ts, page });

describe('the timeline', () => {
  it('cuts sessions at the site’s timeout, newest first, events newest first', () => {
    const events = [
      ev('e1', 'view', '2026-11-24T10:00:00Z', 'https://shop.example/'),
      ev('e2', 'cart', '2026-11-24T10:05:00Z'),
      ev('e3', 'view', '2026-11-24T10:29:59Z', 'https://shop.example/cart'),
      ev('e4', 'view', '2026-11-24T11:00:00Z', 'https://shop.example/items/1'),
    ];
    const blocks = sessionsOf('v1', [...events].reverse(), 1800);
    expect(blocks.map((b) => b.events.map((e) => e.id))).toEqual([['e4'], ['e3', 'e2', 'e1']]);
    expect(blocks[1].pageViews).toBe(2);
    expect(blocks[1].landing).toBe('https://shop.example/');
    expect(blocks[0].visitor).toBe('v1');
    // exactly the timeout is a new session, as in the engine
    expect(sessionsOf('v1', [ev('a', 'view', '2026-11-24T10:00:00Z'), ev('b', 'view', '2026-11-24T10:30:00Z')], 1800)).toHaveLength(2);
  });

  it('starts a session when a page view brings other campaign parameters, not when they repeat', () => {
    const blocks = sessionsOf('v1', [
      ev('e1', 'view', '2026-11-24T10:00:00Z', 'https://shop.example/?utm_source=line&utm_medium=social'),
      ev('e2', 'view', '2026-11-24T10:01:00Z', 'https://shop.example/items/1'),
      ev('e3', 'view', '2026-11-24T10:02:00Z', 'https://shop.example/?UTM_Source=line&utm_medium=social'),
      ev('e4', 'view', '2026-11-24T10:03:00Z', 'https://shop.example/?gclid=abc'),
    ], 1800);
    expect(blocks.map((b) => b.events.length)).toEqual([1, 3]);
    expect(campaignKey('https://shop.example/?utm_source=&gclid=x')).toBe('gclid=x');
    expect(campaignKey('not a url')).toBe('');
  });

  it('merges the sessions of several devices by their latest event', () => {
    const pc = sessionsOf('pc', [ev('p1', 'view', '2026-11-24T10:00:00Z')], 1800);
    const phone = sessionsOf('sp', [ev('s1', 'view', '2026-11-24T10:10:00Z')], 1800);
    expect(mergeSessions([pc, phone]).map((b) => b.visitor)).toEqual(['sp', 'pc']);
  });

  it('pages several timelines together without showing an event out of order', () => {
    const a = { events: [ev('a1', 'view', '2026-11-24T10:09:00Z'), ev('a2', 'view', '2026-11-24T10:05:00Z')], more: true };
    const b = { events: [ev('b1', 'view', '2026-11-24T10:08:00Z'), ev('b2', 'view', '2026-11-24T10:01:00Z')], more: false };
    const c = { events: [ev('c1', 'view', '2026-11-24T10:07:00Z'), ev('c2', 'view', '2026-11-24T10:06:00Z')], more: true };
    // a's unloaded events are older than 10:05; c's older than 10:06: events from 10:06 on are safe
    expect(mergeCutoff([a, b, c])).toEqual({ cutoff: Date.parse('2026-11-24T10:06:00Z'), next: [2] });
    expect(mergeCutoff([{ ...a, more: false }, b]).cutoff).toBe(-Infinity);
    expect(mergeCutoff([{ events: [], more: true }]).next).toEqual([0]);
  });

  it('shows pages as paths, properties as one line of text, session lengths in seconds', () => {
    expect(pathOf('https://shop.example/items/7?x=1')).toBe('/items/7?x=1');
    expect(pathOf('<b>x</b>')).toBe('<b>x</b>');
    expect(propertiesLine({ price: 4500, item: { id: 7 } })).toBe('price: 4500, item: {"id":7}');
    expect(propertiesLine({ text: 'x'.repeat(300) }).length).toBe(160);
    expect(sessionSeconds('2026-11-24T10:00:00Z', '2026-11-24T10:03:05Z')).toBe(185);
    expect(sessionSeconds(null, '2026-11-24T10:03:05Z')).toBeNull();
  });
});

describe('goal windows in words', () => {
  it('reads ISO durations as the largest whole unit', async () => {
    const { window } = await import('../src/screens/explorer/format');
    expect(window('en', 'PT168H')).toBe('7 days');
    expect(window('ja', 'P7D')).toBe('7日');
    expect(window('en', 'PT1H')).toBe('1 hour');
    expect(window('ja', 'PT90M')).toBe('90分');
    expect(window('en', 'session')).toBe('the same session');
    expect(window('en', 'P1W')).toBe('P1W');
  });
});
