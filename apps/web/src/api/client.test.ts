// The API client against a real HTTP server: bodies, cookies' mode and error shapes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, apiRequest, parseApiError } from './client';

describe('parseApiError', () => {
  it('reads our error body', () => {
    const error = parseApiError(404, { error: { code: 'city_not_found', message: 'No city' } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'city_not_found', message: 'No city' });
  });

  it("reads better-auth's body and lower-cases its code", () => {
    const body = { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' };
    expect(parseApiError(401, body)).toMatchObject({
      status: 401,
      code: 'invalid_email_or_password',
      message: 'Invalid email or password',
    });
  });

  it('derives a code from the status when the body has none', () => {
    expect(parseApiError(429, null).code).toBe('rate_limited');
    expect(parseApiError(429, { message: 'Too many requests' }).code).toBe('rate_limited');
    expect(parseApiError(401, 'nope').code).toBe('unauthorized');
    expect(parseApiError(502, { error: 'Bad gateway' }).code).toBe('server_error');
    expect(parseApiError(400, {}).message).toBe('HTTP 400');
  });
});

describe('apiRequest', () => {
  let server: Server;
  let base = '';
  const seen: { method?: string; contentType?: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        seen.push({ method: req.method, contentType: req.headers['content-type'], body });
        const send = (status: number, text: string) => {
          res.writeHead(status, { 'content-type': 'application/json' }).end(text);
        };
        if (req.url === '/ok') send(200, '{"cities":[]}');
        else if (req.url === '/echo') send(201, body);
        else if (req.url === '/missing') send(404, '{"error":{"code":"city_not_found"}}');
        else if (req.url === '/html') send(502, '<html>Bad gateway</html>');
        else send(200, 'not json');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('returns the parsed body', async () => {
    await expect(apiRequest(`${base}/ok`)).resolves.toEqual({ cities: [] });
  });

  it('sends JSON bodies with their content type', async () => {
    await expect(apiRequest(`${base}/echo`, { method: 'POST', body: { a: 1 } })).resolves.toEqual({
      a: 1,
    });
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      contentType: 'application/json',
      body: '{"a":1}',
    });
  });

  it('throws an ApiError with the server code', async () => {
    await expect(apiRequest(`${base}/missing`)).rejects.toMatchObject({
      status: 404,
      code: 'city_not_found',
    });
  });

  it('throws by status when the error body is not JSON', async () => {
    await expect(apiRequest(`${base}/html`)).rejects.toMatchObject({
      status: 502,
      code: 'server_error',
    });
  });

  it('rejects a successful response that is not JSON', async () => {
    await expect(apiRequest(`${base}/text`)).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('reports an unreachable server as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(apiRequest(`http://127.0.0.1:${port}/x`)).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
    });
  });
});
