/**
 * Every interface example of tach's documentation (docs/usage/interfaces.md, configuration.md;
 * tach 0.30), and the expected interface failures of its `many_features` test repository, as
 * cases of `facade-boundaries`: where tach says "fails", we report; where it says "OK", we do not.
 * Imports marked "derived" follow from tach's algorithm (the docs give only the configuration).
 */
import path from "node:path";
import rule from "../../src/rules/facade-boundaries.js";
import { ASSERTIONS, pythonRuleTester } from "../support/helpers.js";
import { tempTree } from "../support/temp-tree.js";

const RULE = "facade-boundaries";
const lines = (...text: string[]): string => `${text.join("\n")}\n`;

/** A report of an import `dependency` (one name) that `module`'s interfaces do not expose. */
function notExposed(dependency: string, module: string, column: number) {
  return { messageId: "privateImport", data: { dependency, module }, line: 1, column, endLine: 1, endColumn: column + dependency.length - dependency.lastIndexOf(".") - 1 };
}

/** Valid and invalid cases of one example tree: `[importer file, code]` and `[importer file, code, errors]`. */
function runExample(title: string, tree: string, valid: [string, string, string][], invalid: [string, string, string, ReturnType<typeof notExposed>[]][]): void {
  pythonRuleTester(tree).run(`${RULE}: ${title}`, rule, {
    assertionOptions: ASSERTIONS,
    valid: valid.map(([name, file, code]) => ({ name, filename: path.join(tree, file), code })),
    invalid: invalid.map(([name, file, code, errors]) => ({ name, filename: path.join(tree, file), code, errors })),
  });
}

// Doc example A, "How does it work?" (interfaces.md).
const A = tempTree({
  "tach.toml": lines("[[modules]]", 'path = "domain"', 'depends_on = ["core"]', "", "[[modules]]", 'path = "core"', "depends_on = []", "", "[[interfaces]]", 'expose = ["get_data"]', 'from = ["core"]'),
  "core/__init__.py": "from .main import DataModel, get_data\n",
  "core/main.py": "class DataModel:\n    pass\n\n\ndef get_data():\n    return DataModel()\n",
  "domain.py": "",
});
runExample(
  "doc example A (expose get_data from core)",
  A,
  [
    ["doc: `from core import get_data` is OK", "domain.py", "from core import get_data\n"],
    ["derived: `import core` (the module itself)", "domain.py", "import core\n"],
    ["derived: imports inside core are not checked", "core/__init__.py", "from core.main import DataModel\n"],
  ],
  [
    ["doc: `from core.main import DataModel` fails", "domain.py", "from core.main import DataModel", [notExposed("core.main.DataModel", "core", 23)]],
    ["derived: the match is whole, not a prefix (get_data_v2)", "domain.py", "from core import get_data_v2", [notExposed("core.get_data_v2", "core", 18)]],
    ["derived: a path below the exposed name (get_data.x)", "domain.py", "from core.get_data import x", [notExposed("core.get_data.x", "core", 27)]],
  ],
);

// Doc examples B and C, "Interface visibility" and "Exclusive interface" (interfaces.md).
const visibilityTach = (exclusive: boolean): string =>
  lines(
    "[[modules]]",
    'path = "api"',
    "depends_on = []",
    ...["domain", "admin", "admin.controller"].flatMap((module) => ["[[modules]]", `path = "${module}"`]),
    "",
    "[[interfaces]]",
    'expose = ["read_data"]',
    'from = ["api"]',
    "",
    "[[interfaces]]",
    'expose = ["write_data"]',
    'from = ["api"]',
    'visibility = ["admin.controller"]',
    ...(exclusive ? ["exclusive = true"] : []),
  );
