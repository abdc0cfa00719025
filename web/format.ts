// Date formatting lives in core (emails use it too); the pages and scripts import it from here.
export * from '../core/markup/format.ts';
