import { ProductManifest } from '~/types'

export const manifest: ProductManifest = {
    name: 'Early access features',
    scenes: {
        EarlyAccessFeatures: {
            import: () => import('./frontend/EarlyAccessFeatures'),
            projectBased: true,
            name: 'Early access features',
        },
    },
    routes: {
        '/early_access_features': ['EarlyAccessFeatures', 'earlyAccessFeatures'],
    },
    urls: {
        earlyAccessFeatures: (): string => '/early_access_features',
        earlyAccessFeature: (id: string): string => `/early_access_features/${id}`,
    },
}
