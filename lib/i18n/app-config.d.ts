import type { formats } from './formats';

// next-intl checks format names against ours: format.dateTime(d, 'shrot') fails the type check.
declare module 'next-intl' {
  interface AppConfig {
    Formats: typeof formats;
  }
}
