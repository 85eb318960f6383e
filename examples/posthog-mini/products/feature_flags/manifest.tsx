import { urls } from 'scenes/urls'

import { ProductManifest } from '~/types'

export const manifest: ProductManifest = {
    name: 'Feature flags',
    scenes: {
        FeatureFlags: {
            import: () => import('./frontend/FeatureFlags'),
            projectBased: true,
            name: 'Feature flags',
        },
    },
    routes: {
        '/feature_flags': ['FeatureFlags', 'featureFlags'],
    },
    urls: {
        featureFlags: (tab?: string): string => `/feature_flags${tab ? `?tab=${tab}` : ''}`,
        featureFlag: (id: string | number): string => `/feature_flags/${id}`,
    },
    treeItemsNew: [{ path: 'Feature flag', type: 'feature_flag', href: urls.featureFlag('new') }],
}
