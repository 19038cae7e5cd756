import { decoyHash, hashSecret, verifySecret } from './passwords';
import { readCookie, signCookieValue, unsignCookieValue } from './cookies';

describe('password hashing (scrypt)', () => {
  it('verifies the right secret and rejects any other', async () => {
    const hash = await hashSecret('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    await expect(verifySecret('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(verifySecret('correct horse battery stapl', hash)).resolves.toBe(false);
    await expect(verifySecret('', hash)).resolves.toBe(false);
  });

  it('salts every hash: the same secret never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashSecret('same'), hashSecret('same')]);
    expect(a).not.toBe(b);
  });

  it('rejects stored values that are not scrypt hashes', async () => {
    await expect(verifySecret('x', 'plaintext')).resolves.toBe(false);
    await expect(verifySecret('x', 'bcrypt$1$2$3$4$5')).resolves.toBe(false);
  });

  it('keeps one decoy hash for unknown accounts', async () => {
    expect(await decoyHash()).toBe(await decoyHash());
  });
});

describe('signed session cookies', () => {
  it('round-trips a value signed with the secret, and only with it', () => {
    const signed = signCookieValue('session-id-1', 'cookie-secret');
    expect(signed).toMatch(/^s:session-id-1\.[A-Za-z0-9+/]+$/);
    expect(unsignCookieValue(signed, 'cookie-secret')).toBe('session-id-1');
    expect(unsignCookieValue(signed, 'other-secret')).toBeUndefined();
    expect(unsignCookieValue(signed.replace('session-id-1', 'session-id-2'), 'cookie-secret')).toBeUndefined();
    expect(unsignCookieValue('session-id-1', 'cookie-secret')).toBeUndefined();
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('a=1; connect.sid=s%3Aabc.def; b=2', 'connect.sid')).toBe('s:abc.def');
    expect(readCookie('a=1', 'connect.sid')).toBeUndefined();
    expect(readCookie(undefined, 'connect.sid')).toBeUndefined();
    expect(readCookie('connect.sid=%E0%A4%A', 'connect.sid')).toBeUndefined();
  });
});
