import type { NotificationPrefs } from '../messages/protocol';

/** Every notification is on until the pharmacist turns it off in the options page. */
export const defaultPrefs: NotificationPrefs = { sessionOpens: true, closingSoon: true, confirmation: true };
