/** Where signed-in people land by default. */
export const HOME_PATH = '/chats';

/** Only same-site paths may be returned to after sign-in (no open redirects). */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return HOME_PATH;
  return value;
}
