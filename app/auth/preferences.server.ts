/** A person's own settings. */
import type { Executor } from '../../db/client.server.js';
import { updateUserLocale } from '../../db/queries/users.js';
import type { Locale } from '../../db/schema.js';

/** Stores the chosen language on the user, so it follows them to other devices. */
export async function changeLanguage(deps: { db: Executor }, userId: string, locale: Locale): Promise<void> {
  await updateUserLocale(deps.db, userId, locale);
}
