# lit.cfg.py — golden tests for everything a user sees from the tools. Each
# test is a file with `# RUN:` lines (run by lit) and `# CHECK:` lines (read
# by FileCheck). Files under Inputs/ folders are data, not tests.
import os
import lit.formats

config.name = "Escalade"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".esc", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.escalade_obj_root, "tests", "lit")

# The tools under test first, then LLVM's FileCheck and `not`.
path = os.path.pathsep.join(
    [config.escalade_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
config.environment["PATH"] = path
# Messages and columns must not depend on the caller's terminal or locale.
config.environment["LC_ALL"] = "C.UTF-8"
config.environment.pop("COLUMNS", None)

config.substitutions.append(("%policies", os.path.join(config.escalade_src_root, "policies")))
config.substitutions.append(("%src", config.escalade_src_root))
# JSON Schema validation uses Debian's python3-jsonschema, which belongs to
# the system Python, whatever `python3` is first on PATH.
config.substitutions.append(("%validate-json", "/usr/bin/python3 " + os.path.join(
    config.escalade_src_root, "tests", "tools", "validate_json.py")))
config.substitutions.append(("%sarif-schema", os.path.join(
    config.escalade_obj_root, "third_party", "sarif-schema-2.1.0.json")))
# The tools' files themselves, for tests of what they link.
config.substitutions.append(("%bindir", config.escalade_tools_dir))
# Real renderers for what escc graph and escc doc write: Mermaid itself and
# Debian's headless Chromium (tests/browser/README.md); their npm packages
# are installed into the build tree by scripts/fetch-browser-deps.sh.
config.substitutions.append(("%browser", "node " + os.path.join(
    config.escalade_src_root, "tests", "browser", "render.mjs") + " --deps " +
    os.path.join(config.escalade_obj_root, "browser")))
