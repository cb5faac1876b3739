import { Badge, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    // A badge never cuts its word ("CONFIR…", "PLĂTI…" in Romanian, "ASSIG…" in a tight
    // table cell on a phone): it is as wide as its text and does not shrink in a flex row.
    Badge: Badge.extend({
      styles: {
        root: {
          flexShrink: 0,
          minWidth: 'max-content',
          maxWidth: 'none',
          overflow: 'visible',
          textOverflow: 'clip',
        },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    }),
  },
});
