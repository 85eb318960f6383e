from pathlib import Path

import yaml

ROUTING_FILE = Path(__file__).resolve().parent.parent / "products" / "db_routing.yaml"


def _load_routes() -> dict[str, str]:
    with ROUTING_FILE.open() as fh:
        config = yaml.safe_load(fh) or {}
    return {route["app_label"]: route["database"] for route in config.get("routes", [])}


class ProductDBRouter:
    def __init__(self) -> None:
        self.routes = _load_routes()

    def db_for_read(self, model, **hints):
        database = self.routes.get(model._meta.app_label)
        return f"{database}_db_reader" if database else None

    def db_for_write(self, model, **hints):
        database = self.routes.get(model._meta.app_label)
        return f"{database}_db_writer" if database else None

    def allow_relation(self, obj1, obj2, **hints):
        return self.routes.get(obj1._meta.app_label) == self.routes.get(obj2._meta.app_label)

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        database = self.routes.get(app_label)
        if database:
            return db == f"{database}_db_writer"
        return db == "default"
