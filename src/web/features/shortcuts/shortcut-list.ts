export interface Shortcut {
  /** Alternatives; "Ctrl+K" is keys held together, "G H" is one key then the other. */
  keys: string[];
  label: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

/** The pages "g then a letter" opens, in the order the help lists them. */
export const goTo: { key: string; path: string; label: string }[] = [
  { key: 'h', path: '/', label: 'Home' },
  { key: 'c', path: '/contacts', label: 'Contacts' },
  { key: 'f', path: '/follow-ups', label: 'Follow-ups' },
  { key: 'r', path: '/review', label: 'Weekly review' },
  { key: 'a', path: '/appreciation', label: 'Appreciation' },
  { key: 'i', path: '/insights', label: 'Insights' },
  { key: 'e', path: '/events', label: 'Events' },
  { key: 'o', path: '/organizations', label: 'Organizations' },
  { key: 't', path: '/tags', label: 'Tags' },
  { key: 's', path: '/settings', label: 'Settings' },
];

/** Every shortcut of the app, as the help dialog shows it. */
export const shortcutGroups: ShortcutGroup[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: ['Ctrl+K', '⌘+K'], label: 'Search and commands' },
      { keys: ['L'], label: 'Log an interaction' },
      { keys: ['/'], label: 'Filter the list, or search' },
      { keys: ['?'], label: 'Show keyboard shortcuts' },
    ],
  },
  { title: 'Go to', shortcuts: goTo.map((g) => ({ keys: [`G ${g.key.toUpperCase()}`], label: g.label })) },
  {
    title: 'Contacts list',
    shortcuts: [
      { keys: ['J', '↓'], label: 'Next contact' },
      { keys: ['K', '↑'], label: 'Previous contact' },
      { keys: ['Enter'], label: 'Open the contact' },
      { keys: ['X'], label: 'Select or unselect it' },
    ],
  },
];
