export interface WebStat {
    label: string
    value: number
}

export function WebAnalyticsScene({ stats }: { stats: WebStat[] }): JSX.Element {
    return (
        <dl className="WebAnalyticsScene">
            {stats.map((stat) => (
                <div key={stat.label}>
                    <dt>{stat.label}</dt>
                    <dd>{stat.value.toLocaleString()}</dd>
                </div>
            ))}
        </dl>
    )
}

export default WebAnalyticsScene
