import rule from "../../src/rules/frozen-contracts.js";
import { ASSERTIONS, fixturePath, pythonRuleTester } from "../support/helpers.js";

const RULE = "frozen-contracts";
const TREE = "isolation-repo";
const tester = pythonRuleTester(TREE);

const CONTRACTS = fixturePath(TREE, "products/visual_review/backend/facade/contracts.py");
const PACKAGE_MODULE = fixturePath(TREE, "products/notebooks/backend/facade/contracts/notebook.py");
const API = fixturePath(TREE, "products/visual_review/backend/facade/api.py");

const lines = (...text: string[]): string => `${text.join("\n")}\n`;

function notFrozen(name: string, line: number, column: number, output: string) {
  return {
    messageId: "notFrozen",
    data: { name },
    line,
    column,
    endLine: line,
    endColumn: column + name.length,
    suggestions: [{ messageId: "addFrozen", data: { name }, output }],
  };
}

tester.run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    {
      name: "stdlib and pydantic dataclasses with frozen=True, enums and plain classes",
      filename: CONTRACTS,
      code: lines(
        "import dataclasses",
        "from dataclasses import dataclass, field",
        "from enum import StrEnum",
        "",
        "from pydantic.dataclasses import dataclass as pydantic_dataclass",
        "",
        "@dataclass(frozen=True)",
        "class RunSummary:",
        "    id: str",
        "    tags: tuple[str, ...] = field(default_factory=tuple)",
        "",
        "@dataclasses.dataclass(slots=True, frozen=True)",
        "class Snapshot:",
        "    id: str",
        "",
        "@pydantic_dataclass(frozen=True)",
        "class Artifact:",
        "    id: str",
        "",
        "class RunStatus(StrEnum):",
        "    PENDING = 'pending'",
        "",
        "class NotADataclass:",
        "    pass",
      ),
    },
    {
      name: "PostHog's @frozen helper, bare and with overrides; attrs' frozen",
      filename: PACKAGE_MODULE,
      code: lines(
        "import attrs",
        "",
        "from posthog.dataclasses import frozen",
        "",
        "@frozen",
        "class NotebookSummary:",
        "    short_id: str",
        "",
        "@frozen(slots=False)",
        "class NotebookInput:",
        "    title: str",
        "",
        "@attrs.frozen",
        "class Legacy:",
        "    title: str",
      ),
    },
    { name: "frozen given by an expression is left alone", filename: CONTRACTS, code: "from dataclasses import dataclass\n\nFROZEN = True\n\n@dataclass(frozen=FROZEN)\nclass Run:\n    id: str\n" },
    { name: "a dataclass decorator of unknown origin is left alone", filename: CONTRACTS, code: "from .helpers import dataclass\n\n@dataclass\nclass Run:\n    id: str\n" },
    { name: "files outside the contracts are not checked", filename: API, code: "from dataclasses import dataclass\nfrom django.db import models\n\n@dataclass\nclass Row:\n    id: str\n" },
  ],
  invalid: [
    {
      name: "a bare @dataclass",
      filename: CONTRACTS,
      code: lines("from dataclasses import dataclass", "", "@dataclass", "class RunSummary:", "    id: str"),
      errors: [
        {
          message: "Contract RunSummary is a mutable dataclass: make it frozen (`@dataclass(frozen=True)` or PostHog's `@frozen`).",
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 17,
          suggestions: [
            {
              desc: "Make RunSummary frozen (code that assigns to an instance's attributes will then raise).",
              output: lines("from dataclasses import dataclass", "", "@dataclass(frozen=True)", "class RunSummary:", "    id: str"),
            },
          ],
        },
      ],
    },
    {
      name: "@dataclass() and @dataclasses.dataclass(kw_only=True) without frozen, in a contracts/ package module",
      filename: PACKAGE_MODULE,
      code: lines("import dataclasses as dc", "", "@dc.dataclass()", "class A:", "    id: str", "", "@dc.dataclass(kw_only=True)", "class B:", "    id: str"),
      errors: [
        notFrozen("A", 4, 7, lines("import dataclasses as dc", "", "@dc.dataclass(frozen=True)", "class A:", "    id: str", "", "@dc.dataclass(kw_only=True)", "class B:", "    id: str")),
        notFrozen("B", 8, 7, lines("import dataclasses as dc", "", "@dc.dataclass()", "class A:", "    id: str", "", "@dc.dataclass(frozen=True, kw_only=True)", "class B:", "    id: str")),
      ],
    },
    {
      name: "frozen=False on a dataclass and on @frozen; a nested dataclass",
      filename: CONTRACTS,
      code: lines(
        "from dataclasses import dataclass",
        "from posthog.dataclasses import frozen",
        "",
        "@frozen(frozen=False)",
        "class Draft:",
        "    @dataclass(frozen=False, eq=True)",
        "    class Part:",
        "        id: str",
      ),
      errors: [
        {
          message: "Contract Draft sets frozen=False: contracts are immutable values, so make it frozen.",
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 12,
          suggestions: [
            {
              messageId: "addFrozen",
              data: { name: "Draft" },
              output: lines("from dataclasses import dataclass", "from posthog.dataclasses import frozen", "", "@frozen(frozen=True)", "class Draft:", "    @dataclass(frozen=False, eq=True)", "    class Part:", "        id: str"),
            },
          ],
        },
        {
          messageId: "explicitlyMutable",
          data: { name: "Part" },
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 15,
          suggestions: [
            {
              messageId: "addFrozen",
              data: { name: "Part" },
              output: lines("from dataclasses import dataclass", "from posthog.dataclasses import frozen", "", "@frozen(frozen=False)", "class Draft:", "    @dataclass(frozen=True, eq=True)", "    class Part:", "        id: str"),
            },
          ],
        },
      ],
    },
    {
      name: "contracts import Django and DRF (absolute, plain and under TYPE_CHECKING)",
      filename: CONTRACTS,
      code: lines(
        "from typing import TYPE_CHECKING",
        "",
        "import django.utils.timezone",
        "from django.core.exceptions import ValidationError",
        "from rest_framework import serializers",
        "",
        "if TYPE_CHECKING:",
        "    from django.db.models import QuerySet",
      ),
      errors: [
        {
          message: "Contracts must not import django.utils.timezone: use standard-library types and errors, and map models to contracts in the facade.",
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 29,
        },
        { messageId: "frameworkImport", data: { module: "django.core.exceptions" }, line: 4, column: 6, endLine: 4, endColumn: 28 },
        { messageId: "frameworkImport", data: { module: "rest_framework" }, line: 5, column: 6, endLine: 5, endColumn: 20 },
        { messageId: "frameworkImport", data: { module: "django.db.models" }, line: 8, column: 10, endLine: 8, endColumn: 26 },
      ],
    },
  ],
});
