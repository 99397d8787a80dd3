import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The portal is a static single-page application: `vite build` writes dist/, which `pnpm start`
// serves (server/serve.ts) with a config.json saying where the gateway is.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { port: 5173 },
  preview: { port: 5173 },
});
