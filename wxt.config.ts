import { defineConfig } from 'wxt';

// WXT 0.21 resolves publicDir and modulesDir from the repository root, not from srcDir.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modulesDir: 'extension/modules',
  outDir: 'dist/extension',
  manifest: ({ browser }) => ({
    name: 'Commande de vaccins Covid-19',
    description: 'Connexion et diagnostic du service de commande de vaccins pour les officines.',
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'commande-vaccins@sante.example' } } }
      : {}),
  }),
});
