import { useValues } from 'kea'

import { experimentsLogic } from './experimentsLogic'

export function Experiments(): JSX.Element {
    const { experiments } = useValues(experimentsLogic)
    return (
        <table className="Experiments">
            <tbody>
                {experiments.map((experiment) => (
                    <tr key={experiment.id}>
                        <td>{experiment.name}</td>
                        <td>{experiment.start_date ? 'running' : 'draft'}</td>
                    </tr>
                ))}
            </tbody>
        </table>
    )
}

export default Experiments
