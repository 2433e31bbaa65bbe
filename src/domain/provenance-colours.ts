/**
 * The provenance badges' colours (background, text), one table for the badge on screen
 * (ProvenanceBadge.vue) and the one drawn into the exported picture (src/io/export-title-card.ts).
 */
import type { Provenance } from './types'

export const PROVENANCE_COLOURS: Record<Provenance, { background: string; text: string }> = {
  official: { background: '#dcfce7', text: '#14532d' },
  'open-data': { background: '#e0f2fe', text: '#0c4a6e' },
  approximate: { background: '#fef3c7', text: '#78350f' },
  sample: { background: '#fde2e2', text: '#7f1d1d' },
  user: { background: '#f3e8ff', text: '#581c87' },
}
