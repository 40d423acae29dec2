import type { SpeakerSummary } from '../../shared/bundle';

/** "Code for America · @catherine", or nothing. */
export function speakerDetails(speaker: Pick<SpeakerSummary, 'name' | 'affiliation' | 'handle'>) {
  return [
    speaker.affiliation,
    speaker.handle && speaker.name !== `@${speaker.handle}` ? `@${speaker.handle}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}
