import { describe, expect, it, vi } from 'vitest';
import { en } from './en';
import { detectLocale, LOCALE_STORAGE_KEY } from './i18n-slice';
import { ru } from './ru';
import { interpolate, translate, translatePlural } from './use-t';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  it('have exactly the same keys in English and Russian', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same {placeholders} in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, vars: placeholders(ru[key]) }).toEqual({ key, vars: placeholders(en[key]) });
    }
  });

  it('leave no string empty', () => {
    for (const [key, value] of [...Object.entries(en), ...Object.entries(ru)]) {
      expect({ key, empty: value.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it('define every plural form for each plural key', () => {
    const bases = Object.keys(en)
      .filter((k) => k.endsWith('.other'))
      .map((k) => k.slice(0, -'.other'.length));
    for (const base of bases) {
      for (const form of ['one', 'few', 'many']) expect(Object.keys(en)).toContain(`${base}.${form}`);
    }
  });
});

describe('translate', () => {
  it('fills in variables', () => {
    expect(interpolate('Page {page} of {pages}', { page: 2, pages: 5 })).toBe('Page 2 of 5');
    expect(translate('ru', 'pager.pageOf', { page: 1, pages: 3 })).toBe('Страница 1 из 3');
  });

  it('picks Russian plural forms', () => {
    expect(translatePlural('ru', 'company.models', 1)).toBe('1 модель');
    expect(translatePlural('ru', 'company.models', 3)).toBe('3 модели');
    expect(translatePlural('ru', 'company.models', 5)).toBe('5 моделей');
    expect(translatePlural('ru', 'company.models', 21)).toBe('21 модель');
    expect(translatePlural('en', 'company.models', 1)).toBe('1 model');
    expect(translatePlural('en', 'company.models', 2)).toBe('2 models');
  });
});

describe('detectLocale', () => {
  it('follows the browser language, then the saved choice', () => {
    const spy = vi.spyOn(window.navigator, 'language', 'get');
    spy.mockReturnValue('ru-RU');
    expect(detectLocale()).toBe('ru');
    spy.mockReturnValue('en-GB');
    expect(detectLocale()).toBe('en');
    localStorage.setItem(LOCALE_STORAGE_KEY, 'ru');
    expect(detectLocale()).toBe('ru');
  });
});
