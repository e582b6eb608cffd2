// The little of GeoJSON the page needs to name.
export interface FeatureCollection { type: 'FeatureCollection'; features: Array<{ type: 'Feature'; properties: Record<string, unknown> | null; geometry: unknown }> }
