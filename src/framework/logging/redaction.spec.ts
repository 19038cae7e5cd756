import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import pinoHttp from 'pino-http';
import request from 'supertest';
import { loadConfig } from '../config/load-config';
import { pinoHttpOptions, REDACTED_PATHS } from './logging.module';

/** Secrets never reach a log line: headers, passwords and tokens are censored wherever they sit. */
describe('log redaction', () => {
  const capture = (): { stream: Writable; lines: () => string } => {
    let output = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString();
        done();
      },
    });
    return { stream, lines: () => output };
  };

  it('censors authorization and cookie headers, set-cookie, passwords and tokens', () => {
    const { stream, lines } = capture();
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, stream);
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJhbGciOi.secret', cookie: 'connect.sid=s%3Asecret', 'user-agent': 'jest' } },
        res: { headers: { 'set-cookie': 'connect.sid=s%3Anew-secret' } },
        body: { email: 'a@b.c', password: 'hunter2', nested: { token: 'reset-token-123' } },
        password: 'top-level-pass',
        token: 'top-level-token',
      },
      'request',
    );
    const line = lines();
    for (const secret of ['eyJhbGciOi.secret', 's%3Asecret', 's%3Anew-secret', 'hunter2', 'reset-token-123', 'top-level-pass', 'top-level-token']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[redacted]');
    expect(line).toContain('a@b.c');
    expect(line).toContain('jest');
  });

  it('strips secret query parameters from logged URLs', () => {
    const options = pinoHttpOptions(loadConfig({ NODE_ENV: 'test' }));
    const serialize = (options.serializers as { req: (req: unknown) => { url: string } }).req;
    const { url } = serialize({ id: '1', method: 'POST', url: '/auth/user/emailpass/update?token=abc.def&x=1', headers: {} });
    expect(url).toBe('/auth/user/emailpass/update?token=[redacted]&x=1');
  });

  it('keeps secrets out of the request log line that pino-http writes with our options', async () => {
    const { stream, lines } = capture();
    const app = express();
    app.use(pinoHttp({ ...pinoHttpOptions(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' })), transport: undefined }, stream));
    app.post('/auth/user/emailpass/update', (_req, res) => {
      res.setHeader('set-cookie', 'connect.sid=s%3Afresh-session');
      res.json({ success: true });
    });
    await request(app)
      .post('/auth/user/emailpass/update?token=reset.jwt.value')
      .set('authorization', 'Bearer header.payload.signature')
      .set('cookie', 'connect.sid=s%3Aold-session')
      .set('x-request-id', 'redaction-1')
      .send({ email: 'a@b.c', password: 'hunter2' })
      .expect(200);
    const line = lines();
    expect(line).toContain('redaction-1');
    expect(line).toContain('/auth/user/emailpass/update?token=[redacted]');
    for (const secret of ['reset.jwt.value', 'header.payload.signature', 's%3Aold-session', 's%3Afresh-session', 'hunter2']) {
      expect(line).not.toContain(secret);
    }
  });
});
