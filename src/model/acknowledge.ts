import { addDays } from '../lib/dates.ts';

/**
 * The last day to acknowledge an edition: its effective date plus the days its acknowledgement sheet
 * allows. None when the edition asks for no acknowledgement or has no effective date yet.
 */
export function acknowledgeBy(edition: { effective?: string | undefined; acknowledge?: { withinDays: number } | undefined }): string | undefined {
  return edition.effective && edition.acknowledge ? addDays(edition.effective, edition.acknowledge.withinDays) : undefined;
}
