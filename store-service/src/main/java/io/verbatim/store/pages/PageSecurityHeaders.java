package io.verbatim.store.pages;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Headers of every page ({@link Pages}): a strict Content-Security-Policy (scripts, styles, images and connections from this
 * origin only, no inline script or style, no framing, forms posting only here), no MIME sniffing, no referrer sent
 * to other sites. The pages load nothing from elsewhere, so a reader's visit leaks to no third party.
 */
public class PageSecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @ServerResponseFilter
    public void onPage(SimpleResourceInfo resource, ContainerResponseContext response) {
        if (resource != null && resource.getResourceClass() == Pages.class) {
            response.getHeaders().putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
            response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
        }
    }
}
