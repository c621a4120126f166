import { describe, expect, it } from 'vitest';
import { ApiError, fieldOf } from '../src/api';
import { h } from '../src/dom';
import { setLang } from '../src/i18n';
import { match } from '../src/router';
import { field, showError } from '../src/ui';

describe('errors at their field', () => {
  it('maps API paths to field names', () => {
    expect(fieldOf('domains[1]')).toBe('domains');
    expect(fieldOf('spacing.min_seconds')).toBe('spacing');
    expect(fieldOf('timezone')).toBe('timezone');
    expect(fieldOf('')).toBeNull();
  });

  it('shows each error under its control, marks it invalid and focuses the first', () => {
    setLang('en');
    const form = h('form', {}, field({ name: 'name', label: 'sites.name' }), field({ name: 'timezone', label: 'sites.timezone' }));
    document.body.append(form);
    showError(form, new ApiError(400, 'invalid_value', 'x', 'timezone', [
      { path: 'timezone', code: 'invalid_value', message: "'Mars/Base' is not a timezone" }]));
    const tz = form.querySelector('[name=timezone]') as HTMLInputElement;
    expect(tz.getAttribute('aria-invalid')).toBe('true');
    const described = tz.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent);
    expect(described).toContain("'Mars/Base' is not a timezone");
    expect(document.activeElement).toBe(tz);
    expect(form.querySelector('[name=name]')!.hasAttribute('aria-invalid')).toBe(false);
  });

  it('puts errors without a known field at the top of the form', () => {
    const form = h('form', {}, field({ name: 'name', label: 'sites.name' }));
    showError(form, new ApiError(403, 'forbidden', 'this needs the editor role'));
    expect(form.querySelector('[role=alert]')!.textContent).toBe('this needs the editor role');
  });

  it('never parses API text as HTML', () => {
    const el = h('p', {}, '<img src=x onerror=alert(1)>');
    expect(el.querySelector('img')).toBeNull();
  });
});

describe('router', () => {
  it('matches patterns with parameters', () => {
    expect(match('/sites/:site/campaigns', '/sites/shop_main/campaigns')).toEqual({ site: 'shop_main' });
    expect(match('/sites/:site', '/sites/a/b')).toBeNull();
    expect(match('/', '/')).toEqual({});
  });
});

describe('errors at nested fields', () => {
  it('uses the control named by the whole path when there is one', () => {
    setLang('en');
    const form = h('form', {}, field({ name: 'spacing.min_seconds', label: 'sites.spacing.seconds' }));
    document.body.append(form);
    showError(form, new ApiError(400, 'out_of_range', 'x', 'spacing.min_seconds', [
      { path: 'spacing.min_seconds', code: 'out_of_range', message: 'at most 2592000' }]));
    expect(form.querySelector('[name="spacing.min_seconds"]')!.getAttribute('aria-invalid')).toBe('true');
  });
});
