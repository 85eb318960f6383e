import rule from "../../src/rules/no-duplicate-db-route.js";
import { ASSERTIONS, configFileRuleTester, fixturePath } from "../support/helpers.js";

const TREE = "cross-db-repo";
const FILE = fixturePath(TREE, "products/db_routing.yaml");
const lines = (...text: string[]): string => `${text.join("\n")}\n`;

configFileRuleTester("yaml", TREE).run("no-duplicate-db-route", rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    {
      name: "each app routed once",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", "    database: surveys", "  - app_label: experiments", "    database: surveys"),
    },
    {
      name: "an app routed to two databases is valid-db-routing's error, not a repeat",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", "    database: surveys", "  - app_label: surveys", "    database: other"),
    },
    {
      name: "an invalid second entry is valid-db-routing's",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", "    database: surveys", "  - app_label: surveys"),
    },
    { name: "a file that is not a list of routes", filename: FILE, code: "routes: surveys\n" },
  ],
  invalid: [
    {
      name: "the same route twice (full message): the fix removes the repeat",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", "    database: surveys", "  - app_label: surveys", "    database: surveys", "  - app_label: experiments", "    database: x"),
      output: lines("routes:", "  - app_label: surveys", "    database: surveys", "  - app_label: experiments", "    database: x"),
      errors: [{ message: 'App "surveys" is already routed to "surveys" on line 2: remove this repeated route.', line: 4, column: 16, endLine: 4, endColumn: 23 }],
    },
    {
      name: "the repeat is the last entry, without a final newline; comments around it stay",
      filename: FILE,
      code: "routes:\n  # surveys\n  - app_label: surveys\n    database: surveys\n  # again\n  - database: surveys\n    app_label: surveys",
      output: "routes:\n  # surveys\n  - app_label: surveys\n    database: surveys\n  # again\n",
      errors: [{ messageId: "duplicateRoute", data: { label: "surveys", database: "surveys", line: 3 }, line: 7, column: 16 }],
    },
    {
      name: "a repeat that differs in optional: a suggestion (full message), not a fix",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", "    database: surveys", "  - app_label: surveys", "    database: surveys", "    optional: true"),
      output: null,
      errors: [
        {
          messageId: "duplicateRoute",
          data: { label: "surveys", database: "surveys", line: 2 },
          line: 4,
          column: 16,
          suggestions: [
            {
              desc: "Remove this route (it differs from the first one in `optional`).",
              output: lines("routes:", "  - app_label: surveys", "    database: surveys"),
            },
          ],
        },
      ],
    },
    {
      name: "CRLF line endings",
      filename: FILE,
      code: "routes:\r\n  - app_label: surveys\r\n    database: surveys\r\n  - app_label: surveys\r\n    database: surveys\r\n",
      output: "routes:\r\n  - app_label: surveys\r\n    database: surveys\r\n",
      errors: [{ messageId: "duplicateRoute", data: { label: "surveys", database: "surveys", line: 2 }, line: 4, column: 16 }],
    },
    {
      name: "a repeat in a flow sequence: reported, no fix",
      filename: FILE,
      code: "routes: [{app_label: surveys, database: surveys}, {app_label: surveys, database: surveys}]\n",
      output: null,
      errors: [{ messageId: "duplicateRoute", data: { label: "surveys", database: "surveys", line: 1 }, line: 1, column: 63 }],
    },
    {
      name: "a repeat followed by a comment on its last line: no fix",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", "    database: surveys", "  - app_label: surveys", "    database: surveys # again"),
      output: null,
      errors: [{ messageId: "duplicateRoute", data: { label: "surveys", database: "surveys", line: 2 }, line: 4, column: 16 }],
    },
    {
      // The two removals touch: ESLint applies one per pass (the CLI's next pass removes the other).
      name: "three times: two repeats, one removed a pass",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", "    database: surveys", "  - app_label: surveys", "    database: surveys", "  - app_label: surveys", "    database: surveys"),
      output: lines("routes:", "  - app_label: surveys", "    database: surveys", "  - app_label: surveys", "    database: surveys"),
      errors: [
        { messageId: "duplicateRoute", data: { label: "surveys", database: "surveys", line: 2 }, line: 4, column: 16 },
        { messageId: "duplicateRoute", data: { label: "surveys", database: "surveys", line: 2 }, line: 6, column: 16 },
      ],
    },
  ],
});
