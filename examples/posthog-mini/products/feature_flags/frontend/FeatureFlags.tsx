import { useValues } from 'kea'

import { featureFlagsLogic } from './featureFlagsLogic'

export function FeatureFlags(): JSX.Element {
    const { featureFlags, featureFlagsLoading } = useValues(featureFlagsLogic)
    if (featureFlagsLoading) {
        return <div className="FeatureFlags--loading">Loading…</div>
    }
    return (
        <ul className="FeatureFlags">
            {featureFlags.map((flag) => (
                <li key={flag.id}>
                    <code>{flag.key}</code> {flag.active ? 'on' : 'off'}
                </li>
            ))}
        </ul>
    )
}

export default FeatureFlags
