import { Logger } from '@nestjs/common';
import type { ActiveSession, AuthContext } from '../../../framework/auth/auth-context';
import type { AppConfig } from '../../../framework/config/app-config';
import { AuthService, rollInterval } from '../auth.service';
import type { AuthSessionStore } from './session-store';

const AUTH: AuthContext = { actor_id: 'user_1', actor_type: 'user', auth_identity_id: 'authid_1', app_metadata: {} };
const HOUR = 60 * 60 * 1000;

function serviceWith(store: Partial<AuthSessionStore>, session: Partial<AppConfig['auth']['session']> = {}): AuthService {
  const config = { auth: { session: { ttlMs: 10 * HOUR, rolling: true, resave: false, ...session } } } as AppConfig;
  const none = undefined as never;
  return new AuthService(none, none, none, none, store as AuthSessionStore, config);
}

const endingIn = (ms: number): ActiveSession => ({ auth: AUTH, expires_at: new Date(Date.now() + ms) });

describe('rolling sessions', () => {
  it('write the store at most once a minute, or once per tenth of a short ttl', () => {
    expect(rollInterval(10 * HOUR)).toBe(60_000);
    expect(rollInterval(4000)).toBe(400);
  });

  it('extend a session whose end has not moved for an interval to now + ttl', async () => {
    const extend = jest.fn().mockResolvedValue(true);
    const before = Date.now();
    const end = await serviceWith({ extend }).roll('sess_1', endingIn(10 * HOUR - 61_000));
    expect(extend).toHaveBeenCalledWith('sess_1', AUTH, end);
    expect(end!.getTime()).toBeGreaterThanOrEqual(before + 10 * HOUR);
  });

  it('leave the store alone within the interval, answering the end it holds', async () => {
    const extend = jest.fn();
    const session = endingIn(10 * HOUR - 30_000);
    expect(await serviceWith({ extend }).roll('sess_1', session)).toBe(session.expires_at);
    expect(extend).not.toHaveBeenCalled();
  });

  it('write on every request with resave', async () => {
    const extend = jest.fn().mockResolvedValue(true);
    await serviceWith({ extend }, { resave: true }).roll('sess_1', endingIn(10 * HOUR - 10));
    expect(extend).toHaveBeenCalledTimes(1);
  });

  it('answer nothing for a session that ended meanwhile, or when the store cannot be written', async () => {
    expect(await serviceWith({ extend: jest.fn().mockResolvedValue(false) }).roll('sess_1', endingIn(1000))).toBeUndefined();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    expect(await serviceWith({ extend: jest.fn().mockRejectedValue(new Error('Redis down')) }).roll('sess_1', endingIn(1000))).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
