import type { NotificationView } from '../notification.types';

/** What an admin sees in place of a secret. */
export const REDACTED = '[redacted]';

/** `token`, `reset_token`, `access_token`, …: a key naming a credential. */
const SECRET_KEY = /^(?:\w*_)?token$/i;
/** The value of a `token=` / `…_token=` query parameter inside a string (a reset or accept link). */
const SECRET_PARAM = /([?&](?:\w*_)?token=)[^&#\s]*/gi;

/**
 * A notification as the admin API shows it. `data` carries what the provider needs to build the
 * message, including password-reset and invite tokens: anyone reading them could take over the
 * account or join the team, so the admin views mask them. Top-level keys named `token` (or
 * `…_token`) and `token=` parameters in top-level string values (the links) are replaced with
 * `[redacted]`; the stored row, and what the provider receives, keep the real values.
 */
export function redactForAdmin(view: NotificationView): NotificationView {
  if (!view.data) return view;
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view.data)) {
    if (SECRET_KEY.test(key) && value != null) data[key] = REDACTED;
    else if (typeof value === 'string') data[key] = value.replace(SECRET_PARAM, `$1${REDACTED}`);
    else data[key] = value;
  }
  return { ...view, data };
}
