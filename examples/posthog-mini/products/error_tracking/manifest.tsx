import { ProductManifest } from '~/types'

export const manifest: ProductManifest = {
    name: 'Error tracking',
    scenes: {
        ErrorTracking: {
            import: () => import('./frontend/ErrorTrackingScene'),
            projectBased: true,
            name: 'Error tracking',
        },
    },
    routes: {
        '/error_tracking': ['ErrorTracking', 'errorTracking'],
    },
    urls: {
        errorTracking: (): string => '/error_tracking',
        errorTrackingIssue: (id: string): string => `/error_tracking/${id}`,
    },
}
