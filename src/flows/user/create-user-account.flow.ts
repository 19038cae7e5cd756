import { AuthService } from '../../modules/auth/auth.service';
import { UserService } from '../../modules/user/user.service';
import type { UserView } from '../../modules/user/user.types';
import { createFlow, createStep } from '../../framework/flows/flow';

export interface UserAccountServices {
  users: UserService;
  auth: AuthService;
}

/**
 * A user for an auth identity: accepts an invite (creating the user) or creates the user directly
 * (CLI), then links the identity to it — in one transaction, so a failure leaves no half account.
 */
export function acceptInviteFlow(services: UserAccountServices) {
  const acceptInvite = createStep('accept-invite', (input: { token: string; first_name?: string | null; last_name?: string | null }, ctx) =>
    services.users.acceptInvite(ctx, input.token, input),
  );
  const linkIdentity = createStep('link-identity-to-user', async (input: { authIdentityId: string; userId: string }, ctx) => {
    await services.auth.linkActor(ctx, input.authIdentityId, 'user', input.userId);
  });
  return createFlow('accept-invite', async (run, input: { authIdentityId: string; token: string; first_name?: string | null; last_name?: string | null }) => {
    const user: UserView = await run(acceptInvite, input);
    await run(linkIdentity, { authIdentityId: input.authIdentityId, userId: user.id });
    return user;
  });
}

export function createUserAccountFlow(services: UserAccountServices) {
  const register = createStep('register-or-reuse-identity', async (input: { email: string; password: string }, ctx) => {
    const existing = await services.auth.identityOfEmail(ctx, input.email);
    if (!existing) return (await services.auth.register(ctx, 'user', input.email, input.password)).auth_identity_id;
    await services.auth.setPassword(ctx, input.email, input.password);
    return existing.auth_identity_id;
  });
  const createUser = createStep('create-user', async (input: { email: string }, ctx) =>
    (await services.users.findByEmail(ctx, input.email)) ?? services.users.create(ctx, { email: input.email }),
  );
  const linkIdentity = createStep('link-identity-to-user', async (input: { authIdentityId: string; userId: string }, ctx) => {
    await services.auth.linkActor(ctx, input.authIdentityId, 'user', input.userId);
  });
  return createFlow('create-user-account', async (run, input: { email: string; password: string }) => {
    const authIdentityId = await run(register, input);
    const user = await run(createUser, input);
    await run(linkIdentity, { authIdentityId, userId: user.id });
    return user;
  });
}

/**
 * Removes a user: the user and its invites go, and its identity loses the link, with every token
 * and session it held, so the person can neither keep nor regain access (and can be invited again).
 */
export function deleteUserFlow(services: UserAccountServices) {
  const deleteUser = createStep('delete-user', async (userId: string, ctx) => {
    await services.users.delete(ctx, userId);
  });
  const unlinkIdentity = createStep('unlink-identities-of-user', async (userId: string, ctx) => {
    await services.auth.unlinkActor(ctx, 'user', userId);
  });
  return createFlow('delete-user', async (run, userId: string) => {
    await run(deleteUser, userId);
    await run(unlinkIdentity, userId);
  });
}
