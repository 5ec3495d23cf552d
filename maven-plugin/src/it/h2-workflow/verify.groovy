// Checks the five builds of invoker.properties through their shared build.log.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()

def expect = { boolean condition, String what ->
    if (!condition) {
        throw new AssertionError(what)
    }
}

// 1. No registry before compiling: the build says to compile first.
expect(lines.any { it.contains(':upgrade (default-cli) on project h2-workflow: No Retort registry on'
        + ' the runtime classpath of h2-workflow: compile first (mvn compile retort:<goal>)') },
    'upgrade before compiling did not say to compile first')

// 2. check before upgrade: a build failure whose message is the command line's line.
expect(lines.any { it.startsWith('[ERROR] Failed to execute goal dev.retort:retort-maven-plugin:')
        && it.contains(':check (default-cli) on project h2-workflow: 2 revisions are pending'
            + ' (the database is at <base>): 1a2b3c4d5e6f, 7f8e9d0c1b2a. Run upgrade to apply them.') },
    'check before upgrade did not fail with the pending revisions')

// 3. upgrade, then the read-only goals.
expect(log.contains('[INFO] Running upgrade <base> -> 1a2b3c4d5e6f, Create users'),
    'upgrade did not apply the first revision')
expect(log.contains('[INFO] Running upgrade 1a2b3c4d5e6f -> 7f8e9d0c1b2a, Add user name'),
    'upgrade did not apply the second revision')
expect(lines.contains('[INFO] 7f8e9d0c1b2a (head)'), 'current did not show the head')
expect(lines.contains('[INFO] Up to date at 7f8e9d0c1b2a.'), 'check after upgrade did not pass')
expect(lines.contains('[INFO] 1a2b3c4d5e6f -> 7f8e9d0c1b2a (head), Add user name'),
    'history or heads did not list the head')
expect(lines.contains('[INFO] <base> -> 1a2b3c4d5e6f, Create users'), 'history did not list the base')
expect(lines.contains('[INFO] Valid: the applied revisions match this build.'), 'validate did not pass')
expect(log.contains('0 failed'), 'verify did not report its proofs')

def script = new File(basedir, 'target/retort/migration.sql')
expect(script.isFile(), 'sql did not write target/retort/migration.sql')
expect(script.text.toLowerCase().contains('create table'), 'the script has no create table: ' + script.text)
expect(lines.any { it.startsWith('[INFO] Wrote the SQL of base:head to ') && it.endsWith('migration.sql') },
    'sql did not say where it wrote the script')

// The password reached Maven as -Dretort.password and as the server's, and -X prints every
// parameter of every goal: it shows masked, and nowhere in clear.
expect(lines.any { it.contains('(f) password = ****') }, 'the debug log does not show the password parameter masked')
expect(!log.contains('Pw-S3cret-H2-9371'), 'the password appears in the build log')

// 4. A URL no driver accepts: one line, with no stack trace.
def wrongUrl = lines.findAll { it.contains('Cannot connect to jdbc:nosuchdb:nowhere') }
expect(wrongUrl.size() == 1, 'the wrong URL is not reported in exactly one line: ' + wrongUrl)
expect(wrongUrl[0].startsWith('[ERROR] Failed to execute goal ') && wrongUrl[0].endsWith('-> [Help 1]'),
    'the wrong URL is not the failure message: ' + wrongUrl[0])
expect(wrongUrl[0].contains('no JDBC driver on the classpath accepts this URL'), 'the line does not say why: ' + wrongUrl[0])
def afterWrongUrl = log.substring(log.indexOf('Cannot connect to jdbc:nosuchdb:nowhere'))
afterWrongUrl = afterWrongUrl.substring(0, afterWrongUrl.indexOf('Running downgrade') >= 0
    ? afterWrongUrl.indexOf('Running downgrade') : afterWrongUrl.length())
expect(!afterWrongUrl.contains('\tat '), 'a stack trace follows the wrong URL')

// 5. Downgrade one step; mvn verify runs the bound check, which names the revision now pending.
expect(log.contains('[INFO] Running downgrade 7f8e9d0c1b2a -> 1a2b3c4d5e6f, Add user name'),
    'downgrade -1 did not revert the head')
expect(lines.any { it.contains(':check (pending-revisions) on project h2-workflow: 1 revision is pending'
        + ' (the database is at 1a2b3c4d5e6f): 7f8e9d0c1b2a.') },
    'mvn verify after the downgrade did not fail in the bound check, with the one pending revision')
return true
