// A fresh database for this checkout on the CI PostgreSQL server (dropped first if a failed run
// left it behind), and the configuration files that point at it.
import java.security.MessageDigest

def server = System.getenv('RETORT_TEST_POSTGRES_URL')
def matcher = server =~ /(jdbc:postgresql:\/\/[^\/?]*)(\/[^?]*)?(\?.*)?/
if (!matcher.matches()) {
    throw new IllegalStateException('RETORT_TEST_POSTGRES_URL is not a jdbc:postgresql:// URL')
}
def onDatabase = { String name -> matcher.group(1) + '/' + name + (matcher.group(3) ?: '') }
def digest = MessageDigest.getInstance('SHA-256').digest(basedir.canonicalPath.bytes)
def database = 'retort_mvn_it_' + digest.encodeHex().toString().substring(0, 12)

def connection = new org.postgresql.Driver().connect(server, new Properties())
try {
    connection.createStatement().execute('drop database if exists ' + database + ' with (force)')
    connection.createStatement().execute('create database ' + database)
} finally {
    connection.close()
}
new File(basedir, 'database.txt').text = database
new File(basedir, 'retort.properties').text = 'url=' + onDatabase(database) + '\n'
new File(basedir, 'wrong.properties').text = 'url=' + onDatabase(database + '_missing') + '\n'
return true
