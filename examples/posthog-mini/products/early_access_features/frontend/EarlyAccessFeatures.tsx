export interface EarlyAccessFeatureRow {
    id: string
    name: string
    stage: 'draft' | 'concept' | 'alpha' | 'beta' | 'general-availability' | 'archived'
}

export function EarlyAccessFeatures({ features }: { features: EarlyAccessFeatureRow[] }): JSX.Element {
    return (
        <ul className="EarlyAccessFeatures">
            {features.map((feature) => (
                <li key={feature.id}>
                    {feature.name} <span className="EarlyAccessFeatures__stage">{feature.stage}</span>
                </li>
            ))}
        </ul>
    )
}

export default EarlyAccessFeatures
