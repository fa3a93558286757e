import { describe, expect, it } from 'vitest';
import { matchRoute } from '#infra/local/api-server.ts';
import { routes, statusUrl } from '#shared/http/routes.ts';

describe('the route table, as the local API reads it', () => {
  it('matches static and parameterised paths and decodes parameters', () => {
    expect(matchRoute('GET', '/')).toMatchObject({ route: routes.applicationForm });
    expect(matchRoute('POST', '/applications')).toMatchObject({ route: routes.submitApplication });
    expect(matchRoute('HEAD', '/status/abc%2Ddef')).toMatchObject({
      route: routes.applicationStatus,
      pathParameters: { token: 'abc-def' },
    });
  });

  it('passes a parameter that is not valid percent-encoding on as it came, instead of failing', () => {
    expect(matchRoute('GET', '/tasks/%E0%A4%A')).toMatchObject({
      route: routes.humanTask,
      pathParameters: { token: '%E0%A4%A' },
    });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(matchRoute('DELETE', '/applications')).toBe('method-not-allowed');
    expect(matchRoute('PUT', '/status/x')).toBe('method-not-allowed');
    expect(matchRoute('DELETE', '/tasks/x')).toBe('method-not-allowed');
    expect(matchRoute('GET', '/nowhere')).toBeUndefined();
    expect(matchRoute('GET', '/status/a/b')).toBeUndefined();
  });

  it('builds absolute status links with or without a trailing slash on the base', () => {
    expect(statusUrl('https://pmi.example.org/', 'tok')).toBe('https://pmi.example.org/status/tok');
    expect(statusUrl('https://x.execute-api.eu-south-1.amazonaws.com/dev', 'tok')).toBe(
      'https://x.execute-api.eu-south-1.amazonaws.com/dev/status/tok',
    );
  });
});