const visibilityFiles = { "api.py": "def read_data():\n    pass\n\n\ndef write_data():\n    pass\n", "domain.py": "", "admin/__init__.py": "", "admin/controller.py": "" };
const B = tempTree({ "tach.toml": visibilityTach(false), ...visibilityFiles });
runExample(
  "doc example B (write_data visible to admin.controller only)",
  B,
  [
    ["read_data is exposed to every module", "domain.py", "from api import read_data\n"],
    ["admin.controller may import write_data", "admin/controller.py", "from api import write_data\n"],
    ["admin.controller may import read_data (both interfaces are visible to it)", "admin/controller.py", "from api import read_data\n"],
  ],
  [
    ["another module may not import write_data", "domain.py", "from api import write_data", [notExposed("api.write_data", "api", 17)]],
    ["visibility is an exact module path: admin is not admin.controller", "admin/__init__.py", "from api import write_data", [notExposed("api.write_data", "api", 17)]],
  ],
);
const C = tempTree({ "tach.toml": visibilityTach(true), ...visibilityFiles });
runExample(
  "doc example C (the write_data interface is exclusive)",
  C,
  [
    ["other modules still see read_data (the exclusive interface is not visible to them)", "domain.py", "from api import read_data\n"],
    ["admin.controller imports write_data", "admin/controller.py", "from api import write_data\n"],
  ],
  [
    ["other modules may not import write_data", "domain.py", "from api import write_data", [notExposed("api.write_data", "api", 17)]],
    ["admin.controller may not import read_data: the exclusive interface overrides", "admin/controller.py", "from api import read_data", [notExposed("api.read_data", "api", 17)]],
  ],
);

// Doc example D, a "services" folder (configuration.md).
const D = tempTree({
  "tach.toml": lines("[[modules]]", 'path = "my_module"', "[[modules]]", 'path = "consumer"', "", "[[interfaces]]", 'expose = ["services.*"]', 'from = ["my_module"]'),
  "my_module/__init__.py": "",
  "consumer.py": "",
});
runExample(
  'doc example D (expose "services.*")',
  D,
  [
    ["derived: a name of services", "consumer.py", "from my_module.services import x\n"],
    ["derived: deep below services", "consumer.py", "from my_module.services.a.b import c\n"],
    ["derived: services itself (.* matches the empty string)", "consumer.py", "from my_module import services\n"],
    ["derived: servicesX (no dot boundary in the pattern)", "consumer.py", "from my_module.servicesX import y\n"],
  ],
  [["derived: models is not exposed", "consumer.py", "from my_module.models import M", [notExposed("my_module.models.M", "my_module", 30)]]],
);

// Doc example E, the sample tach.toml (configuration.md): an interface without `from` applies to every module.
const E = tempTree({
  "tach.toml": lines(
    ...["tach.check", "tach.parsing", "tach.errors"].flatMap((module) => ["[[modules]]", `path = "${module}"`]),
    "",
    "[[interfaces]]",
    'expose = ["types.*"]',
    "",
    "[[interfaces]]",
    'expose = ["parse_project_config", "dump_project_config_to_toml"]',
    'from = ["tach.parsing"]',
  ),
  "tach/__init__.py": "",
  "tach/check/__init__.py": "",
});
runExample(
  "doc example E (types.* from every module, two names from tach.parsing)",
  E,
  [
    ["derived: an exposed name of tach.parsing", "tach/check/__init__.py", "from tach.parsing import parse_project_config\n"],
    ["derived: types of tach.parsing (types.* applies to every module)", "tach/check/__init__.py", "from tach.parsing import types\nfrom tach.parsing.types import X\n"],
    ["derived: types of tach.errors", "tach/check/__init__.py", "from tach.errors.types import Foo\n"],
  ],
  [
    ["derived: the exposed name through a submodule", "tach/check/__init__.py", "from tach.parsing.config import parse_project_config", [notExposed("tach.parsing.config.parse_project_config", "tach.parsing", 33)]],
    ["derived: a name of tach.errors outside types", "tach/check/__init__.py", "from tach.errors import Foo", [notExposed("tach.errors.Foo", "tach.errors", 25)]],
  ],
);

// Doc example F, the tach.toml form of the tach.domain.toml example (configuration.md).
const F = tempTree({
  "tach.toml": lines(
    ...["tach.check", "tach.filesystem", "tach.filesystem.git_ops"].flatMap((module) => ["[[modules]]", `path = "${module}"`]),
    "",
    "[[interfaces]]",
    'expose = ["service.*"]',
    'from = ["tach.filesystem"]',
    "",
    "[[interfaces]]",
    'expose = ["client.*"]',
    'from = ["tach.filesystem.git_ops"]',
  ),
  "tach/__init__.py": "",
  "tach/check/__init__.py": "",
});
runExample(
  "doc example F (service.* from tach.filesystem, client.* from its git_ops module)",
  F,
  [
    ["derived: the filesystem service", "tach/check/__init__.py", "from tach.filesystem.service import x\n"],
    ["derived: the git_ops client (its own module, its own interface)", "tach/check/__init__.py", "from tach.filesystem.git_ops.client import C\n"],
  ],
  [
    ["derived: a name of tach.filesystem outside service", "tach/check/__init__.py", "from tach.filesystem import walk", [notExposed("tach.filesystem.walk", "tach.filesystem", 29)]],
    ["derived: a name of git_ops outside client", "tach/check/__init__.py", "from tach.filesystem.git_ops import helper", [notExposed("tach.filesystem.git_ops.helper", "tach.filesystem.git_ops", 37)]],
  ],
);

