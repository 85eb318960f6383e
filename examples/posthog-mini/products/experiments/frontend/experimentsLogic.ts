import { kea, path } from 'kea'
import { loaders } from 'kea-loaders'

import api from 'lib/api'

export interface ExperimentRow {
    id: number
    name: string
    start_date: string | null
}

export const experimentsLogic = kea([
    path(['products', 'experiments', 'frontend', 'experimentsLogic']),
    loaders({
        experiments: [
            [] as ExperimentRow[],
            {
                loadExperiments: async () => (await api.get('api/projects/@current/experiments')).results,
            },
        ],
    }),
])
