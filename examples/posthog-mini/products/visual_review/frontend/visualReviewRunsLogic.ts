import { kea, path } from 'kea'
import { loaders } from 'kea-loaders'

import api from 'lib/api'

export interface RunRow {
    id: string
    branch: string
    commit_sha: string
    changed_snapshots: number
}

export const visualReviewRunsLogic = kea([
    path(['products', 'visual_review', 'frontend', 'visualReviewRunsLogic']),
    loaders({
        runs: [[] as RunRow[], { loadRuns: async () => (await api.get('api/visual_review/runs')).results }],
    }),
])
