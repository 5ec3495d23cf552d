// Checks the three builds of invoker.properties through their shared build.log, then drops the
// database prebuild.groovy created.
def database = new File(basedir, 'database.txt').text
try {
    def log = new File(basedir, 'build.log').text
    def lines = log.readLines()
    def expect = { boolean condition, String what ->
        if (!condition) {
            throw new AssertionError(what)
        }
    }

    expect(lines.any { it.contains(':check (default-cli) on project postgres-workflow: 2 revisions'
            + ' are pending (the database is at <base>): 1a2b3c4d5e6f, 7f8e9d0c1b2a.') },
        'check before upgrade did not fail with the pending revisions')
    expect(log.contains('[INFO] Running upgrade <base> -> 1a2b3c4d5e6f, Create users'),
        'upgrade did not apply the first revision')
    expect(log.contains('[INFO] Running upgrade 1a2b3c4d5e6f -> 7f8e9d0c1b2a, Add user name'),
        'upgrade did not apply the second revision')
    expect(lines.contains('[INFO] 7f8e9d0c1b2a (head)'), 'current did not show the head')
    expect(lines.contains('[INFO] Up to date at 7f8e9d0c1b2a.'), 'check after upgrade did not pass')

    def script = new File(basedir, 'target/retort/migration.sql')
    expect(script.isFile(), 'sql did not write target/retort/migration.sql')
    expect(script.text.contains('create table'), 'the script has no create table: ' + script.text)

    def missing = lines.findAll { it.contains(database + '_missing') }
    expect(missing.size() == 1, 'the missing database is not reported in exactly one line: ' + missing)
    expect(missing[0].startsWith('[ERROR] Failed to execute goal ') && missing[0].endsWith('-> [Help 1]')
            && missing[0].contains('does not exist'),
        'the missing database is not the failure message: ' + missing[0])
    expect(!log.substring(log.indexOf(database + '_missing')).contains('\tat '),
        'a stack trace follows the missing database')
} finally {
    def connection = new org.postgresql.Driver().connect(System.getenv('RETORT_TEST_POSTGRES_URL'), new Properties())
    try {
        connection.createStatement().execute('drop database if exists ' + database + ' with (force)')
    } finally {
        connection.close()
    }
}
return true
