import clsx from 'clsx'

export interface IssueRow {
    id: string
    name: string
    status: 'active' | 'resolved' | 'suppressed'
    occurrences: number
}

export function ErrorTrackingScene({ issues }: { issues: IssueRow[] }): JSX.Element {
    return (
        <ul className="ErrorTrackingScene">
            {issues.map((issue) => (
                <li key={issue.id} className={clsx('Issue', issue.status === 'resolved' && 'Issue--resolved')}>
                    {issue.name} ({issue.occurrences})
                </li>
            ))}
        </ul>
    )
}

export default ErrorTrackingScene
