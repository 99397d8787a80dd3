import { createTheme } from '@mantine/core';

// Dark enough shades everywhere for WCAG AA contrast (4.5:1) of text on the colours and of white
// text on filled buttons and badges.
export const theme = createTheme({
  primaryColor: 'green',
  primaryShade: { light: 9, dark: 9 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'sm',
  colors: {
    green: [
      '#e6f4ee',
      '#cde8dc',
      '#9fd2bb',
      '#6fbb99',
      '#47a67c',
      '#2f906a',
      '#1f7a58',
      '#17664a',
      '#10543c',
      '#0b4f3c',
    ],
  },
  other: {},
});
