import { ProductManifest } from '~/types'

export const manifest: ProductManifest = {
    name: 'Visual review',
    scenes: {
        VisualReviewRuns: {
            import: () => import('./frontend/VisualReviewRuns'),
            projectBased: true,
            name: 'Visual review',
        },
    },
    routes: {
        '/visual_review': ['VisualReviewRuns', 'visualReviewRuns'],
    },
    urls: {
        visualReviewRuns: (): string => '/visual_review',
        visualReviewRun: (id: string): string => `/visual_review/runs/${id}`,
    },
}
