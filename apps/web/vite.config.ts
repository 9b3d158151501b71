import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    rolldownOptions: {
      treeshake: {
        // @kenshu/domain imports the holiday calendar (a CommonJS data file of ~200 kB) for its
        // working-day rules. Declaring it free of side effects lets the bundle drop it until the
        // web app calls those rules.
        moduleSideEffects: (id) => !id.includes('/@holiday-jp/holiday_jp/'),
      },
    },
  },
  server: {
    // The API runs separately in development (`pnpm --filter @kenshu/api dev`); in production it
    // serves the built SPA itself, so the browser only ever talks to one origin.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
