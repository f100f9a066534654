// A single-node Trino in one JVM: the engine's own TestingTrinoServer (what Trino's test suites run) with two
// catalogs: `memory`, and `iceberg` over a local folder (file metastore, local file system). Compiled and
// started by scripts/trino.sh into its ignored cache, so nothing compiled is kept in the repo.
//
// Usage: java -cp 'trino-oracle.jar:lib/*' TrinoOracle PORT WAREHOUSE_DIR   (PORT 0 picks a free port)
// Prints "TRINO_READY http://127.0.0.1:PORT" once a query can run, then serves until killed.
import io.trino.plugin.iceberg.IcebergPlugin;
import io.trino.plugin.memory.MemoryPlugin;
import io.trino.server.testing.TestingTrinoServer;

import java.util.Map;

public class TrinoOracle
{
    public static void main(String[] args)
            throws Exception
    {
        String port = args[0];
        String warehouse = args[1];
        TestingTrinoServer server = TestingTrinoServer.builder()
                .setProperties(Map.of("http-server.http.port", port))
                .build();
        server.installPlugin(new MemoryPlugin());
        server.createCatalog("memory", "memory", Map.of());
        server.installPlugin(new IcebergPlugin());
        server.createCatalog("iceberg", "iceberg", Map.of(
                "iceberg.catalog.type", "TESTING_FILE_METASTORE",
                "hive.metastore.catalog.dir", "local:///",
                "fs.native-local.enabled", "true",
                "local.location", warehouse));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            }
            catch (java.io.IOException ignored) {
                // The JVM is exiting; nothing is left to release.
            }
        }));
        System.out.println("TRINO_READY " + server.getBaseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
