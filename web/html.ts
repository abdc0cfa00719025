// The HTML template tag lives in core (emails use it too); the pages and scripts import it from here.
export * from '../core/markup/html.ts';
