// In-memory implementations of the use cases' ports (core/app/ports/), and the sample directory as a source.
import { parseDirectory } from '../../../core/directory/directory.ts';
import { fixedDirectorySource } from '../../../core/directory/source.ts';
import sample from '../../../directory/sample.json' with { type: 'json' };

export { fixedClock } from '../../../core/app/ports/clock.ts';
export { MemoryReportStore } from './report-store.ts';

export const sampleDirectory = parseDirectory(sample);
export const sampleDirectorySource = fixedDirectorySource(sampleDirectory);
export { fixedDirectorySource } from '../../../core/directory/source.ts';
export { MemoryLedger, MemoryMailer } from './email.ts';
export { MemoryChildIndex } from './child-index.ts';
export { MemoryConsultationStore } from './consultation-store.ts';
export { MemoryFiguresStore } from './figures-store.ts';
export { MemoryIdentityProvider } from './identity-provider.ts';
