/**
 * The addresses baked in at build time. Production builds set WXT_SERVICE_URL and
 * WXT_PSC_DISCOVERY_URL; without them the build targets a developer's machine (`npm start`
 * and its Pro Santé Connect stand-in). wxt.config.ts derives the host permissions from the
 * same values, so the manifest and the code never disagree.
 */
export const developmentServiceUrl = 'http://127.0.0.1:3000';
export const developmentPscDiscoveryUrl = 'http://127.0.0.1:4000/.well-known/wallet-openid-configuration';

/** Test environments whose address the options page may switch to (optional host permissions). */
export const optionalHostPatterns = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

/** A match pattern covers every port of a host, so one pattern per host is enough. */
export function hostPatternFor(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
