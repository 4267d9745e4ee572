import 'server-only';

import type { NotificationSettingsPort } from '@/lib/db/store';
import { defaultNotificationSettings, type Membership } from '@/lib/db/types';

import type { MemberFacts } from '../rules';

/** Members with what the rules need of each: muted, and their notification level. */
export async function memberFacts(
  store: NotificationSettingsPort,
  memberships: Membership[],
): Promise<MemberFacts[]> {
  const settings = await store.getNotificationSettingsFor({
    userIds: memberships.map((m) => m.userId),
  });
  const levelOf = new Map(settings.map((s) => [s.userId, s.level]));
  return memberships.map((m) => ({
    userId: m.userId,
    muted: m.muted,
    level: levelOf.get(m.userId) ?? defaultNotificationSettings(m.userId).level,
  }));
}
