/**
 * Rules for a production DEPLOYMENT, as opposed to a production build running on a laptop
 * (`npm start`, the e2e server): both have NODE_ENV=production, so the rules key on
 * VERCEL_ENV=production (set by Vercel) or PARLEY_ENV=production (set by self-hosters in
 * compose.yml, Kubernetes or a systemd unit). Pure, so lib/env.ts and its tests share it.
 */

export const DEPLOYMENT_SECRETS = [
  'NEXTAUTH_SECRET',
  'PARTY_SECRET',
  'ROOM_TOKEN_KEY',
  'JOBS_SECRET',
] as const;
type SecretName = (typeof DEPLOYMENT_SECRETS)[number];

export type DeploymentFacts = Partial<Record<SecretName, string>> & {
  VERCEL_ENV?: string;
  PARLEY_ENV?: string;
  NEXTAUTH_URL?: string;
};

export function isProductionDeployment(facts: DeploymentFacts): boolean {
  return facts.VERCEL_ENV === 'production' || facts.PARLEY_ENV === 'production';
}

// Words of six letters or more that only a placeholder or a hand-typed value contains (too long
// to turn up by chance in a random base64 secret: about 1 in 10^7).
const PLACEHOLDER = /change.?me|replace.?me|example|placeholder|secret|password|development|dummy/i;

/**
 * Why a secret is not fit for production, or null. "Development secret" means: a placeholder
 * (words such as change-me, example, secret, password), too little variety to be random (fewer than
 * 12 distinct characters), or a value `npm run dev` generated into <data dir>/secrets.json
 * (someone copied the laptop's .data to the server).
 */
export function developmentSecretReason(
  value: string,
  generated: ReadonlySet<string>,
): string | null {
  if (generated.has(value))
    return 'it is the development secret `npm run dev` generated into .data/secrets.json';
  if (PLACEHOLDER.test(value)) return 'it looks like a placeholder';
  if (new Set(value).size < 12) return 'it is not random (too few distinct characters)';
  return null;
}

function isLocalUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '0.0.0.0' ||
    host === '::1' ||
    /^127\./.test(host)
  );
}

/** Every reason a production deployment must not start; [] elsewhere. */
export function deploymentProblems(
  facts: DeploymentFacts,
  generated: ReadonlySet<string>,
): string[] {
  if (!isProductionDeployment(facts)) return [];
  const problems: string[] = [];
  if (!facts.NEXTAUTH_URL) {
    problems.push('NEXTAUTH_URL is not set: set it to the public https URL of this deployment.');
  } else if (isLocalUrl(facts.NEXTAUTH_URL)) {
    problems.push(
      `NEXTAUTH_URL is ${facts.NEXTAUTH_URL}, a local address: links, OAuth callbacks and jobs would point at the server itself. Set the public URL.`,
    );
  }
  for (const name of DEPLOYMENT_SECRETS) {
    const value = facts[name];
    if (!value) continue; // missing secrets are reported by the required-secret check
    const reason = developmentSecretReason(value, generated);
    if (reason) {
      problems.push(
        `${name} is a development secret (${reason}). Generate one: openssl rand -base64 32`,
      );
    }
  }
  return problems;
}
