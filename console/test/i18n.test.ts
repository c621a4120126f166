import { describe, expect, it } from 'vitest';
import { dictionaries, setLang, t } from '../src/i18n';

describe('i18n', () => {
  it('has every key in Japanese and English, none empty', () => {
    const ja = Object.keys(dictionaries.ja).sort();
    const en = Object.keys(dictionaries.en).sort();
    expect(en).toEqual(ja);
    for (const l of ['ja', 'en'] as const) {
      for (const [k, v] of Object.entries(dictionaries[l])) expect(v.trim(), `${l} ${k}`).not.toBe('');
    }
  });

  it('switches language and remembers it', () => {
    setLang('en');
    expect(t('signin.title')).toBe('Sign in');
    expect(localStorage.getItem('omotenashi.lang')).toBe('en');
    setLang('ja');
    expect(t('signin.title')).toBe('ログイン');
    expect(document.documentElement.lang).toBe('ja');
  });

  it('fills placeholders', () => {
    setLang('en');
    expect(t('templates.contains', { campaigns: 2, events: 1, segments: 0 })).toBe('2 campaign(s), 1 event definition(s), 0 segment(s)');
  });
});
