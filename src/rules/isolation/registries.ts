/**
 * hogli's registries of sanctioned exceptions (isolation.py), as rule options with hogli's
 * values by default: classes a facade may hand out for a core registry (carve-outs), Django
 * models it may hand out for now (model crossings), wiring locations no core test drives
 * (decoupled garages), and products whose permanent interface needs no ClickHouse import.
 */
export interface IsolationRegistries {
  carveOuts: Record<string, string[]>;
  modelCrossings: Record<string, string[]>;
  decoupledGarages: Record<string, string[]>;
  permanentInterfaceExempt: string[];
}

export const DEFAULT_REGISTRIES: IsolationRegistries = {
  carveOuts: { customer_analytics: ["TeamCustomerAnalyticsConfig"], tasks: ["Task"] },
  modelCrossings: {
    product_analytics: ["Insight", "InsightVariable", "InsightViewed"],
    warehouse_sources: [
      "DataWarehouseCredential",
      "DataWarehouseTable",
      "ExternalDataJob",
      "ExternalDataSchema",
      "ExternalDataSource",
      "PendingSourceCredential",
      "WarehouseColumnAnnotation",
      "WarehouseColumnStatistics",
    ],
  },
  decoupledGarages: { product_analytics: ["backend/hogql_queries/"] },
  permanentInterfaceExempt: ["warehouse_sources"],
};

const byProduct = (description: string) => ({
  type: "object",
  additionalProperties: { type: "array", items: { type: "string" } },
  description,
});

/** The JSON schema properties of the registries. */
export const REGISTRY_SCHEMA_PROPERTIES = {
  carveOuts: byProduct("Per product, classes its facade may hand out for a core registry keyed by class (hogli's CARVE_OUTS); their modules must be watched."),
  modelCrossings: byProduct("Per product, Django models its facade may hand out for now (hogli's MODEL_CROSSINGS): a warning, not an error."),
  decoupledGarages: byProduct("Per product, wiring locations (`backend/tasks/`...) a narrowing may leave unwatched (hogli's DECOUPLED_GARAGES)."),
  permanentInterfaceExempt: {
    type: "array",
    items: { type: "string" },
    description: "Products whose permanent-interface modules need no import from ClickHouse's migrations or schema.",
  },
};
