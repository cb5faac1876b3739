import { Badge, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    // A badge never cuts its word ("CONFIR…", "PLĂTI…" in Romanian): it is as wide as its
    // text and does not shrink in a flex row; a text longer than its container wraps.
    Badge: Badge.extend({
      styles: {
        root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible', textOverflow: 'clip' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    }),
  },
});
