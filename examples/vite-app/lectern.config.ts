// Lectern's options for the decks of this app (read by the plugin from Vite's root).
import { defineConfig } from 'lectern';

export default defineConfig({
  theme: 'dark',
  maxPoints: 4,
});
