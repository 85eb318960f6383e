import { useValues } from 'kea'

import { visualReviewRunsLogic } from './visualReviewRunsLogic'

export function VisualReviewRuns(): JSX.Element {
    const { runs } = useValues(visualReviewRunsLogic)
    return (
        <ul className="VisualReviewRuns">
            {runs.map((run) => (
                <li key={run.id}>
                    {run.branch} @ {run.commit_sha.slice(0, 7)}: {run.changed_snapshots} changed
                </li>
            ))}
        </ul>
    )
}

export default VisualReviewRuns
