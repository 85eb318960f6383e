import { ProductManifest } from '~/types'

export const manifest: ProductManifest = {
    name: 'Web analytics',
    scenes: {
        WebAnalytics: {
            import: () => import('./frontend/WebAnalyticsScene'),
            projectBased: true,
            name: 'Web analytics',
        },
    },
    routes: {
        '/web': ['WebAnalytics', 'webAnalytics'],
    },
    urls: {
        webAnalytics: (): string => '/web',
    },
}
