// The directory port (schools, areas, teams, people): defined with the directory, re-exported here with the other ports.
export type { DirectorySource } from '../../directory/source.ts';
