import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// One ES module that a host page loads with <script type="module">, served by the server at /widget/.
export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, '../dist/widget'),
    emptyOutDir: true,
    target: ['chrome109', 'firefox115', 'edge109'],
    lib: {
      entry: resolve(import.meta.dirname, 'index.ts'),
      formats: ['es'],
      fileName: () => 'vaccine-order-app.js',
    },
  },
});
