// Runs where the PostgreSQL server of .ci/start-databases is; in CI (CI=true) it must be.
if (System.getenv('RETORT_TEST_POSTGRES_URL')) {
    return true
}
if ('true'.equalsIgnoreCase(System.getenv('CI'))) {
    throw new IllegalStateException('RETORT_TEST_POSTGRES_URL is not set, but CI=true:'
        + ' source .ci/start-databases before ./mvnw verify')
}
println 'Skipped: RETORT_TEST_POSTGRES_URL is not set'
return false
