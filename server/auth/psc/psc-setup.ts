import type { AppConfig } from '../../config';
import { PscClient } from './psc-client';

export interface PscSetup {
  client: PscClient | null;
  /** Set when the development stand-in was started here. */
  standIn: { discoveryUrl: string; close: () => Promise<void> } | null;
}

/**
 * The real PSC when PSC_DISCOVERY_URL is set; in development without it, the local
 * stand-in (loaded only then, so production never imports development code).
 */
export async function setUpPsc(config: AppConfig): Promise<PscSetup> {
  const redirectUri = `${config.publicUrl}/auth/psc/callback`;
  let discoveryUrl = config.psc.discoveryUrl;
  let standIn: PscSetup['standIn'] = null;
  if (!discoveryUrl && config.psc.standIn.enabled) {
    const { startPscStandIn } = await import('../../dev/psc-stand-in/index');
    standIn = await startPscStandIn({
      host: config.host,
      port: config.psc.standIn.port,
      clients: [{ clientId: config.psc.clientId, clientSecret: config.psc.clientSecret, redirectUris: [redirectUri] }],
    });
    discoveryUrl = standIn.discoveryUrl;
  }
  if (!discoveryUrl) return { client: null, standIn };
  const client = new PscClient({
    discoveryUrl,
    clientId: config.psc.clientId,
    clientSecret: config.psc.clientSecret,
    redirectUri,
    allowInsecure: config.env !== 'production' && discoveryUrl.startsWith('http://'),
    timeoutSeconds: config.psc.timeoutSeconds,
  });
  return { client, standIn };
}
