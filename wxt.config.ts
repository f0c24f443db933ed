import { defineConfig } from 'wxt';
import { developmentPscDiscoveryUrl, developmentServiceUrl, hostPatternFor, optionalHostPatterns } from './extension/config/build-defaults';

// The same build-time addresses as extension/config/service-config.ts: host permissions name
// exactly the service and Pro Santé Connect, nothing wider (docs/EXTENSION.md justifies each).
const serviceUrl = process.env.WXT_SERVICE_URL ?? developmentServiceUrl;
const pscDiscoveryUrl = process.env.WXT_PSC_DISCOVERY_URL ?? developmentPscDiscoveryUrl;
const hosts = [...new Set([hostPatternFor(serviceUrl), hostPatternFor(pscDiscoveryUrl)])];

// Permissions both browsers understand; each one is justified in docs/EXTENSION.md.
const shared = ['storage', 'alarms', 'notifications', 'identity', 'browsingData', 'privacy', 'webRequest', 'scripting'];

// WXT 0.21 resolves publicDir and modulesDir from the repository root, not from srcDir.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modulesDir: 'extension/modules',
  outDir: 'dist/extension',
  // One promise-based `browser` for Chrome and Firefox.
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Commande de vaccins Covid-19',
    description: 'Connexion et diagnostic du service de commande de vaccins pour les officines.',
    ...(browser === 'firefox'
      ? {
          // Manifest V2 (WXT's Firefox default): host permissions sit in `permissions`.
          permissions: [...shared, ...hosts],
          // Reading the proxy settings is Firefox-only and asked for on demand.
          optional_permissions: ['proxy', ...optionalHostPatterns],
          browser_specific_settings: { gecko: { id: 'commande-vaccins@sante.example', strict_min_version: '128.0' } },
        }
      : {
          // contentSettings: Chrome's per-site cookie setting, which Firefox does not expose.
          permissions: [...shared, 'contentSettings'],
          host_permissions: hosts,
          optional_host_permissions: optionalHostPatterns,
          minimum_chrome_version: '120',
        }),
  }),
});
