import { describe, expect, it } from 'vitest';
import { csharpExample, curlExample, javascriptExample, pythonExample } from './request-examples';

const input = { baseUrl: 'https://hub.test/v1', model: 'gpt-4o', apiKey: 'ohk-secret' };

describe('request examples', () => {
  it('carry the base URL, model and key in every language', () => {
    for (const code of [curlExample(input), pythonExample(input), javascriptExample(input), csharpExample(input)]) {
      expect(code).toContain('https://hub.test/v1');
      expect(code).toContain('gpt-4o');
      expect(code).toContain('ohk-secret');
    }
    expect(curlExample(input)).toContain('Authorization: Bearer ohk-secret');
  });
});
