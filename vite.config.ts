import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The worker is an ES module chunk of its own; TF.js backends are pre-bundled so the dev server
// does not reload on first visit (see ../shared/TFJS-NOTES.md, Q5).
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  optimizeDeps: {
    include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgpu', '@tensorflow/tfjs-backend-wasm', 'papaparse'],
  },
  build: { chunkSizeWarningLimit: 4000, target: 'es2022' },
  server: { host: '127.0.0.1' },
});
