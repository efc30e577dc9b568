package io.reelforge.servicetests;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import jakarta.enterprise.inject.spi.Extension;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filter;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import io.reelforge.application.Ledger;

/**
 * The one deployment of the module: the server's domain, application and infrastructure classes with its resources
 * (persistence unit, changelogs, configuration defaults) and libraries, without what faces the outside or runs by
 * itself: no JAX-RS application (the REST package comes along for the webhook bodies it renders), web filters or
 * servlets, and no start-up sequence ({@code Bootstrap}: its job runner,
 * dispatcher and node tasks would move jobs while a test holds them), and the webhook sender's wake-up
 * ({@link NoSenderWakeUp}). {@code SchemaMigrations} still migrates the
 * database at deploy; the tests join the cluster and seed the reference data themselves ({@link Fixtures}).
 */
public final class ServiceDeployment {

    /** Classes of the server left out, by path inside the classes jar. */
    private static final Set<String> LEFT_OUT = Set.of(
            "/io/reelforge/bootstrap/Bootstrap", "/io/reelforge/bootstrap/DrainOnTerm", "/io/reelforge/bootstrap/HandBackNote",
            "/io/reelforge/infrastructure/jobs/SharedStateRefresh",
            "/io/reelforge/infrastructure/metrics/MetricsServlet",
            "/io/reelforge/infrastructure/security/AdminApiShiroFilter",
            "/io/reelforge/infrastructure/security/ConsoleShiroFilter",
            "/io/reelforge/infrastructure/security/ConsoleSessionListener",
            "/io/reelforge/infrastructure/security/SecurityHeadersFilter",
            // without it no JAX-RS application starts: the REST classes stay plain beans (the webhook bodies are theirs)
            "/io/reelforge/interfaces/rest/RestApplication");

    private ServiceDeployment() {
    }

    @Deployment
    public static WebArchive deployment() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "reelforge-services.war")
                .merge(serverClasses(), "/WEB-INF/classes", ServiceDeployment::kept)
                .addPackages(true, p -> !p.get().contains("/servicetests/client/"), ServiceDeployment.class.getPackageName())
                .addAsWebInfResource(ServiceDeployment.class.getResource("/deployment-beans.xml"), "beans.xml")
                .addAsServiceProvider(Extension.class, NoSenderWakeUp.class);
        File[] libs = new File(System.getProperty("service-tests.lib", "target/deployment-lib")).listFiles();
        if (libs == null || libs.length == 0) {
            throw new IllegalStateException("no libraries in " + System.getProperty("service-tests.lib")
                    + ": run the service tests through Maven (mvn -pl service-tests -am verify)");
        }
        return war.addAsLibraries(libs);
    }

    /** The filter sees each path where it lands, under /WEB-INF/classes. */
    private static boolean kept(ArchivePath path) {
        String p = path.get().substring("/WEB-INF/classes".length());
        if (p.startsWith("/io/reelforge/interfaces/") && !p.startsWith("/io/reelforge/interfaces/rest/")) {
            return false;
        }
        String outer = p.replaceFirst("(\\$.*)?\\.class$", "");
        return !LEFT_OUT.contains(outer) && !(p.startsWith("/io/reelforge/bootstrap/") && p.endsWith(".class") && !outer.endsWith("/Seeder"));
    }

    /** appliance-server's classes jar (or its classes folder, when an IDE resolves the module). */
    private static JavaArchive serverClasses() {
        try {
            Path src = Path.of(Ledger.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(src)
                    ? ShrinkWrap.create(ExplodedImporter.class, "server.jar").importDirectory(src.toFile()).as(JavaArchive.class)
                    : ShrinkWrap.create(ZipImporter.class, "server.jar").importFrom(src.toFile()).as(JavaArchive.class);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
