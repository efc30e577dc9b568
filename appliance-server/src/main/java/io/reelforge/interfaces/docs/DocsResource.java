package io.reelforge.interfaces.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.reelforge.domain.shared.ReelforgeException;

/**
 * {@code /docs/} (index.html): the page, and the few Swagger UI files it loads, from the webjar on the class path (the
 * JAX-RS application owns every path, so the servlet container's static files are not reachable here).
 */
@Path("docs")
public class DocsResource {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8",
            "favicon-32x32.png", "image/png");
    private static final String VERSION = webjarVersion();

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/docs/index.html")).build();
    }

    @GET
    @Path("{file}")
    @Operation(hidden = true)
    public Response asset(@PathParam("file") String file) {
        if ("index.html".equals(file)) {
            return Response.ok(open("io/reelforge/interfaces/docs/index.html"), "text/html; charset=utf-8").build();
        }
        String type = ASSETS.get(file);
        if (type == null) {
            throw ReelforgeException.notFound("file", file);
        }
        return Response.ok(open(WEBJAR + VERSION + "/" + file), type).header("Cache-Control", "public, max-age=86400").build();
    }

    private static InputStream open(String resource) {
        InputStream in = DocsResource.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw ReelforgeException.notFound("file", resource.substring(resource.lastIndexOf('/') + 1));
        }
        return in;
    }

    private static String webjarVersion() {
        try (InputStream in = DocsResource.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "missing");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
