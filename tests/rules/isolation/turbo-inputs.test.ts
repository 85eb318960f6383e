/** hogli's reading of turbo.json contract-check inputs (isolation.py), ported from its test_checks.py case for case. */
import { describe, expect, it } from "vitest";
import {
  hasNarrowedTurboInputs,
  inputCovers,
  MODEL_SURFACE,
  moduleLocations,
  routesInTurboInputs,
  uncoveredLocations,
  unwatchedModelSurface,
} from "../../../src/rules/isolation/turbo-inputs.js";

const FACADE = "backend/facade/**";
const PRESENTATION = "backend/presentation/**";
const MODELS = "backend/models/**";
const MIGRATIONS = "backend/migrations/**";

describe("hogli TestNarrowedTurboDetection", () => {
  it.each([
    [[FACADE, PRESENTATION], true],
    [[FACADE, PRESENTATION, "backend/routes.py"], true],
    [[PRESENTATION], true],
    [[FACADE, "!backend/facade/**/__pycache__/**"], true],
    [["backend/**", FACADE], false],
    [["backend/**"], false],
    [["**/*.py"], false],
    [[], false],
    [["backend/facade_legacy/**"], false],
    [["backend/routesmap/**"], false],
    [["backend/routes/presentation_router.py"], false],
  ])("test_has_narrowed_turbo_inputs: %j → %s", (inputs, narrowed) => {
    expect(hasNarrowedTurboInputs(inputs)).toBe(narrowed);
  });
});

describe("hogli TestRoutesInTurboInputs", () => {
  it.each([
    [[FACADE, "backend/routes.py"], true],
    [["backend/routes/**"], true],
    [[FACADE, PRESENTATION], false],
    [["backend/presentation/routes_views.py"], false],
    [["backend/logic/routes_helpers/**"], false],
    [[FACADE, "!backend/routes.py"], false],
  ])("test_routes_in_turbo_inputs: %j → %s", (inputs, watched) => {
    expect(routesInTurboInputs(inputs)).toBe(watched);
  });
});

const uncoveredPermanent = (inputs: string[], modules: string[]) => uncoveredLocations(inputs, modules, moduleLocations).sort();

describe("hogli TestPermanentInterface (turbo inputs)", () => {
  const permanentModules = ["backend.sql", "backend.embedding", "backend.indexed_embedding"];
  it.each([
    [[FACADE, "backend/sql.py", "backend/embedding.py", "backend/indexed_embedding.py"], true],
    [[FACADE], true],
    [["backend/**", "backend/sql.py"], false],
    [["backend/sql.py"], false],
  ])("test_permanent_modules_count_as_extended_surface: %j → %s", (inputs, narrowed) => {
    expect(hasNarrowedTurboInputs(inputs, { permanentModules })).toBe(narrowed);
  });

  it("test_uncovered_permanent_modules_detected", () => {
    expect(uncoveredPermanent([FACADE, "backend/sql.py"], permanentModules)).toEqual(["backend.embedding", "backend.indexed_embedding"]);
  });

  it("test_all_permanent_modules_covered", () => {
    expect(uncoveredPermanent([FACADE, "backend/sql.py", "backend/embedding.py"], ["backend.sql", "backend.embedding"])).toEqual([]);
  });
});

describe("hogli TestNarrowedTurboWiringSurface", () => {
  it.each([
    [[FACADE, "backend/hogql_queries/**"], true],
    [[FACADE, "backend/max_tools.py"], true],
    [[FACADE, "backend/tasks.py"], true],
    [["backend/hogql_queries/**"], false],
    [[FACADE, "backend/logic/**"], false],
  ])("test_garage_inputs_count_as_narrowing: %j → %s", (inputs, narrowed) => {
    expect(hasNarrowedTurboInputs(inputs)).toBe(narrowed);
  });

  it("test_carveout_module_is_accepted_surface_only_when_declared", () => {
    expect(hasNarrowedTurboInputs([FACADE, "backend/models/tcac.py"])).toBe(false);
    expect(hasNarrowedTurboInputs([FACADE, "backend/models/tcac.py"], { carveOutModules: ["backend/models/tcac.py"] })).toBe(true);
  });

  it.each([
    [[FACADE, "backend/models/tcac.py"], []],
    [[FACADE, MODELS], []],
    [[FACADE, "backend/models_extra/**"], ["backend/models/tcac.py"]],
    [[FACADE], ["backend/models/tcac.py"]],
  ])("test_carveout_module_coverage: %j → %j", (inputs, uncovered) => {
    expect(uncoveredLocations(inputs, ["backend/models/tcac.py"], (module) => [module])).toEqual(uncovered);
  });
});

describe("hogli TestWatchedModelsAllowance (the model surface)", () => {
  /** warehouse_sources with models/table.py and migrations/0001_initial.py (no models.py). */
  const exists = (location: string): boolean => location !== "backend/models.py";
  const unwatched = (inputs: string[], present = exists) => unwatchedModelSurface(inputs, present).sort();
  const watched = [FACADE, MODELS, MIGRATIONS];

  it.each([
    [[FACADE, MODELS, MIGRATIONS], []],
    [[FACADE, MODELS], ["backend/migrations/"]],
    [[FACADE], ["backend/migrations/", "backend/models/"]],
    [[FACADE, "backend/models/table.py", MIGRATIONS], ["backend/models/"]],
    [[...watched, "!backend/models/secret.py"], ["backend/models/"]],
    [[...watched, "!./backend/models/secret.py"], ["backend/models/"]],
    [[...watched, "!backend/**/secret.py"], ["backend/migrations/", "backend/models/"]],
    [[...watched, "!backend/temporal/data_imports/sources/mysql/tests/**"], []],
  ])("test_model_surface_coverage: %j → %j", (inputs, expected) => {
    expect(unwatched(inputs)).toEqual(expected);
  });

  it("test_migrations_are_required_before_the_directory_exists", () => {
    expect(unwatched([FACADE, MODELS], (location) => location === "backend/models/")).toEqual(["backend/migrations/"]);
  });

  it("test_model_surface_inputs_count_as_narrowing_only_when_passed", () => {
    expect(hasNarrowedTurboInputs(watched)).toBe(false);
    expect(hasNarrowedTurboInputs(watched, { modelSurface: MODEL_SURFACE })).toBe(true);
  });
});

describe("hogli's _input_covers", () => {
  it("covers a folder by a prefix, a file by itself or by <folder>/** above it", () => {
    expect(inputCovers("backend/tasks/**", "backend/tasks/")).toBe(true);
    expect(inputCovers("backend/tasks.py", "backend/tasks/")).toBe(false);
    expect(inputCovers("backend/tasks.py", "backend/tasks.py")).toBe(true);
    expect(inputCovers("backend/tasks.py.bak", "backend/tasks.py")).toBe(false);
    expect(inputCovers("backend/**", "backend/tasks.py")).toBe(true);
    expect(inputCovers("backend/*/x/**", "backend/a/x/tasks.py")).toBe(false);
  });
});
