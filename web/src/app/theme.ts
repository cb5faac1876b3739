import { Badge, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    Badge: Badge.extend({
      // A badge is a word or two: it takes the room its words need instead of being cut
      // ("ASSIG…", "CASH ON DE…" in a tight table cell on a phone, found by the journey test);
      // the table scrolls or the row wraps around it.
      styles: { root: { minWidth: 'max-content' } },
    }),
  },
});
