// Types of scripts/system-deps.mjs (plain JavaScript, so it runs on any Node.js before the install).
export type Tool = 'java' | 'chromium';
export type Command = 'start' | 'test' | 'simulate' | 'bench';
export declare const NEEDS: Record<Command, Tool[]>;
export declare const DEBIAN_PACKAGES: Record<Tool, string>;
export declare function javaMajorVersion(output: string): number | null;
export declare function findTools(env?: Record<string, string | undefined>): Record<Tool, boolean>;
export declare function canInstallWithApt(): boolean;
export type SystemDepsPlan =
  | { kind: 'ready' }
  | { kind: 'install'; packages: string[]; message: string }
  | { kind: 'stop'; packages: string[]; message: string };
export declare function planSystemDeps(input: { command: string; found: Record<Tool, boolean>; canApt: boolean }): SystemDepsPlan;
