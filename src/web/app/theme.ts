import { createTheme, Drawer, localStorageColorSchemeManager, Modal, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 in light mode: links and white-on-primary buttons meet WCAG AA contrast (4.5:1).
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  cursorType: 'pointer',
  // Mantine's close buttons are icons without a name; screen readers (and axe) need one.
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

/**
 * Text colours that meet WCAG AA (4.5:1) on white and on a colour's "light" background (its shade 6 at
 * 10%): shade 9 where that is dark enough, a darker tone of the same hue where even shade 9 is not
 * (green 4.0:1, orange 3.9:1, yellow 2.8:1, lime 3.5:1, teal 4.6:1 borderline).
 */
const accessibleText: Record<string, string> = {
  red: 'var(--mantine-color-red-9)',
  pink: 'var(--mantine-color-pink-9)',
  grape: 'var(--mantine-color-grape-9)',
  violet: 'var(--mantine-color-violet-9)',
  indigo: 'var(--mantine-color-indigo-9)',
  blue: 'var(--mantine-color-blue-9)',
  cyan: 'var(--mantine-color-cyan-9)',
  gray: 'var(--mantine-color-gray-9)',
  dark: 'var(--mantine-color-dark-9)',
  teal: '#066649',
  green: '#237032',
  lime: '#466f0a',
  yellow: '#7a4f00',
  orange: '#a8380b',
};

/** Mantine's default greys and light-variant text fall under 4.5:1 on white; darker shades meet WCAG AA (axe checks it in e2e). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Real elements show placeholders too (FileInput, Select with no value): 4.7:1 on white.
    '--mantine-color-placeholder': '#6c757d',
    // Text on "light" variants (active navigation, badges, avatars, light buttons) and on "outline" ones, in every colour.
    '--mantine-primary-color-light-color': 'var(--mantine-color-indigo-9)',
    ...Object.fromEntries(
      Object.entries(accessibleText).flatMap(([name, value]) => [
        [`--mantine-color-${name}-light-color`, value],
        [`--mantine-color-${name}-outline`, value],
      ]),
    ),
    '--mantine-color-red-text': 'var(--mantine-color-red-8)',
    // Links stay AA on tinted cards too (indigo 7 is 4.4:1 on a blue light background; 8 is 5.1:1).
    '--mantine-color-anchor': 'var(--mantine-color-indigo-8)',
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});

export const colorSchemeManager = localStorageColorSchemeManager({ key: 'rapport-color-scheme' });
