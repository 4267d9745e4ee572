/**
 * The store port for account security: two-factor sign-in, signed-in sessions and the privacy
 * setting for discovery by email. Both adapters implement it (lib/db/sqlite/account-security.ts,
 * lib/db/mongo/account-security.ts) and pass test/contracts/account-security.ts.
 */

/** A person's two-factor state. `enabledAt` null: enrolment started, not confirmed yet. */
export type TwoFactor = {
  userId: string;
  /** The TOTP secret, sealed by lib/auth/two-factor/secret-box.ts; never sent to anyone. */
  secretBox: string;
  enabledAt: Date | null;
  /** The last TOTP time step accepted: a code is never accepted twice. */
  lastStep: number | null;
  recoveryCodesLeft: number;
};

/** One signed-in browser: the `sid` claim of its session cookie. */
export type SessionRecord = {
  id: string;
  userId: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
};

export interface AccountSecurityPort {
  getTwoFactor(input: { userId: string }): Promise<TwoFactor | null>;
  /** Starts (or restarts) enrolment with a new secret; false when two-factor is already on. */
  startTwoFactor(input: { userId: string; secretBox: string }): Promise<boolean>;
  /**
   * Turns a pending enrolment on, with these recovery codes (hashes) and the step of the code
   * that confirmed it; false when nothing is pending.
   */
  enableTwoFactor(input: {
    userId: string;
    recoveryCodeHashes: string[];
    step: number;
  }): Promise<boolean>;
  /** Turns two-factor off and forgets the secret and the recovery codes. */
  disableTwoFactor(input: { userId: string }): Promise<void>;
  /** Records the step of an accepted code; false (atomically) when it or a later step was used. */
  useTwoFactorStep(input: { userId: string; step: number }): Promise<boolean>;
  /** Spends a recovery code: true exactly once per code, however many ask at the same time. */
  useRecoveryCode(input: { userId: string; codeHash: string }): Promise<boolean>;

  createSession(input: { userId: string; userAgent: string | null }): Promise<SessionRecord>;
  getSession(input: { id: string }): Promise<SessionRecord | null>;
  /** The person's sessions, most recently seen first (then id). */
  listSessions(input: { userId: string }): Promise<SessionRecord[]>;
  touchSession(input: { id: string; at: Date }): Promise<void>;
  /** Ends one of the person's own sessions; false when they have none with that id. */
  deleteSession(input: { userId: string; id: string }): Promise<boolean>;
  deleteSessions(input: { userId: string }): Promise<void>;

  /** "Let people find me by email": off unless the person turned it on. */
  getFindableByEmail(input: { userId: string }): Promise<boolean>;
  setFindableByEmail(input: { userId: string; findable: boolean }): Promise<void>;
  /** Whether two different people are members of at least one conversation together. */
  shareConversation(input: { userIds: [string, string] }): Promise<boolean>;
}
