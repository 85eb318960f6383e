import { ProductManifest } from '~/types'

export const manifest: ProductManifest = {
    name: 'Experiments',
    scenes: {
        Experiments: {
            import: () => import('./frontend/Experiments'),
            projectBased: true,
            name: 'Experiments',
        },
    },
    routes: {
        '/experiments': ['Experiments', 'experiments'],
    },
    urls: {
        experiments: (): string => '/experiments',
        experiment: (id: string | number): string => `/experiments/${id}`,
    },
}
