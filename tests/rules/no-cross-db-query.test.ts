import rule from "../../src/rules/no-cross-db-query.js";
import { ASSERTIONS, fixturePath, pythonRuleTester } from "../support/helpers.js";

const RULE = "no-cross-db-query";
const TREE = "isolation-repo";
const tester = pythonRuleTester(TREE);

/** notebooks is routed to its own database; Notebook.team is a legacy key into the default database. */
const NOTEBOOKS = fixturePath(TREE, "products/notebooks/backend/logic.py");
const CORE = fixturePath(TREE, "posthog/api/sharing.py");

const lines = (...text: string[]): string => `${text.join("\n")}\n`;
const inNotebooks = (...code: string[]): string => lines("from django.db.models import Prefetch, Q", "", "from .models import Note, Notebook", "", ...code);
const inCore = (...code: string[]): string =>
  lines("from products.notebooks.backend.models import Notebook", "", "from posthog.models import Organization, SharingConfiguration, Team", "", ...code);

interface Join {
  method: string;
  path: string;
  from: string;
  to: string;
  fromDatabase: string;
  toDatabase: string;
}

function join(data: Join, line: number, column: number, endColumn: number) {
  return { messageId: "crossDatabaseJoin", data, line, column, endLine: line, endColumn };
}

const NOTEBOOK_TEAM = { from: "notebooks.Notebook", to: "posthog.Team", fromDatabase: "notebooks", toDatabase: "default" };
const TEAM_NOTEBOOK = { from: "posthog.Team", to: "notebooks.Notebook", fromDatabase: "default", toDatabase: "notebooks" };

tester.run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "relations inside one database", filename: NOTEBOOKS, code: inNotebooks('Note.objects.select_related("notebook").filter(notebook__short_id="x")') },
    {
      name: "a foreign key compared by its own column (no join): team_id, team, team__id, team__pk, team__in, team__isnull",
      filename: NOTEBOOKS,
      code: inNotebooks("Notebook.objects.filter(team_id=1, team=team, team__id=1, team__pk=1, team__in=[1], team__isnull=False)", 'Notebook.objects.values("team").order_by("team")'),
    },
    { name: "fields that are not relations, and names the index does not know", filename: NOTEBOOKS, code: inNotebooks('Notebook.objects.filter(title__icontains="x", owner__name="y").order_by("-title")') },
    { name: "a prefetch from the default database into a routed one (the router sends it there)", filename: CORE, code: inCore('Team.objects.prefetch_related("notebook_set")') },
    { name: "a core query inside the default database", filename: CORE, code: inCore('Team.objects.select_related("organization").filter(organization__name="x")') },
    { name: "querysets of unknown models", filename: NOTEBOOKS, code: inNotebooks('self.queryset.filter(team__name="x")', 'get_model().objects.select_related("team")') },
  ],
  invalid: [
    {
      name: "select_related through a relation into another database",
      filename: NOTEBOOKS,
      code: inNotebooks('Note.objects.select_related("notebook__team")'),
      errors: [
        {
          message: 'select_related("notebook__team") joins notebooks.Notebook ("notebooks") to posthog.Team ("default"): query posthog.Team separately, by id.',
          line: 5,
          column: 29,
          endLine: 5,
          endColumn: 45,
        },
      ],
    },
    {
      name: "lookups inside a method, split over lines, in Q objects, beside dunder names and dict .get calls",
      filename: NOTEBOOKS,
      code: inNotebooks(
        "class NotebookViewSet:",
        "    def list(self, request):",
        '        if request.GET.get("x") and self.__class__.__name__:',
        "            return Notebook.objects.filter(",
        '                Q(team__name="x") & Q(title="y"),',
        '            ).values_list("title", "team__organization")',
      ),
      errors: [
        join({ method: "filter", path: "team__name", ...NOTEBOOK_TEAM }, 9, 19, 29),
        join({ method: "values_list", path: "team__organization", ...NOTEBOOK_TEAM }, 10, 36, 56),
      ],
    },
    {
      name: "filter, exclude and get lookups, in keyword arguments and in Q objects",
      filename: NOTEBOOKS,
      code: inNotebooks(
        'Notebook.objects.filter(team__name="x")',
        'Notebook.objects.exclude(Q(team__organization__name="x") | ~Q(title="y"))',
        'Note.objects.get(notebook__team__name="x")',
      ),
      errors: [
        join({ method: "filter", path: "team__name", ...NOTEBOOK_TEAM }, 5, 25, 35),
        join({ method: "exclude", path: "team__organization__name", ...NOTEBOOK_TEAM }, 6, 28, 52),
        join({ method: "get", path: "notebook__team__name", ...NOTEBOOK_TEAM }, 7, 18, 38),
      ],
    },
    {
      name: "a keyword lookup spaced before its =, beside keyword lookups whose first name no relation has",
      filename: NOTEBOOKS,
      code: inNotebooks('Notebook.objects.filter(title__icontains="x", created_at__gte=1, team__name = "x")'),
      errors: [join({ method: "filter", path: "team__name", ...NOTEBOOK_TEAM }, 5, 66, 76)],
    },
    {
      name: "order_by, values and values_list after a chain of queryset methods, through another manager",
      filename: NOTEBOOKS,
      code: inNotebooks('Notebook.all_objects.filter(title="x").order_by("-team__name").values("team__name").values_list("team__organization")'),
      errors: [
        join({ method: "order_by", path: "team__name", ...NOTEBOOK_TEAM }, 5, 49, 62),
        join({ method: "values", path: "team__name", ...NOTEBOOK_TEAM }, 5, 71, 83),
        join({ method: "values_list", path: "team__organization", ...NOTEBOOK_TEAM }, 5, 97, 117),
      ],
    },
    {
      name: "a prefetch from a routed model into the default database (read from the rows' database)",
      filename: NOTEBOOKS,
      code: inNotebooks('Notebook.objects.prefetch_related("team", Prefetch("team__organization"))'),
      errors: [
        {
          message: 'prefetch_related("team") reads posthog.Team from the "notebooks" database, not "default": query posthog.Team separately, by id.',
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 41,
        },
        { messageId: "crossDatabasePrefetch", data: { method: "prefetch_related", path: "team__organization", ...NOTEBOOK_TEAM }, line: 5, column: 52, endLine: 5, endColumn: 72 },
      ],
    },
    {
      name: "core into a product: a reverse lookup (the model's name), a reverse path through core, a forward key",
      filename: CORE,
      code: inCore(
        'Team.objects.filter(notebook__title="x")',
        'Organization.objects.filter(teams__notebook__title="x")',
        'SharingConfiguration.objects.select_related("notebook")',
        'Notebook.objects.filter(team__name="x")',
      ),
      errors: [
        join({ method: "filter", path: "notebook__title", ...TEAM_NOTEBOOK }, 5, 21, 36),
        join({ method: "filter", path: "teams__notebook__title", ...TEAM_NOTEBOOK }, 6, 29, 51),
        join({ method: "select_related", path: "notebook", from: "posthog.SharingConfiguration", to: "notebooks.Notebook", fromDatabase: "default", toDatabase: "notebooks" }, 7, 45, 55),
        join({ method: "filter", path: "team__name", ...NOTEBOOK_TEAM }, 8, 25, 35),
      ],
    },
  ],
});
