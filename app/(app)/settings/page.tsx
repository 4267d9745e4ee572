import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';

import { AvatarForm } from '@/components/settings/avatar-form';
import { NotificationSettingsForm } from '@/components/settings/notification-settings';
import { SoundSwitch } from '@/components/settings/sound-switch';
import { PushSwitch } from '@/components/settings/push-switch';
import { ProfileForm } from '@/components/settings/profile-form';
import { PrivacySection } from '@/components/settings/privacy-section';
import { SessionsSection } from '@/components/settings/sessions-section';
import { TokensSection } from '@/components/settings/tokens-section';
import { TwoFactorSection } from '@/components/settings/two-factor-section';
import { requireUser } from '@/lib/auth/server/current-user';
import { currentSessionId, listSessions, presentSession } from '@/lib/auth/server/sessions';
import { twoFactorStatus } from '@/lib/auth/two-factor/service';
import { presentToken } from '@/lib/auth/server/tokens';
import { getStore } from '@/lib/db';
import { getNotificationSettings } from '@/lib/notifications/server/service';
import { avatarUrl } from '@/lib/users/present';
import { getPrivacy } from '@/lib/users/server/search';

export const metadata: Metadata = { title: 'Settings' };

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col gap-4 rounded-lg border border-border p-5"
    >
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function SettingsPage() {
  const user = await requireUser('/settings');
  const store = await getStore();
  const [tokens, notificationSettings, twoFactor, sessions, currentSid, privacy] =
    await Promise.all([
      store.listApiTokens({ userId: user.id }),
      getNotificationSettings(store, user),
      twoFactorStatus(user.id),
      listSessions(user.id),
      headers().then(currentSessionId),
      getPrivacy(user.id),
    ]);
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-4 py-8">
      <div>
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="text-sm text-muted">Signed in as {user.email}</p>
      </div>
      <Section title="Profile">
        <AvatarForm name={user.name} image={avatarUrl(user)} />
        <ProfileForm
          key={`${user.name}|${user.statusText ?? ''}`}
          name={user.name}
          statusText={user.statusText}
        />
      </Section>
      <Section title="Notifications">
        <NotificationSettingsForm
          initial={notificationSettings}
          push={
            <>
              <PushSwitch />
              <SoundSwitch />
            </>
          }
        />
      </Section>
      <Section title="API tokens">
        <TokensSection tokens={tokens.map(presentToken)} />
      </Section>
      <Section title="Privacy">
        <PrivacySection initial={privacy} />
      </Section>
      <Section title="Security">
        <h3 className="font-medium">Two-factor sign-in</h3>
        <TwoFactorSection initial={twoFactor} />
        <h3 className="font-medium">Signed-in devices</h3>
        <SessionsSection sessions={sessions.map((s) => presentSession(s, currentSid))} />
      </Section>
    </main>
  );
}
