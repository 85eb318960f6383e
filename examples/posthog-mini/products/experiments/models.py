from products.experiments.backend.models import (  # noqa: F401
    Experiment,
    ExperimentHoldout,
    ExperimentSavedMetric,
    ExperimentToSavedMetric,
)
