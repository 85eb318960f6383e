import { kea, path } from 'kea'
import { loaders } from 'kea-loaders'

import api from 'lib/api'

export interface FeatureFlagRow {
    id: number
    key: string
    active: boolean
}

export const featureFlagsLogic = kea([
    path(['products', 'feature_flags', 'frontend', 'featureFlagsLogic']),
    loaders({
        featureFlags: [
            [] as FeatureFlagRow[],
            {
                loadFeatureFlags: async () => (await api.get('api/projects/@current/feature_flags')).results,
            },
        ],
    }),
])
