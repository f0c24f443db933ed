import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// One ES module that a host page loads with <script type="module">, served by the server at
// /widget/; screens' heavy parts (PDF, guides) are chunks loaded on demand beside it. An app
// build rather than library mode: library mode leaves ES output unminified.
export default defineConfig({
  base: './',
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, '../dist/widget'),
    emptyOutDir: true,
    target: ['chrome109', 'firefox115', 'edge109'],
    modulePreload: false,
    rollupOptions: {
      input: resolve(import.meta.dirname, 'index.ts'),
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: 'vaccine-order-app.js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