// tach's own test repository python/tests/example/many_features (interface failures asserted in
// test_check.py), with its tach.domain.toml files written in tach.toml form; two source roots.
const G = tempTree({
  "tach.toml": lines(
    'source_roots = ["real_src", "other_src_root"]',
    ...["module1", "module1.api", "module3", "module5"].flatMap((module) => ["[[modules]]", `path = "${module}"`]),
    "",
    "[[interfaces]]",
    'expose = ["something"]',
    'from = ["module1.api"]',
    "",
    "[[interfaces]]",
    'expose = ["MyAPI"]',
    'from = ["module1.api"]',
    'visibility = ["module5"]',
    "exclusive = true",
    "",
    "[[interfaces]]",
    'expose = ["content"]',
    'from = ["module3"]',
    "",
    "[[interfaces]]",
    "expose = []",
    'from = ["module5"]',
  ),
  "real_src/module1/__init__.py": "",
  "real_src/module1/api.py": "",
  "real_src/module1/controller.py": "",
  "real_src/module3/__init__.py": "",
  "other_src_root/module5/__init__.py": "",
});
runExample(
  "tach's many_features repository (two source roots, an exclusive interface, an empty expose)",
  G,
  [
    ["module1 imports the exposed content of module3", "real_src/module1/controller.py", "from module3 import content\n"],
    ["module5 sees MyAPI through the exclusive interface", "other_src_root/module5/__init__.py", "from module1.api import MyAPI\n"],
    ["another module sees something, not exclusive to it", "real_src/module3/__init__.py", "from module1.api import something\n"],
    ["derived: a relative import of module1.api from module1 (source-root relative)", "real_src/module1/controller.py", "from .api import something\n"],
  ],
  [
    ["module1/__init__.py imports module3.anything", "real_src/module1/__init__.py", "from module3 import anything", [notExposed("module3.anything", "module3", 21)]],
    ["module1/controller.py imports module5.something (expose = [])", "real_src/module1/controller.py", "from module5 import something", [notExposed("module5.something", "module5", 21)]],
    ["module1/controller.py imports module3.anything", "real_src/module1/controller.py", "from module3 import anything", [notExposed("module3.anything", "module3", 21)]],
    ["module5 imports module1.api.something: the exclusive interface exposes only MyAPI to it", "other_src_root/module5/__init__.py", "from module1.api import something", [notExposed("module1.api.something", "module1.api", 25)]],
    ["derived: module1 (another module than module1.api) does not see MyAPI", "real_src/module1/controller.py", "from .api import MyAPI", [notExposed("module1.api.MyAPI", "module1.api", 18)]],
  ],
);

// data_types = "primitive" (no example in the docs: the cases follow tach's source).
const TYPED = tempTree({
  "tach.toml": lines("[[modules]]", 'path = "core"', "[[modules]]", 'path = "domain"', "", "[[interfaces]]", 'expose = ["get_.*", "Thing", "LIMIT"]', 'from = ["core"]', 'data_types = "primitive"'),
  "core/__init__.py": lines("LIMIT: int = 10", "", "def get_count(team_id: int) -> int:", "    return 0", "", "def get_model(team_id: int) -> Model:", "    pass", "", "class Thing:", "    pass"),
  "domain.py": "",
});
pythonRuleTester(TYPED).run(`${RULE}: data_types = "primitive"`, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "a function with primitive annotations, a primitive constant, a class (tach cannot tell)", filename: path.join(TYPED, "domain.py"), code: "from core import get_count, LIMIT, Thing\n" },
    { name: "a member below a module (tach checks top-level names only)", filename: path.join(TYPED, "domain.py"), code: "from core.get_sub import x\n" },
  ],
  invalid: [
    {
      name: "a function that returns a model",
      filename: path.join(TYPED, "domain.py"),
      code: "from core import get_model\n",
      errors: [
        {
          message: 'core.get_model crosses a data_types = "primitive" interface of core: annotate it with int, str, bool, float, list, dict or tuple.',
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 27,
        },
      ],
    },
  ],
});
