/** The `backend:contract-check` command of PostHog's isolated products. */
export const CONVENTIONAL_CONTRACT_CHECK_COMMAND = "echo 'Contract files unchanged'";

/** The `backend:test` command PostHog's products use (run from `products/<p>/`). */
export function conventionalTestCommand(product: { hasBackendTestsDir: boolean }): string {
  return `pytest -c ../../pytest.ini --rootdir ../.. ${product.hasBackendTestsDir ? "backend/tests" : "backend"} -v --tb=short`;
}
