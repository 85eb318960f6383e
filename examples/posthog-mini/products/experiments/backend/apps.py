from django.apps import AppConfig


class ExperimentsConfig(AppConfig):
    name = "products.experiments.backend"
    label = "experiments"
    verbose_name = "Experiments"
