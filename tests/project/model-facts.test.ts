import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { clearRepoIndexCache, getRepoIndex, type RepoIndex } from "../../src/project/index.js";
import { fixturePath } from "../support/helpers.js";
import { tempTree } from "../support/temp-tree.js";

const indexOf = (root: string): RepoIndex => getRepoIndex(path.join(root, "products", "x.py"), { cwd: root })!;

beforeEach(() => clearRepoIndexCache());

describe("what the index reads of model classes and facades", () => {
  it("reads each model's relation fields, with the target as written and imports resolved", () => {
    const root = tempTree({
      "products/notes/__init__.py": "",
      "products/notes/backend/__init__.py": "",
      "products/notes/backend/apps.py": 'from django.apps import AppConfig\n\nclass NotesConfig(AppConfig):\n    name = "products.notes.backend"\n    label = "notes"\n',
      "products/notes/backend/models/__init__.py": "from .note import Note\n",
      "products/notes/backend/models/note.py": [
        "from django.conf import settings",
        "from django.db import models",
        "",
        "from posthog.models import team as team_models",
        "from ..other import Board",
        "from .tag import Tag",
        "",
        "class Note(models.Model):",
        '    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE, related_name="+")',
        "    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name='notes', related_query_name='note')",
        "    tags = models.ManyToManyField(Tag)",
        "    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)",
        "    owner_team = models.ForeignKey(team_models.Team, on_delete=models.CASCADE)",
        "    parent = models.ForeignKey('self', null=True, on_delete=models.CASCADE)",
        "    sibling = models.OneToOneField(Note, on_delete=models.CASCADE)",
        "    unknown = models.ForeignKey(make_target(), on_delete=models.CASCADE)",
        "    title = models.CharField(max_length=10)",
        "",
      ].join("\n"),
      "products/notes/backend/models/tag/__init__.py": "from .tag import Tag\n",
      "products/notes/backend/models/tag/tag.py": "from django.db import models\n\nclass Tag(models.Model):\n    name = models.CharField(max_length=10)\n",
    });
    const models = indexOf(root).apps.get("notes")!.models;
    expect(models.get("Note")!.relations).toEqual([
      { name: "team", kind: "ForeignKey", target: { kind: "string", value: "posthog.Team" }, relatedName: "+" },
      { name: "board", kind: "ForeignKey", target: { kind: "import", module: "products.notes.backend.other", name: "Board" }, relatedName: "notes", relatedQueryName: "note" },
      { name: "tags", kind: "ManyToManyField", target: { kind: "import", module: "products.notes.backend.models.tag", name: "Tag" } },
      { name: "author", kind: "ForeignKey", target: { kind: "user-model" } },
      { name: "owner_team", kind: "ForeignKey", target: { kind: "import", module: "posthog.models.team", name: "Team" } },
      { name: "parent", kind: "ForeignKey", target: { kind: "string", value: "self" } },
      { name: "sibling", kind: "OneToOneField", target: { kind: "local", name: "Note" } },
    ]);
    // The shallowest module below the models package that binds the name.
    expect(models.get("Note")!.submoduleImport).toBe("products.notes.backend.models.note");
    expect(models.get("Tag")!.submoduleImport).toBe("products.notes.backend.models.tag");
  });

  it("reads the names each module of a product's facade binds, and those it hands out", () => {
    const products = indexOf(fixturePath("isolation-repo")).products;
    expect(products.get("visual_review")!.facadeModules).toEqual([
      // __all__ decides.
      { module: "products.visual_review.backend.facade", names: ["__all__", "approve_run", "get_run"], handsOut: ["approve_run", "get_run"] },
      // Its own public functions and the names re-imported from contracts; not `logic` nor `_to_summary`.
      {
        module: "products.visual_review.backend.facade.api",
        names: ["ApproveRunInput", "RunSummary", "_to_summary", "approve_run", "get_run", "logic"],
        handsOut: ["ApproveRunInput", "RunSummary", "approve_run", "get_run"],
      },
      // RunStatus comes from enums, not a contracts module; dataclass and field from the standard library.
      { module: "products.visual_review.backend.facade.contracts", names: ["ApproveRunInput", "RunStatus", "RunSummary", "dataclass", "field"], handsOut: ["ApproveRunInput", "RunSummary"] },
      { module: "products.visual_review.backend.facade.enums", names: ["RunStatus", "StrEnum"], handsOut: ["RunStatus"] },
    ]);
    // A contracts package's modules count as contracts modules.
    expect(products.get("notebooks")!.facadeModules.find((facade) => facade.module === "products.notebooks.backend.facade.api")!.handsOut).toEqual(["NotebookSummary", "get_notebook"]);
    expect(products.get("notebooks")!.facadeModules.map((facade) => facade.module)).toEqual([
      "products.notebooks.backend.facade",
      "products.notebooks.backend.facade.api",
      "products.notebooks.backend.facade.contracts",
    ]);
  });
});
